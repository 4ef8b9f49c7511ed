/// The character ramp that stands in for colour where there is none (`--colors
/// ascii`, 8-colour terminals, `show` without a terminal): ten steps of ink.
public enum AsciiRamp {
    public static let characters: [Character] = Array(" .:-=+*#%@")

    /// The character for position `t` in [0, 1] (clamped).
    public static func character(_ t: Double) -> Character {
        guard t.isFinite else { return t > 0 ? characters[characters.count - 1] : characters[0] }
        return characters[max(0, min(characters.count - 1, Int(t * Double(characters.count))))]
    }
}
