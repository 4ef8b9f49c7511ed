import XCTest
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

/// `Palette.markerColor` remembers its answers: remembered answers are the ones worked
/// out afresh, for every style over every colour a cell can have in every mode, asked
/// twice, and past the point where the memory starts over (more than 4096 backgrounds).
final class MarkerColourCacheTests: XCTestCase {
    private let styles = KeypointMethod.all.map(MarkerStyle.of) + [MarkerStyle.truth]

    func testRememberedAnswersAreTheComputedOnes() {
        for mode in ColorMode.allCases {
            for name in [PaletteName.viridis, .magma, .gray, .diverging] {
                let palette = Palette(name, mode: mode)
                let cellColours = Set((0..<256).map { palette.color((Double($0) + 0.5) / 256) } + [Palette.nanColor])
                for _ in 0..<2 {
                    for background in cellColours {
                        for style in styles {
                            XCTAssertEqual(palette.markerColor(style, over: background), palette.computedMarkerColor(style, over: background),
                                           "\(style.shape) on \(background) in \(name), \(mode)")
                        }
                    }
                }
            }
        }
        // Many true-colour backgrounds: the memory starts over on the way and answers stay right.
        let palette = Palette(.viridis, mode: .xterm256)
        for round in 0..<2 {
            for value in stride(from: 0, to: 1 << 24, by: 4091) {
                let background = TerminalColor.rgb(RGB(UInt8(value >> 16), UInt8(value >> 8 & 255), UInt8(value & 255)))
                let style = styles[value % styles.count]
                XCTAssertEqual(palette.markerColor(style, over: background), palette.computedMarkerColor(style, over: background), "round \(round)")
            }
        }
    }
}
