/// The error every op of the compute core throws on bad input.
///
/// Its message names the op, what was expected and what was given, in one line:
///
/// ```
/// conv_soft_argmax2d: expected input of shape (B, C, H, W), got (3, 4)
/// ```
public struct SubpixError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kornia name of the op that rejected its input (`conv_soft_argmax2d`).
    public var op: String
    /// What was expected and what was given.
    public var message: String

    public init(_ op: String, _ message: String) {
        self.op = op
        self.message = message
    }

    public var description: String { "\(op): \(message)" }
}

/// Formats a shape the way kornia's messages and torch's `Size` read: `(2, 3, 5)`.
public func formatShape(_ shape: [Int]) -> String {
    "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
}
