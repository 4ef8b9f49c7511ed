import Foundation

/// A colour in Björn Ottosson's Oklab space: `L` perceived lightness (0 black … 1
/// white), `a` green–red, `b` blue–yellow. Euclidean distance approximates how
/// different two colours look, which is what choosing terminal colours needs.
public struct Oklab: Sendable, Equatable {
    public var lightness: Double
    public var a: Double
    public var b: Double

    public init(lightness: Double, a: Double, b: Double) {
        self.lightness = lightness
        self.a = a
        self.b = b
    }

    /// The Oklab coordinates of an sRGB colour: linearise, LMS by Ottosson's M₁,
    /// cube root, then M₂.
    public init(_ color: RGB) {
        let (r, g, bl) = (RGB.linear(color.red), RGB.linear(color.green), RGB.linear(color.blue))
        let l = Foundation.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * bl)
        let m = Foundation.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * bl)
        let s = Foundation.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * bl)
        lightness = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s
        a = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s
        b = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s
    }

    /// Colourfulness: the distance from the grey axis.
    public var chroma: Double { (a * a + b * b).squareRoot() }

    /// Euclidean distance in Oklab.
    public func distance(to other: Oklab) -> Double {
        let (dl, da, db) = (lightness - other.lightness, a - other.a, b - other.b)
        return (dl * dl + da * da + db * db).squareRoot()
    }
}
