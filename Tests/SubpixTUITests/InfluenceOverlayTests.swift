import XCTest
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI
import TestSupport

/// The gradient overlay (`f`): ∂(x or y of the keypoint nearest the cursor)/∂map
/// over the heatmap, and its mass within 2 px vs elsewhere in the panel.
final class InfluenceOverlayTests: XCTestCase {
    /// One Gaussian blob at (20.3, 9.6) on a 24 × 32 map, viewed with `method`, the overlay on (`f`).
    private func overlayModel(sigma: Double, amplitude: Double, method: KeypointMethod = .spatialSoftArgmax2d,
                              colorMode: ColorMode = .xterm256) throws -> ViewerModel {
        let session = Session(output: { _ in })
        // float64: the Swift path on every CPU, so the snapshot's numbers do not depend on the float32 kernels chosen.
        try session.execute("m = zeros((1, 1, 24, 32), dtype='float64') + gaussians((24, 32), [(20.3, 9.6, \(sigma), \(amplitude))])")
        try session.execute("view.method = '\(method.name)'")
        // A blob as wide as the map moves its median and MAD: the confidence rule would call it no peak.
        try session.execute("view.confidence = None")
        let model = ViewerModel(session: session, colorMode: colorMode, outputDirectory: FileManager.default.temporaryDirectory)
        model.showsTimings = false
        model.update(.character("f"))
        return model
    }

    func testFlatAndSharpSnapshots() throws {
        for (name, sigma, amplitude) in [("influence-flat", 9.0, 0.5), ("influence-sharp", 0.8, 25.0)] {
            let model = try overlayModel(sigma: sigma, amplitude: amplitude)
            XCTAssertTrue(try assertSnapshot(rendered(model, 100, 32), named: "\(name)-100x32") == (true, true), name)
        }
    }

    /// Issue 25: in ASCII mode the overlay was a hard `=`/`+` split (the two middle steps of
    /// the map's ramp). It is drawn with the signed ramp: ∂x/∂map pulls left of the blob
    /// (negative) and right of it (positive), each side in graded characters of its own.
    func testAsciiOverlayUsesTheSignedRamp() throws {
        let model = try overlayModel(sigma: 2, amplitude: 3, method: .convSoftArgmax2d, colorMode: .ascii)
        XCTAssertNotNil(model.influence)
        let buffer = rendered(model, 100, 32)
        let drawn = Set((0..<60).flatMap { column in (0..<28).map { buffer[column, $0].glyph } })
        let signed = AsciiRamp.signedCharacters
        XCTAssertGreaterThanOrEqual(drawn.intersection(signed[..<5]).count, 2, "negative side: \(drawn)")
        XCTAssertGreaterThanOrEqual(drawn.intersection(signed[6...]).count, 2, "positive side: \(drawn)")
        XCTAssertFalse(drawn.contains("+"), "\(drawn)")
    }

    func testFlatMapSpreadsTheInfluenceAndASharpOneConcentratesIt() throws {
        let flat = try XCTUnwrap(try overlayModel(sigma: 9, amplitude: 0.5).influence)
        let sharp = try XCTUnwrap(try overlayModel(sigma: 0.8, amplitude: 25).influence)
        let share = { (overlay: InfluenceOverlay) in overlay.mass.near / (overlay.mass.near + overlay.mass.elsewhere) }
        // A nearly uniform softmax: each pixel pulls by p·(x_j − X), so the ~13 pixels within
        // 2 px of the keypoint, the closest to it, carry under 2% of the pull of all 768.
        XCTAssertLessThan(share(flat), 0.02)
        // A softmax with nearly all its mass on the peak's pixels: the pull sits there.
        XCTAssertGreaterThan(share(sharp), 0.95)
        XCTAssertEqual(sharp.axis, .x)
        XCTAssertEqual(values(sharp.slice).reduce(0, +), 0, accuracy: 1e-4, "adding a constant does not move a soft-argmax")
    }

    func testTheOverlayIsTheKeypointsInfluenceMapInTheDivergingPalette() throws {
        let model = try overlayModel(sigma: 2, amplitude: 3, method: .convSoftArgmax2d)
        let overlay = try XCTUnwrap(model.influence)
        let map = try XCTUnwrap(model.viewed).tensor.tensor(as: Double.self)
        let expected = try KeypointMethod.convSoftArgmax2d.influence(
            of: overlay.keypoint, axis: 0, in: AnyTensor(map), with: model.session.view.keypointSettings(minValue: nil))
        XCTAssertEqual(values(overlay.slice), expected.doubles)
        XCTAssertEqual(model.colorScale, overlay.scale)
        XCTAssertEqual(overlay.scale.low, -overlay.scale.high, "the colour scale is symmetric about zero")
        XCTAssertGreaterThan(overlay.scale.high, 0)
        let buffer = rendered(model, 100, 32)
        let palette = Palette(.diverging, mode: .xterm256)
        let heatCells = (0..<60).flatMap { column in (0..<28).map { buffer[column, $0] } }.filter { $0.glyph == "▀" }
        let diverging = Set((0...255).map { palette.color(Double($0) / 255) })
        XCTAssertGreaterThan(heatCells.count, 1000)
        XCTAssertTrue(heatCells.allSatisfy { diverging.contains($0.foreground) && diverging.contains($0.background) })
    }

    /// The snapshot with `f` on, which coloured the map in the diverging palette:
    /// the picture read back holds the gradient, each data pixel in the diverging colour of
    /// its ∂x/∂map on the overlay's symmetric scale; the panel's colour bar names it.
    func testTheSnapshotPicturesTheGradientAndThePanelNamesIt() throws {
        let model = try overlayModel(sigma: 2, amplitude: 3, method: .convSoftArgmax2d)
        model.update(.character("h"))   // markers off: every data pixel's colour is its own
        let buffer = rendered(model, 100, 32)
        let overlay = try XCTUnwrap(model.influence)
        XCTAssertTrue(buffer.textPlane.contains(String(format: "∂x/∂map ±%.4g", overlay.scale.high)), buffer.textPlane)
        XCTAssertFalse(buffer.textPlane.contains("per map"), buffer.textPlane)

        let path = try scratchDirectory("subpix-influence").appendingPathComponent("overlay.png").path
        try ViewSnapshot(model).write(to: path, overwrite: false)
        let png = try RGBFile(path)
        let (width, height) = (overlay.slice.width, overlay.slice.height)
        let labelled = try XCTUnwrap(ViewSnapshot(model).labelled)
        let (upscale, (left, top)) = (labelled.picture.upscale, labelled.mapOrigin)
        XCTAssertEqual(labelled.picture.width, width, "the whole 32 × 24 map is pictured")
        let diverging = ColorMap(.diverging)
        var differing = 0
        for y in 0..<height {
            for x in 0..<width {
                let gradient = overlay.slice[x, y]
                let shown = png.pixel(left + x * upscale + upscale / 2, top + y * upscale + upscale / 2)
                XCTAssertEqual(shown, diverging.color(overlay.scale.position(gradient)), "pixel (\(x), \(y))")
                if shown != diverging.color(overlay.scale.position(model.slice?[x, y] ?? 0)) { differing += 1 }
            }
        }
        XCTAssertGreaterThan(differing, 20, "the map's own values would colour the peak otherwise")
    }

    func testHardArgmaxHasNoInfluence() throws {
        let model = try overlayModel(sigma: 2, amplitude: 3, method: .nms2d)
        let overlay = try XCTUnwrap(model.influence)
        XCTAssertTrue(values(overlay.slice).allSatisfy { $0 == 0 })
        XCTAssertEqual(overlay.panelLines.dropFirst().joined(separator: " "), "zero everywhere: a hard argmax has no gradient")
    }

    func testTheKeyCyclesXYOffAsStatements() throws {
        let model = try overlayModel(sigma: 2, amplitude: 3)
        XCTAssertEqual(model.session.view.influence, .x)
        model.update(.character("f"))
        XCTAssertEqual(model.influence?.axis, .y)
        model.update(.character("f"))
        XCTAssertNil(model.influence)
        XCTAssertEqual(
            model.session.journal.suffix(3), ["view.influence = 'x'", "view.influence = 'y'", "view.influence = None"])
    }

    private func values(_ slice: MapSlice) -> [Double] {
        (0..<slice.height).flatMap { y in (0..<slice.width).map { x in slice[x, y] } }
    }
}
