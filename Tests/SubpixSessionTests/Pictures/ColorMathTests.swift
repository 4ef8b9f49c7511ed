import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

/// Oklab, WCAG contrast and the published colour tables, against values derived by hand
/// or published next to the definitions.
final class ColorMathTests: XCTestCase {
    /// Reference values from Ottosson's Oklab post ("A perceptual color space for image
    /// processing", 2020): white (1, 0, 0) and sRGB red/green/blue.
    func testOklabMatchesPublishedValues() {
        let cases: [(RGB, (Double, Double, Double))] = [
            (.white, (1.0, 0, 0)),
            (.black, (0, 0, 0)),
            (RGB(255, 0, 0), (0.627955, 0.224863, 0.125846)),
            (RGB(0, 255, 0), (0.866440, -0.233888, 0.179498)),
            (RGB(0, 0, 255), (0.452014, -0.032457, -0.311528)),
        ]
        for (color, expected) in cases {
            let lab = Oklab(color)
            XCTAssertEqual(lab.lightness, expected.0, accuracy: 2e-4, "\(color)")
            XCTAssertEqual(lab.a, expected.1, accuracy: 2e-4, "\(color)")
            XCTAssertEqual(lab.b, expected.2, accuracy: 2e-4, "\(color)")
        }
        XCTAssertEqual(Oklab(RGB(119, 119, 119)).chroma, 0, accuracy: 1e-6, "greys have no chroma")
    }

    /// WCAG 2: black on white is 21 : 1; #777777 on white is 4.48 : 1 (the classic
    /// "just fails AA" grey); luminance of sRGB mid-grey 0x80 is 0.2159.
    func testWCAGContrastRatios() {
        XCTAssertEqual(RGB.black.contrastRatio(with: .white), 21, accuracy: 1e-9)
        XCTAssertEqual(RGB(119, 119, 119).contrastRatio(with: .white), 4.48, accuracy: 0.01)
        XCTAssertEqual(RGB(128, 128, 128).relativeLuminance, 0.2158605, accuracy: 1e-6)
        XCTAssertEqual(RGB(255, 0, 0).contrastRatio(with: RGB(255, 0, 0)), 1)
    }

    /// Whatever the background, the colour chosen against it reaches 3 : 1; a colour that
    /// already contrasts is kept as it is.
    func testContrastingColourAlwaysReachesThreeToOne() {
        let hues = [RGB(0, 255, 255), RGB(255, 0, 255), RGB(255, 60, 60), RGB(255, 255, 0), RGB(40, 40, 255)]
        for level in stride(from: 0, through: 255, by: 5) {
            for background in [RGB(UInt8(level), UInt8(level), UInt8(level)), RGB(UInt8(level), 0, UInt8(255 - level))] {
                for hue in hues {
                    XCTAssertGreaterThanOrEqual(hue.contrasting(against: background).contrastRatio(with: background), 3, "\(hue) on \(background)")
                }
            }
        }
        XCTAssertEqual(RGB(255, 255, 0).contrasting(against: .black), RGB(255, 255, 0))
    }

    /// The tables are matplotlib's: 256 stops, with the end colours matplotlib documents
    /// (viridis #440154 → #fde725, magma #000004 → #fcfdbf, gray black → white, RdBu
    /// reversed #053061 → #67001f with ColorBrewer's #f7f7f7 in the middle).
    func testTablesArePublishedOnesWith256Stops() {
        let ends: [PaletteName: (UInt32, UInt32)] = [
            .viridis: (0x440154, 0xFDE725), .magma: (0x000004, 0xFCFDBF), .gray: (0x000000, 0xFFFFFF), .diverging: (0x053061, 0x67001F),
        ]
        for (name, (low, high)) in ends {
            let map = ColorMap(name)
            XCTAssertEqual(map.colors.count, 256, "\(name)")
            XCTAssertEqual(map.colors.first?.hex, low, "\(name)")
            XCTAssertEqual(map.colors.last?.hex, high, "\(name)")
            XCTAssertEqual(Set(map.colors).count, 256, "\(name): every stop is its own colour")
        }
        let middle = ColorMap(.diverging).colors[127...128].map(Oklab.init)
        XCTAssertTrue(middle.allSatisfy { $0.lightness > 0.95 && $0.chroma < 0.02 }, "the diverging centre is near-white")
        XCTAssertEqual(ColorMap.resolve(.auto, signed: true).name, .diverging)
        XCTAssertEqual(ColorMap.resolve(.auto, signed: false).name, .viridis)
    }

    /// Oklab lightness rises strictly along viridis, magma and gray: the scale reads one way.
    func testLightnessIncreasesStrictlyAlongTheSequentialTables() {
        for name in [PaletteName.viridis, .magma, .gray] {
            let lightness = ColorMap(name).colors.map { Oklab($0).lightness }
            for i in 1..<lightness.count {
                XCTAssertGreaterThan(lightness[i], lightness[i - 1], "\(name) stop \(i)")
            }
        }
    }

    /// 3 % of the range apart is a visibly different colour: about 8 stops, Oklab ΔE > 0.015
    /// (one ΔE*ab, the usual just-noticeable difference, is about 0.01 in Oklab's units).
    func testThreePercentIsVisibleInTrueColour() {
        for name in [PaletteName.viridis, .magma, .gray] {
            let map = ColorMap(name)
            for t in stride(from: 0.0, through: 0.96, by: 0.01) {
                XCTAssertGreaterThan(Oklab(map.color(t)).distance(to: Oklab(map.color(t + 0.03))), 0.015, "\(name) at \(t)")
            }
        }
    }

    func testAsciiRampEnds() {
        XCTAssertEqual(AsciiRamp.character(0), " ")
        XCTAssertEqual(AsciiRamp.character(1), "@")
        XCTAssertEqual(AsciiRamp.character(.nan), " ")
        XCTAssertEqual(AsciiRamp.character(0, signed: true), "&")
        XCTAssertEqual(AsciiRamp.character(0.5, signed: true), " ", "0 on a centred scale is blank")
        XCTAssertEqual(AsciiRamp.character(1, signed: true), "@")
    }

    /// Issue 25: in ASCII mode `spatial_soft_argmax2d`'s `+` marker was the ramp's own `+`. No
    /// marker glyph is a ramp character now, and the two sides of the signed ramp share none.
    func testAsciiRampsHoldNoMarkerGlyph() {
        let glyphs = Set(KeypointMethod.all.map { MarkerStyle.of($0).shape.glyph } + [MarkerStyle.truth.shape.glyph])
        XCTAssertTrue(glyphs.contains("+"))
        XCTAssertTrue(glyphs.isDisjoint(with: AsciiRamp.characters), "\(glyphs.intersection(AsciiRamp.characters))")
        XCTAssertTrue(glyphs.isDisjoint(with: AsciiRamp.signedCharacters), "\(glyphs.intersection(AsciiRamp.signedCharacters))")
        let signed = AsciiRamp.signedCharacters
        XCTAssertTrue(Set(signed[..<5]).isDisjoint(with: signed[6...]), "negative and positive sides differ")
        XCTAssertEqual(Set(AsciiRamp.characters).count, AsciiRamp.characters.count)
    }
}
