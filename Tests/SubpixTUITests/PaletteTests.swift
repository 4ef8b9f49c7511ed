import XCTest
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

/// The palettes as the terminal draws them, in both colour modes.
final class PaletteTests: XCTestCase {
    private func colors(_ name: PaletteName, _ mode: ColorMode) -> [RGB] {
        let palette = Palette(name, mode: mode)
        return (0..<256).compactMap { palette.color((Double($0) + 0.5) / 256).rgb }
    }

    /// Along viridis, magma and gray, Oklab lightness never falls, and between
    /// neighbouring distinct colours it strictly rises — in true colour and in 256 colours.
    func testLightnessStrictlyIncreasesInBothModes() {
        for mode in [ColorMode.trueColor, .xterm256] {
            for name in [PaletteName.viridis, .magma, .gray] {
                let distinct = colors(name, mode).reduce(into: [RGB]()) { if $0.last != $1 { $0.append($1) } }
                let lightness = distinct.map { Oklab($0).lightness }
                for i in 1..<lightness.count {
                    XCTAssertGreaterThan(lightness[i], lightness[i - 1], "\(name) in \(mode) at colour \(i)")
                }
                XCTAssertEqual(Set(distinct).count, distinct.count, "\(name) in \(mode): no colour comes back")
            }
        }
    }

    /// No entry the 256-colour viridis or magma uses is a grey (neither the grey ramp nor
    /// the cube's diagonal, nor a near-grey); gray uses only greys.
    func testNoGreyInsideViridisOrMagma() {
        for name in [PaletteName.viridis, .magma] {
            for index in Set(XtermRamp.indices[name] ?? []) {
                let color = Xterm.rgb(index)
                XCTAssertFalse(color.isGrey, "\(name) uses grey entry \(index)")
                XCTAssertGreaterThanOrEqual(Oklab(color).chroma, XtermRamp.greyChroma, "\(name) uses near-grey entry \(index)")
                XCTAssertTrue((16...231).contains(index), "\(name) uses entry \(index) outside the cube")
            }
        }
        XCTAssertTrue((XtermRamp.indices[.gray] ?? []).allSatisfy { Xterm.rgb($0).isGrey })
    }

    /// Oklab chroma of an sRGB colour, worked here apart from the ``Oklab`` type under test
    /// (Ottosson 2020): each channel c/255 is linearised, u ≤ 0.04045 ? u/12.92 :
    /// ((u+0.055)/1.055)^2.4; the cone responses l, m, s are M₁·rgb, cube-rooted; then
    /// a = 1.9779985 l − 2.4285922 m + 0.4505937 s, b = 0.0259040 l + 0.7827718 m − 0.8086758 s,
    /// and chroma = √(a² + b²). By hand, xterm 66 = (95, 135, 135): linear (0.1144, 0.2423,
    /// 0.2423), l, m, s = (0.5745, 0.5992, 0.6136), a = −0.0426, b = −0.0122, chroma 0.0443.
    private func chroma(_ color: RGB) -> Double {
        let linear = [color.red, color.green, color.blue].map { channel -> Double in
            let u = Double(channel) / 255
            return u <= 0.04045 ? u / 12.92 : pow((u + 0.055) / 1.055, 2.4)
        }
        let m1 = [[0.4122214708, 0.5363325363, 0.0514459929],
                  [0.2119034982, 0.6806995451, 0.1073969566],
                  [0.0883024619, 0.2817188376, 0.6299787005]]
        let lms = m1.map { row in cbrt(zip(row, linear).map(*).reduce(0, +)) }
        let a = 1.9779984951 * lms[0] - 2.4285922050 * lms[1] + 0.4505937099 * lms[2]
        let b = 0.0259040371 * lms[0] + 0.7827717662 * lms[1] - 0.8086757660 * lms[2]
        return (a * a + b * b).squareRoot()
    }

    /// Issue 25: in 256 colours viridis passed through xterm 60, 65, 66 and 107, entries duller
    /// than the stops they stood for (66 has chroma 0.044 where viridis's teal has 0.095), so
    /// blobs looked speckled grey. Every stop of viridis and magma now keeps at least 80 % of
    /// its own chroma.
    func testTwoFiftySixColourViridisAndMagmaStaySaturated() {
        XCTAssertEqual(chroma(Xterm.rgb(66)), 0.0443, accuracy: 0.0005, "the formula, against the hand computation")
        for name in [PaletteName.viridis, .magma] {
            let ramp = XtermRamp.indices[name] ?? []
            XCTAssertEqual(ramp.count, 256)
            for (stop, (color, index)) in zip(ColorMap(name).colors, ramp).enumerated() {
                XCTAssertGreaterThanOrEqual(chroma(Xterm.rgb(index)), 0.8 * chroma(color),
                                            "\(name) stop \(stop) on xterm \(index)")
            }
        }
        XCTAssertTrue(Set(XtermRamp.indices[.viridis] ?? []).isDisjoint(with: [60, 65, 66, 107]))
    }

    /// Distinct colours along each ramp: all 256 in true colour; in 256 colours as many as
    /// the cube allows while staying monotonic (at least 24).
    func testDistinctColoursPerMode() {
        for name in [PaletteName.viridis, .magma, .gray, .diverging] {
            XCTAssertEqual(Set(colors(name, .trueColor)).count, 256, "\(name)")
            XCTAssertGreaterThanOrEqual(Set(XtermRamp.indices[name] ?? []).count, 24, "\(name)")
        }
    }

    /// Every 256-colour entry covers at least 8 consecutive stops (3 % of the range: no sliver
    /// that only makes the count), and the ramp stays close to the palette: mean Oklab
    /// distance under 0.07 (one ΔE*ab is about 0.01).
    func testTwoFiftySixColourRunsAreWideAndClose() {
        for name in [PaletteName.viridis, .magma, .gray, .diverging] {
            let ramp = XtermRamp.indices[name] ?? []
            var runs = [Int](), length = 0
            for (i, index) in ramp.enumerated() {
                if i > 0, index != ramp[i - 1] { runs.append(length); length = 0 }
                length += 1
            }
            runs.append(length)
            XCTAssertGreaterThanOrEqual(runs.min() ?? 0, XtermRamp.minimumRun, "\(name): \(runs)")
            let map = ColorMap(name)
            let mean = zip(map.colors, ramp).map { Oklab($0).distance(to: Oklab(Xterm.rgb($1))) }.reduce(0, +) / 256
            XCTAssertLessThan(mean, 0.07, "\(name)")
        }
    }

    /// The diverging map darkens away from its light centre on both sides, in 256 colours too.
    func testDivergingRampFallsAwayFromTheCentre() {
        let lightness = colors(.diverging, .xterm256).map { Oklab($0).lightness }
        let centre = lightness.indices.max { lightness[$0] < lightness[$1] } ?? 0
        XCTAssertTrue((100...156).contains(centre), "lightest at \(centre)")
        XCTAssertTrue(zip(lightness[..<centre], lightness[1...centre]).allSatisfy { $0 <= $1 })
        XCTAssertTrue(zip(lightness[centre...], lightness[(centre + 1)...]).allSatisfy { $0 >= $1 })
    }

    /// Xterm's table: cube corners and the grey ramp's ends.
    func testXtermTable() {
        XCTAssertEqual(Xterm.rgb(16), .black)
        XCTAssertEqual(Xterm.rgb(231), .white)
        XCTAssertEqual(Xterm.rgb(196), RGB(255, 0, 0))
        XCTAssertEqual(Xterm.rgb(67), RGB(95, 135, 175))
        XCTAssertEqual(Xterm.rgb(232), RGB(8, 8, 8))
        XCTAssertEqual(Xterm.rgb(255), RGB(238, 238, 238))
        XCTAssertEqual(Xterm.nearest(RGB(250, 5, 3)), 196)
    }

    /// Detection: a direct-colour entry or COLORTERM gives true colour; a 256-colour entry
    /// without COLORTERM gives 256; fewer gives ASCII.
    func testColourModeDetection() {
        XCTAssertEqual(ColorMode.detect(terminfoColors: 1 << 24, directColor: false, environment: [:]), .trueColor)
        XCTAssertEqual(ColorMode.detect(terminfoColors: 256, directColor: true, environment: [:]), .trueColor)
        XCTAssertEqual(ColorMode.detect(terminfoColors: 256, directColor: false, environment: ["COLORTERM": "truecolor"]), .trueColor)
        XCTAssertEqual(ColorMode.detect(terminfoColors: 256, directColor: false, environment: ["COLORTERM": "24bit"]), .trueColor)
        XCTAssertEqual(ColorMode.detect(terminfoColors: 256, directColor: false, environment: [:]), .xterm256)
        XCTAssertEqual(ColorMode.detect(terminfoColors: 256, directColor: false, environment: ["COLORTERM": "yes"]), .xterm256)
        XCTAssertEqual(ColorMode.detect(terminfoColors: 8, directColor: false, environment: [:]), .ascii)
        XCTAssertEqual(ColorMode.detect(terminfoColors: -1, directColor: false, environment: ["COLORTERM": "truecolor"]), .ascii)
    }

    /// The derived direct-colour entry extends the user's one and sends `38;2;r;g;b`.
    func testDirectColourEntrySource() {
        let entry = DirectColorTerminfo(base: "xterm-256color")
        XCTAssertTrue(entry.source.hasPrefix("subpix-direct+xterm-256color|"))
        XCTAssertTrue(entry.source.contains("use=xterm-256color,"))
        XCTAssertTrue(entry.source.contains("colors#0x1000000"))
        XCTAssertTrue(entry.source.contains("setaf=\\E[38;2;%p1%{65536}%/%d;"))
        XCTAssertFalse(DirectColorTerminfo.isUsable("xterm,\n\tsetaf=evil"))
        XCTAssertFalse(DirectColorTerminfo.isUsable(""))
    }
}
