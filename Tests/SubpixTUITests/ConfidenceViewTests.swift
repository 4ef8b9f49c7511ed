import XCTest
import Subpix
import SubpixSession
@testable import SubpixTUI
import TestSupport

/// The confidence rule in the viewer, at the defaults, on the committed grid file.
final class ConfidenceViewTests: XCTestCase {
    private func select(_ model: ViewerModel, batch: Int, channel: Int) {
        XCTAssertTrue(model.run("view.batch, view.channel = \(batch), \(channel)"), model.message ?? "")
    }

    private func screen(_ model: ViewerModel) -> String { Renderer().render(model).textPlane }

    /// Every flat and near-zero map lists 0 keypoints and says "no confident peak";
    /// every real peak (the second at 0.8 of the first's amplitude, the weak one at
    /// 0.3) is listed, one point each, by the default method and by `dark` — the
    /// default `conv_soft_argmax2d` at T = 1 within a hard argmax's reach (√0.5 px and
    /// the noise), `dark` within 0.6 px.
    func testOnlyRealPeaksAreListedAtTheDefaults() throws {
        let model = try GridFile.model(output: try scratchDirectory("subpix-confidence"))
        for (method, tolerance) in [("conv_soft_argmax2d", 0.75), ("dark", 0.6)] {
            XCTAssertTrue(model.run("view.method = '\(method)'"))
            for batch in 0..<GridFile.batches {
                for channel in 0..<GridFile.channels {
                    select(model, batch: batch, channel: channel)
                    let truth = try GridFile.truth(batch: batch, channel: channel)
                    let points = try XCTUnwrap(model.runs.first?.keypoints)
                    XCTAssertEqual(points.count, truth.count, "\(method) (\(batch), \(channel))")
                    for point in points {
                        let error = truth.map { hypot(point.x - $0.x, point.y - $0.y) }.min() ?? .infinity
                        XCTAssertLessThan(error, tolerance, "\(method) (\(batch), \(channel)) point \(point)")
                    }
                    XCTAssertEqual(screen(model).contains("no confident peak"), GridFile.empty.contains(channel), "(\(batch), \(channel))")
                }
            }
        }
    }

    /// The flat channel's points are gone because of the rule, not the threshold:
    /// with `view.confidence = None` (0.05 + noise is 7 % of the tallest, above the
    /// 5 % share) it lists noise maxima again; near-zero channel 16 stays empty by the
    /// share alone (its log-uniform values are 100+ σ "prominent").
    func testEachBoundOfTheRuleDoesItsPart() throws {
        let model = try GridFile.model(output: try scratchDirectory("subpix-confidence"))
        XCTAssertTrue(model.run("view.confidence = None"))
        select(model, batch: 0, channel: 13)
        XCTAssertGreaterThan(model.runs.first?.keypoints.count ?? 0, 5)
        select(model, batch: 0, channel: 16)
        XCTAssertEqual(model.runs.first?.keypoints.count, 0)
        guard case .faint? = model.runs.first?.verdict else { return XCTFail("\(String(describing: model.runs.first?.verdict))") }
        XCTAssertTrue(model.run("view.confidence_share = None"))
        XCTAssertGreaterThan(model.runs.first?.keypoints.count ?? 0, 5)
    }

    /// `a` cycles map → tensor → absolute; channel 11's peak (0.3, about a third of the
    /// tensor's maximum near 1) survives a 20 % threshold of its own map, not of the
    /// tensor; an absolute 0.5 drops it, 0.2 keeps it; `l`/`L` still step.
    func testThresholdModes() throws {
        let model = try GridFile.model(output: try scratchDirectory("subpix-confidence"))
        select(model, batch: 0, channel: 11)
        model.send(.key(.character("L")))
        XCTAssertEqual(model.session.view.threshold, 0.2)
        XCTAssertEqual(model.runs.first?.keypoints.count, 1)
        model.send(.key(.character("a")))
        XCTAssertEqual(model.session.view.thresholdMode, .tensor)
        XCTAssertEqual(model.runs.first?.keypoints.count, 1, "0.3 > 20 % of about 1")
        for _ in 0..<2 { model.send(.key(.character("L"))) }
        XCTAssertEqual(model.session.view.threshold, 0.5)
        XCTAssertEqual(model.runs.first?.keypoints.count, 0, "0.3 < 50 % of about 1")
        XCTAssertTrue(screen(model).contains("threshold 50% of tensor"))
        model.send(.key(.character("a")))
        XCTAssertEqual(model.session.view.thresholdMode, .absolute)
        XCTAssertEqual(model.runs.first?.keypoints.count, 0, "0.3 < 0.5")
        model.send(.key(.character("l")))
        model.send(.key(.character("l")))
        XCTAssertEqual(model.session.view.threshold, 0.2)
        XCTAssertEqual(model.runs.first?.keypoints.count, 1, "0.3 > 0.2")
        XCTAssertTrue(model.run("view.threshold = 2.5"), "any value in absolute mode")
        XCTAssertEqual(model.runs.first?.keypoints.count, 0)
        model.send(.key(.character("a")))
        XCTAssertEqual([model.session.view.thresholdMode.rawValue, "\(model.session.view.threshold ?? -1)"], ["map", "0.1"],
                       "back to a fraction, the default one")
        XCTAssertFalse(model.run("view.threshold = 2.5"))
        XCTAssertTrue(model.message?.hasSuffix("view.threshold: expected a fraction from 0 to 1 or None in threshold_mode 'map', got 2.5 (view.threshold_mode = 'absolute' takes a value)") ?? false, model.message ?? "")
    }
}
