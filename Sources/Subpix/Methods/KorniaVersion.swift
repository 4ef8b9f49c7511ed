/// The kornia release whose semantics a call follows: its signatures, defaults
/// and numbers.
///
/// kornia 0.9 changed the soft-argmax family (temperature divides, each window's
/// softmax is its own, whole-pixel window offsets) and `conv_quad_interp3d`'s
/// signature; a method's parameters say which release has them and what each
/// release's default is (``Method/Parameter``).
public enum KorniaVersion: String, Sendable, CaseIterable, Comparable {
    /// kornia 0.7.4, the release the reference page documents.
    case v0_7 = "0.7"
    /// kornia 0.9.0, the current release and the default.
    case v0_9 = "0.9"

    /// The version a call follows when nobody chose one.
    public static let `default`: KorniaVersion = .v0_9

    /// The release whose numbers the golden cases hold (`0.7.4`).
    public var release: String {
        switch self {
        case .v0_7: "0.7.4"
        case .v0_9: "0.9.0"
        }
    }

    /// The version `text` names: `0.7`, `0.7.4`, `0.9` or `0.9.0`.
    ///
    /// - Throws: ``SubpixError`` naming the versions there are.
    public init(parsing text: String) throws {
        guard let version = Self.allCases.first(where: { text == $0.rawValue || text == $0.release }) else {
            let names = Self.allCases.map(\.rawValue).joined(separator: " or ")
            throw SubpixError("kornia", "expected version \(names), got '\(text)'")
        }
        self = version
    }

    public static func < (lhs: KorniaVersion, rhs: KorniaVersion) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
