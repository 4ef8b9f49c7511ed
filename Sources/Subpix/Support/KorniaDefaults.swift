/// kornia's default arguments that more than one place needs (the ops' own
/// signatures, and the viewer's panel and saved scripts, which show them).
public enum KorniaDefaults {
    /// `conv_soft_argmax3d(..., strict_maxima_bonus=0.0)`.
    public static let convSoftArgmax3dStrictMaximaBonus = 0.0
    /// `conv_quad_interp3d(..., strict_maxima_bonus=10.0)`.
    public static let quadInterpStrictMaximaBonus = 10.0
}
