/// What ``ViewerModel/update(_:)`` asks to be done outside it, as bubbletea's
/// `Cmd` does: `update` changes only the model and returns these, and the loop
/// (``ViewerLoop``) performs them and sends each outcome back as an event
/// (``ViewerEvent/performed(_:)``, ``ViewerEvent/computed(_:_:)``).
public enum ViewerEffect: Sendable {
    /// Run a statement typed on the `:` line in the session.
    case run(String)
    /// Write a file the keys make (`w`, `e`, `i`), never overwriting one.
    case write(ViewerFile)
    /// Compute the keypoints the view now waits for (``ViewerModel/awaited``).
    case compute(ViewComputation)
    /// Compute the gradient overlay the view now waits for (``ViewerModel/awaitedInfluence``).
    case computeInfluence(InfluenceComputation)
}
