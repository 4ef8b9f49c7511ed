import XCTest
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

final class RenderTests: XCTestCase {
    func testDemoSnapshotsAtTwoSizes() throws {
        for (width, height) in [(100, 32), (140, 40)] {
            let buffer = rendered(try demoModel(), width, height)
            let match = try assertSnapshot(buffer, named: "demo-\(width)x\(height)")
            XCTAssertTrue(match.text, "text plane of demo-\(width)x\(height) changed")
            XCTAssertTrue(match.color, "colour plane of demo-\(width)x\(height) changed")
        }
    }

    func testHelpOverlayAsciiAndTooSmallSnapshots() throws {
        let model = try demoModel()
        model.update(.character("?"))
        XCTAssertTrue(try assertSnapshot(rendered(model, 100, 32), named: "help-100x32") == (true, true))
        let ascii = try demoModel(colorMode: .ascii)
        XCTAssertTrue(try assertSnapshot(rendered(ascii, 100, 32), named: "ascii-100x32") == (true, true))
        XCTAssertTrue(try assertSnapshot(rendered(ascii, 30, 8), named: "too-small-30x8") == (true, true))
    }

    /// Independent of the snapshots: the brightest pixel gets the palette's top colour,
    /// the too-small message is centred, NaN cells are drawn distinctly.
    func testHeatmapColoursAndSpecialCells() throws {
        var values = [Double](repeating: 0, count: 16)
        values[5] = 10
        values[10] = .nan
        let tensor = AnyTensor.float64(try Tensor(shape: [1, 1, 4, 4], elements: values))
        let slice = MapSlice(tensor, batch: 0, channel: 0, depth: 0)
        let palette = Palette(.viridis, mode: .xterm256)
        var buffer = CellBuffer(width: 4, height: 2)
        drawMap(slice, palette: palette, columns: 4, rows: 2, into: &buffer)
        // Pixel (1, 1) is the bottom half of cell (1, 0): background = top of the ramp.
        XCTAssertEqual(buffer[1, 0].background, .indexed(XtermRamp.indices[.viridis]?.last ?? 0))
        XCTAssertEqual(buffer[1, 0].foreground, .indexed(XtermRamp.indices[.viridis]?.first ?? 0))
        let exact = Palette(.viridis, mode: .trueColor)
        drawMap(slice, palette: exact, columns: 4, rows: 2, into: &buffer)
        XCTAssertEqual(buffer[1, 0].background, .rgb(RGB(hex: 0xFDE725)), "true colour: viridis' published top colour")
        XCTAssertEqual(buffer[1, 0].foreground, .rgb(RGB(hex: 0x440154)))
        XCTAssertEqual(buffer[2, 1].glyph, "?")
        XCTAssertEqual(buffer[2, 1].background, Palette.nanColor)
        let small = rendered(try demoModel(), 40, 9)
        let line = small.textPlane.split(separator: "\n", omittingEmptySubsequences: false)[4]
        XCTAssertEqual(line.trimmingCharacters(in: .whitespaces), "terminal too small (need 60×16)")
        XCTAssertEqual(line.prefix(while: { $0 == " " }).count, (40 - line.trimmingCharacters(in: .whitespaces).count) / 2)
    }

    func testSignedMapsPickTheDivergingPaletteAndAsciiUsesTheRamp() throws {
        let signed = MapSlice(.float32(try Tensor(shape: [1, 1, 1, 2], elements: [-1, 1])), batch: 0, channel: 0, depth: 0)
        XCTAssertTrue(signed.isSigned)
        XCTAssertEqual(Palette.resolve(.auto, signed: true, mode: .xterm256).name, .diverging)
        XCTAssertEqual(signed.scale(0), 0.5)
        var buffer = CellBuffer(width: 2, height: 1)
        drawMap(signed, palette: Palette(.gray, mode: .ascii), columns: 2, rows: 1, into: &buffer)
        // A centred scale: the signed ramp, its strongest negative and positive characters.
        XCTAssertEqual(buffer.textPlane, "&@")
    }

    func testKeypointsOfTheDemoLieNearItsKnownPeaks() throws {
        let model = try demoModel()
        let points = try XCTUnwrap(model.runs.first?.keypoints)
        XCTAssertEqual(points.count, 3, "min_value 0.1 keeps the three blobs")
        for peak in model.groundTruth {
            let nearest = points.map { hypot($0.x - peak.x, $0.y - peak.y) }.min() ?? .infinity
            XCTAssertLessThan(nearest, 1, "a 3×3 soft-argmax lands within a pixel of each blob centre")
        }
    }
}

final class DiagnosisViewTests: XCTestCase {
    /// The spatial soft-argmax of the three-blob demo is pulled between the blobs: a badge,
    /// and `d` opens the full diagnosis.
    func testBadgeAndDiagnosisPane() throws {
        let model = try demoModel()
        XCTAssertEqual(model.diagnosis?.verdicts.first?.label, "T too high", "the default T = 1 on the demo's range ≈ 1")
        // From conv_soft_argmax2d (second in the cycle) round to spatial_soft_argmax2d (first).
        for _ in 1..<KeypointMethod.methods(forRank: 4).count { model.update(.character("m")) }
        XCTAssertEqual(model.session.view.method, .spatialSoftArgmax2d)
        let badge = rendered(model, 100, 32)
        XCTAssertTrue(badge.textPlane.contains("⚠ 3 modes — d for the diagnosis"))
        model.update(.character("d"))
        XCTAssertEqual(model.mode, .diagnosis)
        let pane = rendered(model, 100, 32)
        XCTAssertTrue(pane.textPlane.contains("3 modes: the expectation lands between them; use conv_soft_argmax2d + NMS"))
        XCTAssertTrue(try assertSnapshot(pane, named: "diagnosis-100x32") == (true, true))
    }
}
