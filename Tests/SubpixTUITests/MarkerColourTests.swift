import XCTest
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

/// Markers stand out from every colour of every palette, in both colour modes.
final class MarkerColourTests: XCTestCase {
    private let styles = KeypointMethod.all.map(MarkerStyle.of) + [MarkerStyle.truth]

    /// Every marker style over every colour any palette can give a cell (all 256 stops in
    /// true colour, every ramp entry in 256 colours, and the NaN colour) reaches a 3 : 1 WCAG contrast.
    func testEveryMarkerMeetsThreeToOneOverEveryCellColour() {
        for mode in [ColorMode.trueColor, .xterm256] {
            for name in [PaletteName.viridis, .magma, .gray, .diverging] {
                let palette = Palette(name, mode: mode)
                let cellColours = Set((0..<256).map { palette.color((Double($0) + 0.5) / 256) } + [Palette.nanColor])
                for background in cellColours {
                    for style in styles {
                        let marker = palette.markerColor(style, over: background)
                        let ratio = (marker.rgb ?? .black).contrastRatio(with: background.rgb ?? .black)
                        XCTAssertGreaterThanOrEqual(ratio, 3, "\(style.shape) on \(background) in \(name), \(mode)")
                    }
                }
            }
        }
    }

    /// Where the style's own colour already contrasts, it is kept (the legend's colour).
    func testContrastingColourIsKept() {
        let palette = Palette(.viridis, mode: .trueColor)
        let darkest = palette.color(0)
        for style in styles where style.color.contrastRatio(with: darkest.rgb ?? .black) >= 3 {
            XCTAssertEqual(palette.markerColor(style, over: darkest), palette.legendColor(style))
        }
    }

    /// Methods shown together (the 2D ones, the 3D ones), and the ground truth, each have
    /// their own shape, glyph and colour.
    func testMethodsShownTogetherHaveDistinctMarkers() {
        for group in [KeypointMethod.all.filter { !$0.isVolumetric }, KeypointMethod.all.filter(\.isVolumetric)] {
            let styles = group.map(MarkerStyle.of) + [MarkerStyle.truth]
            XCTAssertEqual(Set(styles.map(\.shape.glyph)).count, styles.count, "\(group)")
            XCTAssertEqual(Set(styles.map(\.color)).count, styles.count, "\(group)")
        }
    }
}
