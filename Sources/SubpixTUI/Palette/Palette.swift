import Foundation
import SubpixScript

/// A colour ramp over [0, 1] in xterm-256 colour indices.
public struct Palette: Sendable, Equatable {
    public let name: PaletteName
    /// 32 colour indices from low to high.
    public let ramp: [Int16]

    /// Colour of a NaN cell (bright magenta) and of ±infinity (white / black) on any palette.
    public static let nanColor: Int16 = 201
    public static let asciiRamp: [Character] = Array(" .:-=+*#%@")

    public init(_ name: PaletteName) {
        self.name = name
        let stops: [(Double, Double, Double)]
        switch name {
        case .viridis, .auto: stops = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
        case .magma: stops = [(0, 0, 4), (81, 18, 124), (183, 55, 121), (252, 137, 97), (252, 253, 191)]
        case .gray: stops = [(8, 8, 8), (238, 238, 238)]
        case .diverging: stops = [(33, 102, 172), (146, 197, 222), (247, 247, 247), (244, 165, 130), (178, 24, 43)]
        }
        ramp = (0..<32).map { step in
            let t = Double(step) / 31 * Double(stops.count - 1)
            let low = min(Int(t), stops.count - 2), f = t - Double(low)
            let (a, b) = (stops[low], stops[low + 1])
            return Self.xterm(a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
        }
    }

    /// The palette for `name`, resolving `auto`: diverging for signed data, viridis otherwise.
    public static func resolve(_ name: PaletteName, signed: Bool) -> Palette {
        Palette(name == .auto ? (signed ? .diverging : .viridis) : name)
    }

    /// The colour for `t` in [0, 1] (clamped).
    public func color(_ t: Double) -> Int16 {
        ramp[max(0, min(ramp.count - 1, Int(t * Double(ramp.count))))]
    }

    /// The ASCII ramp character for `t` in [0, 1].
    public static func character(_ t: Double) -> Character {
        asciiRamp[max(0, min(asciiRamp.count - 1, Int(t * Double(asciiRamp.count))))]
    }

    /// The nearest xterm-256 colour: the 6×6×6 cube or the 24-step gray ramp.
    static func xterm(_ r: Double, _ g: Double, _ b: Double) -> Int16 {
        let levels: [Double] = [0, 95, 135, 175, 215, 255]
        func nearest(_ v: Double) -> Int { levels.indices.min { abs(levels[$0] - v) < abs(levels[$1] - v) } ?? 0 }
        let (ri, gi, bi) = (nearest(r), nearest(g), nearest(b))
        let cube = (levels[ri], levels[gi], levels[bi])
        let cubeDistance = pow(cube.0 - r, 2) + pow(cube.1 - g, 2) + pow(cube.2 - b, 2)
        let grayLevel = max(0, min(23, Int(((r + g + b) / 3 - 8) / 10 + 0.5)))
        let gray = Double(8 + 10 * grayLevel)
        let grayDistance = pow(gray - r, 2) + pow(gray - g, 2) + pow(gray - b, 2)
        return grayDistance < cubeDistance ? Int16(232 + grayLevel) : Int16(16 + 36 * ri + 6 * gi + bi)
    }
}
