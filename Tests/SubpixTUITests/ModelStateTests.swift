import XCTest
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

/// `update` owns every state change: a resize is an event, rendering only reads,
/// and the keypoints are cached on the session's revision counter.
final class ModelStateTests: XCTestCase {
    /// What a render could change, were it allowed to.
    private func state(_ model: ViewerModel) -> String {
        "\(model.viewport) \(model.listOffset) \(model.cursorX),\(model.cursorY) \(model.layout) \(model.mode) \(model.runs.map(\.keypoints))"
    }

    /// A resize re-fits the viewport in `update`: at 140×40 the pane is 103×38 cells, the
    /// fitted scale s = max(64/103, 48/76) = 48/76 and the 64-pixel-wide map is centred:
    /// origin x = (64 − 103·s)/2. Rendering afterwards (at any mode) changes nothing.
    func testResizeIsAnEventAndRenderOnlyReads() throws {
        let model = try demoModel()
        model.update(.resize(width: 140, height: 40))
        let s = 48.0 / 76
        XCTAssertEqual(model.viewport.originX, (64 - 103 * s) / 2, accuracy: 1e-12)
        XCTAssertEqual(model.viewport.originY, 0, accuracy: 1e-12)
        for key in [Key.character("+"), .right, .pageDown, .character("?")] {
            model.update(key)
            let before = state(model)
            _ = Renderer().render(model)
            XCTAssertEqual(state(model), before, "rendering after \(key) changed the model")
        }
        model.update(.resize(width: 30, height: 8))
        XCTAssertTrue(Renderer().render(model).textPlane.contains("terminal too small"))
        XCTAssertEqual(model.layout, Layout(width: 30, height: 8))
    }

    /// The keypoints follow the data, not the journal's length: replacing the viewed
    /// variable after the journal was cleared (so the journal is as long as before)
    /// still recomputes them.
    func testKeypointCacheIsKeyedOnTheSessionRevision() throws {
        let session = Session(output: { _ in })
        try session.execute("x = gaussians(size=(32, 32), peaks=[(10.0, 12.0, 2.0)])")
        let model = ViewerModel(session: session, colorMode: .ascii)
        XCTAssertEqual(model.runs.first?.keypoints.first?.x ?? .nan, 10, accuracy: 0.05)
        session.clearJournal()
        try session.execute("x = gaussians(size=(32, 32), peaks=[(20.0, 5.0, 2.0)])")
        model.update(.character("0"))
        XCTAssertEqual(model.runs.first?.keypoints.first?.x ?? .nan, 20, accuracy: 0.05, "the new x's peak, not the cached one")
        XCTAssertEqual(model.runs.first?.keypoints.first?.y ?? .nan, 5, accuracy: 0.05)
    }

    /// `t` then `T` returns to the settings computed before: the same result, from the cache.
    func testReturningToEarlierSettingsReusesTheirResult() throws {
        let model = try demoModel()
        let first = model.runs.first?.milliseconds
        model.update(.character("t"))
        model.update(.character("T"))
        XCTAssertEqual(model.session.view.temperature, 1.0)
        XCTAssertEqual(model.runs.first?.milliseconds, first, "the cached run (same timing), not a recomputation")
    }
}
