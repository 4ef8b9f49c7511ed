import Foundation

/// An sRGB colour with 8 bits per channel.
public struct RGB: Sendable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// The colour `0xRRGGBB`.
    public init(hex: UInt32) {
        self.init(UInt8(truncatingIfNeeded: hex >> 16), UInt8(truncatingIfNeeded: hex >> 8), UInt8(truncatingIfNeeded: hex))
    }

    public static let black = RGB(0, 0, 0)
    public static let white = RGB(255, 255, 255)

    /// `0xRRGGBB`.
    public var hex: UInt32 { UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue) }

    /// True when the three channels are equal: a shade of grey.
    public var isGrey: Bool { red == green && green == blue }

    /// The channel in linear light: the sRGB transfer function undone.
    static func linear(_ channel: UInt8) -> Double {
        let c = Double(channel) / 255
        return c <= 0.04045 ? c / 12.92 : Foundation.pow((c + 0.055) / 1.055, 2.4)
    }

    /// WCAG 2 relative luminance: `0.2126 R + 0.7152 G + 0.0722 B` of the linear channels.
    public var relativeLuminance: Double {
        0.2126 * Self.linear(red) + 0.7152 * Self.linear(green) + 0.0722 * Self.linear(blue)
    }

    /// WCAG 2 contrast ratio `(L₁ + 0.05) / (L₂ + 0.05)`, lighter over darker: 1 (same) to 21 (black on white).
    public func contrastRatio(with other: RGB) -> Double {
        let (a, b) = (relativeLuminance, other.relativeLuminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The straight sRGB mix `(1 − t)·self + t·other`, rounded per channel.
    public func mixed(with other: RGB, _ t: Double) -> RGB {
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
        return RGB(mix(red, other.red), mix(green, other.green), mix(blue, other.blue))
    }

    /// This colour if it reaches `ratio` contrast against `background`, otherwise the
    /// first mix towards white or black (whichever contrasts more with the background)
    /// that does. White or black always reaches 3 : 1 — the better of the two gives at
    /// least √21 ≈ 4.58 — so the hue is kept as far as contrast allows.
    public func contrasting(against background: RGB, ratio: Double = 3) -> RGB {
        guard contrastRatio(with: background) < ratio else { return self }
        let extreme = RGB.white.contrastRatio(with: background) >= RGB.black.contrastRatio(with: background) ? RGB.white : RGB.black
        for step in 1...10 {
            let candidate = mixed(with: extreme, Double(step) / 10)
            if candidate.contrastRatio(with: background) >= ratio { return candidate }
        }
        return extreme
    }
}
