/// One named benchmark: inputs are made once by `prepare`, then the returned
/// closure (the timed part) runs repeatedly.
public struct Workload: Sendable {
    /// The name shared with kornia's suite (`csa2d_doc`, `nms3d_large`, ...).
    public var name: String
    /// What the workload runs, for `subpix bench --list`.
    public var summary: String
    /// Builds the inputs and returns the timed body.
    public var prepare: @Sendable () throws -> () throws -> Void

    public init(name: String, summary: String, prepare: @escaping @Sendable () throws -> () throws -> Void) {
        self.name = name
        self.summary = summary
        self.prepare = prepare
    }
}
