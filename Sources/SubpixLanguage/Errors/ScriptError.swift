/// An error of the script language: where it happened and what went wrong.
///
/// Printed by `subpix run` as `FILE:LINE:COL: error: message`.
public struct ScriptError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition?

    public init(_ message: String, at position: SourcePosition? = nil) {
        self.message = message
        self.position = position
    }

    public var description: String {
        position.map { "\($0): \(message)" } ?? message
    }
}
