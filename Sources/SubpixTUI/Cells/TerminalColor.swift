import Foundation
import SubpixPictures

/// A cell's colour: the terminal's default, an xterm-256 index, or a 24-bit
/// colour (drawn only in true-colour mode). Integer literals are indices, `-1` the default.
public enum TerminalColor: Sendable, Hashable, ExpressibleByIntegerLiteral {
    case standard
    case indexed(UInt8)
    case rgb(RGB)

    public init(integerLiteral value: Int) {
        self = (0...255).contains(value) ? .indexed(UInt8(value)) : .standard
    }

    /// The colour as a terminal with xterm's default palette shows it; nil for the default.
    public var rgb: RGB? {
        switch self {
        case .standard: nil
        case .indexed(let index): Xterm.rgb(index)
        case .rgb(let color): color
        }
    }

    /// How snapshots write it: `..` for the default, two hex digits for an index, six for a 24-bit colour.
    var snapshotCode: String {
        switch self {
        case .standard: ".."
        case .indexed(let index): String(format: "%02x", index)
        case .rgb(let color): String(format: "%06x", color.hex)
        }
    }
}
