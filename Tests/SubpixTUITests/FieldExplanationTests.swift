import XCTest
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

/// The field's decoders in the viewer: their glyphs in compare mode and the `x` pane.
final class FieldExplanationTests: XCTestCase {
    /// A viewer on a noiseless Gaussian of σ = 1.5 at (7.3, 9.6) with `method` selected.
    private func gaussianModel(_ method: String, colorMode: ColorMode = .xterm256) throws -> ViewerModel {
        let model = try demoModel(colorMode: colorMode)
        model.run("heat = gaussians(size=(20, 24), peaks=[(7.3, 9.6, 1.5)])")
        model.run("view.input = 'heat'")
        model.run("view.method = '\(method)'")
        (model.cursorX, model.cursorY) = (7, 10)
        return model
    }

    /// The log-parabola through three samples of a Gaussian is exact: the pane's x̂, ŷ
    /// at the peak pixel are the true centre, and the sketch marks the three samples.
    func testGaussianExplanationShowsTheSamplesAndTheExactVertex() throws {
        let model = try gaussianModel("gaussian")
        model.update(.character("x"))
        let lines = ExplainPane(model: model).lines
        XCTAssertTrue(lines.contains { $0.hasSuffix("→ x = 7.3000") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasSuffix("→ y = 9.6000") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("x: samples at 6, 7, 8 = ") }, "\(lines)")
        XCTAssertEqual(lines.filter { $0.contains("o") && $0.contains("·") }.isEmpty, false, "the sketch draws samples on the curve")
        XCTAssertTrue(Renderer().render(model).textPlane.contains("explain gaussian"))
    }

    /// DARK's pane ends at the point refine_dark gives for the same pixel.
    func testDarkExplanationEndsWhereTheRefinerDoes() throws {
        let model = try gaussianModel("dark")
        model.update(.character("x"))
        let lines = ExplainPane(model: model).lines
        let map: Tensor<Float> = try XCTUnwrap(model.viewed?.tensor).tensor()
        let refined = try refineDark(map, coords: Tensor(shape: [1, 1, 2], elements: [7, 10]))
        let expected = String(format: "→ (%.4f, %.4f)", refined.elements[0], refined.elements[1])
        XCTAssertTrue(lines.contains { $0.hasPrefix("gradient g = (") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasSuffix(expected) }, "\(lines) vs \(expected)")
        (model.cursorX, model.cursorY) = (1, 10)
        XCTAssertEqual(ExplainPane(model: model).lines.first,
                       "pixel (1, 10) is too near the border: DARK needs 1 < x < W − 2 and 1 < y < H − 2")
    }

    /// With `o` every decoder's letter is drawn (ASCII mode shows glyphs); the side panel
    /// lists them.
    func testCompareModeDrawsTheDecodersGlyphs() throws {
        let model = try gaussianModel("conv_soft_argmax2d", colorMode: .ascii)
        model.update(.character("o"))
        let screen = rendered(model, 120, 40).textPlane
        for method in ["quarter", "gaussian", "dark", "dark_udp", "centroid_com"] {
            XCTAssertTrue(screen.contains(method), "\(method) in the panel")
        }
        let letters = Set(screen.split(separator: "\n").prefix(30).joined())
        XCTAssertFalse(letters.isDisjoint(with: ["q", "g", "d", "u", "m", "p", "c", "Q"]), "decoder glyphs on the map")
    }
}
