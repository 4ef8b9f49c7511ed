import SubpixPictures


/// The xterm-256 colour table: 16 system colours, the 6×6×6 cube (16–231) and the
/// 24-step grey ramp (232–255), with xterm's default values.
enum Xterm {
    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]
    static let system: [UInt32] = [
        0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
        0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
    ]

    /// The colour of entry `index`.
    static func rgb(_ index: UInt8) -> RGB {
        switch index {
        case 0..<16: return RGB(hex: system[Int(index)])
        case 16..<232:
            let cube = Int(index) - 16
            return RGB(cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
        default:
            let level = UInt8(8 + 10 * (Int(index) - 232))
            return RGB(level, level, level)
        }
    }

    /// Entries 16–255, the ones whose colours terminals agree on (the system
    /// sixteen follow the user's theme).
    static let fixedEntries: ClosedRange<UInt8> = 16...255
}

extension Xterm {
    /// The fixed entries in Oklab, converted once (markers look colours up on every frame).
    private static let fixedOklab: [(index: UInt8, color: Oklab)] = fixedEntries.map { ($0, Oklab(rgb($0))) }

    /// The fixed entry (16–255) closest to `color` in Oklab.
    static func nearest(_ color: RGB) -> UInt8 {
        let target = Oklab(color)
        return fixedOklab.min { $0.color.distance(to: target) < $1.color.distance(to: target) }?.index ?? 16
    }
}
