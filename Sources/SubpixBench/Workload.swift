import Subpix

/// One named benchmark: inputs are made once by `prepare`, then the returned
/// closure (the timed part) runs repeatedly.
public struct Workload: Sendable {
    /// The name shared with kornia's suite (`csa2d_doc`, `nms3d_large`, ...).
    public var name: String
    /// What the workload runs, for `subpix bench --list`.
    public var summary: String
    /// Builds the inputs for the kornia release the ops follow and returns the timed body.
    public var prepare: @Sendable (KorniaVersion) throws -> () throws -> Void

    /// A workload whose ops follow the kornia release it is prepared for (`subpix bench --kornia`).
    public init(name: String, summary: String, prepare: @escaping @Sendable (KorniaVersion) throws -> () throws -> Void) {
        self.name = name
        self.summary = summary
        self.prepare = prepare
    }

    /// A workload that is the same in every kornia release (NMS, keypoint extraction).
    public init(name: String, summary: String, prepare: @escaping @Sendable () throws -> () throws -> Void) {
        self.init(name: name, summary: summary) { _ in try prepare() }
    }
}
