/// Everything that can change the viewer, as ``ViewerModel/update(_:)`` takes it:
/// the terminal backend turns input into these, the compute worker posts its
/// results as these, and nothing else changes the model.
public enum ViewerEvent: Sendable {
    /// A key press.
    case key(Key)
    /// The terminal now has this size, in cells.
    case resize(width: Int, height: Int)
    /// A left click at a screen cell.
    case click(column: Int, row: Int)
    /// The clock, in seconds of uptime: the loop sends it while a computation
    /// runs, so the panel can say for how long.
    case tick(Double)
    /// A computation finished: its key and result.
    case computed(ViewComputation.Key, ComputedView)
}
