/// The character ramps that stand in for colour where there is none (`--colors ascii`,
/// 8-colour terminals, `show` without a terminal): ten steps of ink for a map, and a
/// two-sided ramp for a signed one. Neither holds a marker's glyph (`+`, `×`, `○`, …),
/// so a keypoint never reads as a level of the map.
public enum AsciiRamp {
    public static let characters: [Character] = Array(" .,:-=*#%@")
    /// A centred scale (a DoG, the gradient overlay): the negative side's own characters from
    /// its strongest to the weakest, blank around 0, the positive side's up to its strongest.
    public static let signedCharacters: [Character] = Array("&Oo~; .:*#@")

    /// The character for position `t` in [0, 1] (clamped) of a scale, `signed` when it is
    /// centred on 0 (position ½).
    public static func character(_ t: Double, signed: Bool = false) -> Character {
        let ramp = signed ? signedCharacters : characters
        guard t.isFinite else { return t > 0 ? ramp[ramp.count - 1] : ramp[0] }
        return ramp[max(0, min(ramp.count - 1, Int(t * Double(ramp.count))))]
    }
}
