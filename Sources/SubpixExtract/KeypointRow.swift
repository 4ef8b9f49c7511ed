/// One row of `subpix extract`'s table: a keypoint of one map of one input, or with
/// `--per-channel` the empty row of a map without one (`confident` false).
public struct KeypointRow: Sendable, Equatable {
    /// The input's path as given (a stream's path, `-` for standard input).
    public var file: String
    /// The `.npz` member or the `.pt` tensor's name, or "" for a file of one array.
    public var member: String
    /// The array's number in a stream, every array counted, good or bad; 0 for a file.
    public var frame: Int
    public var batch: Int
    public var channel: Int
    /// In pixels; nil in an empty `--per-channel` row.
    public var x: Double?
    public var y: Double?
    public var value: Double?
    /// The method's name, or the `--script` file's.
    public var method: String
    /// With `--per-channel`: whether the map has a peak (the viewer's confidence rule) and a keypoint; nil otherwise.
    public var confident: Bool?

    public init(file: String, member: String, frame: Int, batch: Int, channel: Int,
                x: Double?, y: Double?, value: Double?, method: String, confident: Bool? = nil) {
        (self.file, self.member, self.frame, self.batch, self.channel) = (file, member, frame, batch, channel)
        (self.x, self.y, self.value, self.method, self.confident) = (x, y, value, method, confident)
    }

    /// The table's columns: ``baseColumns``, and `confident` with `--per-channel`.
    public static func columns(perChannel: Bool) -> [String] {
        baseColumns + (perChannel ? ["confident"] : [])
    }

    /// `file, member, frame, batch, channel, x, y, value, method`.
    public static let baseColumns = ["file", "member", "frame", "batch", "channel", "x", "y", "value", "method"]
}
