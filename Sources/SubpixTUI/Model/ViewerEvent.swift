import Foundation

/// Everything that can change the viewer, as ``ViewerModel/update(_:)`` takes it:
/// the terminal backend turns input into these, the compute worker, the live
/// source and the loop performing ``ViewerEffect``s post theirs as these, and
/// nothing else changes the model.
public enum ViewerEvent: Sendable {
    /// A key press.
    case key(Key)
    /// The terminal now has this size, in cells.
    case resize(width: Int, height: Int)
    /// A left click at a screen cell.
    case click(column: Int, row: Int)
    /// Frames, problems or the end from the live source (`--stream`, `--follow`, `-`).
    case live(LiveDelivery)
    /// Time passes: the age of the newest live frame, and how long a computation has run.
    case tick(Date)
    /// A computation finished: its key and result.
    case computed(ViewComputation.Key, ComputedView)
    /// A gradient overlay finished: its key and the overlay, or why there is none.
    case influenceComputed(InfluenceOverlay.Key, Result<InfluenceOverlay, any Error>)
    /// A ``ViewerEffect`` was performed: what the message line should say
    /// (nil: nothing new), or the error that stopped it.
    case performed(Result<String?, any Error>)
}
