import XCTest
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI
import TestSupport

/// The viewer on what users bring (files from scripts/make-viewer-files.py): a pose
/// network's (4, 17, 64, 48) output, a volume, a map with NaN.
final class RealHeatmapTests: XCTestCase {
    /// A viewer on `file` of the generated files, as `subpix view FILE` opens it.
    private func open(_ file: String, kornia: KorniaVersion = .default) throws -> ViewerModel {
        let session = Session(kornia: kornia, output: { _ in })
        try session.execute("heat = load(\"\(try GeneratedFiles.directory().appendingPathComponent(file).path)\")")
        let model = ViewerModel(session: session, colorMode: .xterm256, size: (100, 32),
                                outputDirectory: try scratchDirectory("subpix-real"))
        model.showsTimings = false
        return model
    }

    /// The screen's text (all of it, overlays included).
    private func panel(_ model: ViewerModel) -> String { Renderer().render(model).textPlane }

    /// The side panel's text alone (no hint bar, no heatmap).
    private func sidePanel(_ model: ViewerModel) -> String {
        panel(model).split(separator: "\n").dropLast(2).map { String($0.dropFirst(model.layout.panelX)) }.joined(separator: "\n")
    }

    /// Item 11 (defaults): every listed point of channel 0 is within 0.6 px of a true peak,
    /// and no noise maximum is listed; item 2: only the shown map is computed.
    func testDefaultsFindThePeaksAndNoNoise() throws {
        let model = try open("pose.npy")
        for (batch, channel) in [(0, 0), (1, 7), (3, 12)] {
            model.send(.key(.character(":")))
            for character in "view.batch, view.channel = \(batch), \(channel)" { model.send(.key(.character(character))) }
            model.send(.key(.enter))
            let truth = try GeneratedFiles.poseTruth(batch: batch, channel: channel)
            let points = try XCTUnwrap(model.runs.first?.keypoints)
            XCTAssertEqual(points.count, truth.count, "one point per true peak in (\(batch), \(channel)), no noise")
            for point in points {
                let error = truth.map { hypot(point.x - $0.x, point.y - $0.y) }.min() ?? .infinity
                XCTAssertLessThan(error, 0.6, "(\(batch), \(channel)) point \(point)")
            }
            XCTAssertEqual(model.runs.first?.outputShape, [4, 17, 2, 64, 48], "the op's output shape on the whole tensor")
        }
        XCTAssertTrue(panel(model).contains("threshold 10%  top_k 50"), "the threshold is shown")
    }

    /// Item 5: B/C step back and wrap, the panel shows index/count, out-of-range is refused.
    func testSelectionKeysAndLimits() throws {
        let model = try open("pose.npy")
        model.update(.key(.character("C")))
        XCTAssertEqual(model.session.view.channel, 16, "C from channel 0 wraps to the last")
        model.update(.key(.character("c")))
        model.update(.key(.character("c")))
        XCTAssertEqual(model.session.view.channel, 1)
        model.update(.key(.character("B")))
        XCTAssertEqual(model.session.view.batch, 3)
        XCTAssertTrue(panel(model).contains("batch 3/4  channel 1/17"))
        for statement in ["view.batch = 99", "view.channel = 17"] {
            model.send(.key(.character(":")))
            for character in statement { model.send(.key(.character(character))) }
            model.send(.key(.enter))
            XCTAssertTrue(model.message?.contains("expected an index below") ?? false, model.message ?? "")
        }
        XCTAssertEqual([model.session.view.batch, model.session.view.channel], [3, 1])
    }

    /// Item 6: the diagnosis names the map shown; item 7: a map with NaN says so first.
    func testDiagnosisNamesTheShownMapAndNaNFirst() throws {
        let model = try open("pose.npy")
        model.update(.key(.character("m")))   // nms2d … spatial_soft_argmax2d is the first
        while model.session.view.method != .spatialSoftArgmax2d { model.update(.key(.character("m"))) }
        for _ in 0..<5 { model.update(.key(.character("c"))) }
        model.update(.key(.character("d")))
        XCTAssertEqual(model.mode, .diagnosis)
        XCTAssertTrue(panel(model).contains("batch 0 channel 5"), "the diagnosis names channel 5")
        let nan = try open("nan.npy")
        // kornia 0.9 takes each window's softmax on its own: the NaN spoils only its
        // windows, and the peak at (12.3, 20.6) is listed (0.7.4 loses the whole map).
        let peak = try XCTUnwrap(nan.runs.first?.keypoints.first)
        XCTAssertEqual(nan.runs.first?.keypoints.count, 1)
        XCTAssertEqual(peak.x, 12.3, accuracy: 0.5)
        XCTAssertEqual(peak.y, 20.6, accuracy: 0.5)
        let old = try open("nan.npy", kornia: .v0_7)
        XCTAssertEqual(old.runs.first?.keypoints.count, 0)
        XCTAssertTrue(panel(nan).contains("⚠ 3 NaN in this map"), "the panel says why")
        while nan.session.view.method != .spatialSoftArgmax2d { nan.update(.key(.character("m"))) }
        XCTAssertEqual(nan.runs.first?.keypoints.droppedNonFinite, 1, "the spatial point is NaN: dropped and counted")
        XCTAssertTrue(panel(nan).contains("(1 dropped: NaN/inf)"))
        XCTAssertEqual(nan.diagnosis?.verdicts.first, .nonFinite(nans: 3, infinities: 0), "NaN is the first verdict")
        XCTAssertNil(nan.diagnosis?.suggestedTemperature, "no temperature advice for a NaN map")
    }

    /// Item 3: a volume opens with a 3D method and `m` offers only 3D methods.
    func testAVolumeOpensWithA3DMethod() throws {
        let model = try open("vol.npy")
        XCTAssertEqual(model.session.view.method, .convQuadInterp3d)
        XCTAssertNil(model.runs.first?.error)
        var seen: Set<KeypointMethod> = []
        for _ in 0..<4 {
            model.update(.key(.character("m")))
            seen.insert(model.session.view.method)
        }
        XCTAssertEqual(seen, [.convSoftArgmax3d, .convQuadInterp3d, .iterativeQuadInterp3d])
    }

    /// Issue 25, item 12: a volume opens at the depth holding its maximum (vol_noisy.npy's
    /// blob is centred at level 2.2 of 5, so slice 2), not at an empty depth 0.
    func testAVolumeOpensAtTheDepthOfItsMaximum() throws {
        let model = try open("vol_noisy.npy")
        XCTAssertEqual(model.session.view.depth, 2)
        XCTAssertTrue(panel(model).contains("depth 2/5"), panel(model))
    }

    /// Item 11 on a volume: a noisy DoG-like volume (one blob, ~200 noise maxima all
    /// below 2 % of the blob) lists the blob alone with both quad methods under the
    /// default 10 % threshold — which judges conv_quad_interp3d's interpolated peak,
    /// not its +10 strict-maxima bonus — and the noise once the threshold is off; the
    /// script `w` writes passes that bound as min_value and lists the same point.
    func testQuadMethodsOnANoisyVolumeListTheBlobNotTheNoise() throws {
        let model = try open("vol_noisy.npy")
        XCTAssertEqual(model.session.view.method, .convQuadInterp3d)
        for method in [KeypointMethod.convQuadInterp3d, .iterativeQuadInterp3d] {
            while model.session.view.method != method { model.update(.key(.character("m"))) }
            let points = try XCTUnwrap(model.runs.first?.keypoints)
            XCTAssertEqual(points.count, 1, "\(method): the blob, no noise maximum")
            XCTAssertEqual(points.first?.x ?? .nan, 20.3, accuracy: 0.3, "\(method)")
            XCTAssertEqual(points.first?.y ?? .nan, 14.6, accuracy: 0.3, "\(method)")
            XCTAssertEqual(points.first?.depth ?? .nan, 2.2, accuracy: 0.5, "\(method)")
            XCTAssertTrue(sidePanel(model).contains("threshold 10%"), sidePanel(model))
        }
        while model.session.view.method != .convQuadInterp3d { model.update(.key(.character("m"))) }
        model.send(.key(.character("w")))
        let url = model.outputDirectory.appendingPathComponent("subpix-session.subpix")
        var printed: [String] = []
        XCTAssertEqual(ScriptRunner(path: url.path, arguments: [], keepGoing: false).run(in: Session(output: { printed.append($0) })) { XCTFail($0) }, 0)
        let rows = printed.joined(separator: "\n").split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.count, 1, "the written script lists the blob alone: \(printed)")
        let numbers = rows.first.map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
        XCTAssertEqual(numbers.count, 6, "batch channel x y depth value: \(printed)")
        XCTAssertEqual(numbers.dropFirst(2).first ?? .nan, try XCTUnwrap(model.runs.first?.keypoints.first?.x), accuracy: 1e-4)
        model.update(.key(.character("r")))
        for _ in 0..<3 { model.update(.key(.character("l"))) }   // 10 → 5 → 2 → 0 %: off
        XCTAssertEqual(model.runs.first?.keypoints.count, 1, "threshold off: the confidence rule's noise floor (8 σ) still drops the noise")
        model.send(.key(.character(":")))
        for character in "view.confidence = None" { model.send(.key(.character(character))) }
        model.send(.key(.enter))
        XCTAssertEqual(model.runs.first?.keypoints.count, 50, "threshold and rule off: top_k 50 of the noise maxima")
    }

    /// Items 8, 9: compare mode lists and exports every method with a method column; the
    /// export's header names the units the list shows.
    func testCompareExportCarriesMethodsAndUnits() throws {
        let model = try open("pose.npy")
        model.update(.key(.character("o")))
        model.send(.key(.character("e")))
        let first = try String(contentsOf: model.outputDirectory.appendingPathComponent("subpix-keypoints.csv"), encoding: .utf8)
        let rows = first.split(separator: "\n")
        XCTAssertEqual(rows.first, "method,batch,channel,x_px,y_px,value")
        let methods = Set(rows.dropFirst().map { String($0.split(separator: ",")[0]) })
        XCTAssertEqual(methods, Set(model.runs.filter { !$0.keypoints.isEmpty }.map(\.method.name)))
        XCTAssertGreaterThan(methods.count, 3)
        model.update(.key(.character("o")))
        model.update(.key(.character("n")))
        model.send(.key(.character("e")))
        let second = try String(contentsOf: model.outputDirectory.appendingPathComponent("subpix-keypoints-2.csv"), encoding: .utf8)
        let lines = second.split(separator: "\n")
        XCTAssertEqual(lines.first, "method,batch,channel,x_norm,y_norm,value")
        let fields = lines[1].split(separator: ",")
        let pixel = try XCTUnwrap(model.runs.first?.keypoints.first)
        XCTAssertEqual(Double(fields[3]) ?? .nan, 2 * pixel.x / 47 - 1, accuracy: 1e-12, "x_norm = 2x/(W−1) − 1")
        XCTAssertTrue(panel(model).contains("── normalised (x, y, value) ──"))
    }

    /// Item 10: `w` writes a short script whose `subpix run` prints the listed keypoints.
    func testWrittenScriptIsShortAndReproducesTheList() throws {
        let model = try open("pose.npy")
        for key in "ttttttccc" { model.update(.key(.character(key))) }
        model.send(.key(.character("w")))
        let url = model.outputDirectory.appendingPathComponent("subpix-session.subpix")
        let script = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(script.contains("temperature=0.262"), script)
        XCTAssertFalse(script.contains("00000"), "no float noise: \(script)")
        XCTAssertLessThanOrEqual(script.split(separator: "\n").count, 10, script)
        var printed: [String] = []
        let replay = Session(output: { printed.append($0) })
        XCTAssertEqual(ScriptRunner(path: url.path, arguments: [], keepGoing: false).run(in: replay) { XCTFail($0) }, 0)
        let listed = try XCTUnwrap(model.runs.first?.keypoints)
        let table = printed.joined(separator: "\n").split(separator: "\n").dropFirst()
        XCTAssertEqual(table.count, listed.count)
        for (line, point) in zip(table, listed) {
            let numbers = line.split(separator: " ").compactMap { Double($0) }
            XCTAssertEqual(numbers[2], point.x, accuracy: 1e-4)
            XCTAssertEqual(numbers[3], point.y, accuracy: 1e-4)
        }
    }

    /// Item 12: per map, per tensor and fixed colour ranges; the bar names the mode.
    func testColourRangeModes() throws {
        let model = try open("pose.npy")
        for _ in 0..<15 { model.update(.key(.character("c"))) }   // channel 15: flat, max ≈ 0.11
        XCTAssertLessThan(model.colorScale.high, 0.2, "per map: the flat channel spans its own range")
        model.update(.key(.character("G")))
        XCTAssertGreaterThan(model.colorScale.high, 0.8, "per tensor: the strongest peak of all maps")
        XCTAssertTrue(panel(model).contains("per tensor "))
        model.update(.key(.character("G")))
        XCTAssertEqual([model.colorScale.low, model.colorScale.high], [0, 1])
        XCTAssertTrue(panel(model).contains("fixed 0…1 0 … 1"))
    }

    /// Item 13: a σ = 4 peak in a map much larger than the pane keeps its height with
    /// max sampling (the default) and loses most of it with the mean.
    func testMaxSamplingKeepsNarrowPeaks() throws {
        let session = Session(output: { _ in })
        try session.execute("big = gaussians(size=(1024, 1024), peaks=[(300, 600, 1.0)])")
        let model = ViewerModel(session: session, colorMode: .xterm256, size: (100, 32))
        let brightest = { (model: ViewerModel) -> Double in
            let image = try XCTUnwrap(model.image)
            var best = -Double.infinity
            for row in 0..<image.pixelRows { for column in 0..<image.columns { best = max(best, image[column, row] ?? -.infinity) } }
            return best
        }
        XCTAssertGreaterThan(try brightest(model), 0.99, "max: the peak's own value")
        model.send(.key(.character(":")))
        for character in "view.resample = 'mean'" { model.send(.key(.character(character))) }
        model.send(.key(.enter))
        XCTAssertLessThan(try brightest(model), 0.2, "mean over ~17×17 pixels blurs a σ = 1 peak away")
    }

    /// Item 15: only the active method's parameters are shown.
    func testPanelShowsOnlyTheParametersThatApply() throws {
        let model = try open("pose.npy")
        XCTAssertTrue(panel(model).contains("kernel (3, 3)"))
        while model.session.view.method != .spatialSoftArgmax2d { model.update(.key(.character("m"))) }
        let spatial = sidePanel(model)
        XCTAssertTrue(spatial.contains("T ÷ 1"), "kornia 0.9: T divides")
        XCTAssertFalse(spatial.contains("kernel"), "spatial_soft_argmax2d has no window:\n\(spatial)")
        XCTAssertFalse(spatial.contains("top_k"))
        let volume = try open("vol.npy")
        while volume.session.view.method != .iterativeQuadInterp3d { volume.update(.key(.character("m"))) }
        XCTAssertFalse(sidePanel(volume).contains("bonus"), "iterative_quad_interp3d ignores the bonus")
        XCTAssertTrue(sidePanel(volume).contains("n_iters 5"))
    }

    /// Item 16: a long message wraps instead of being cut at the pane's edge.
    func testLongMessagesWrap() throws {
        let model = try open("pose.npy")
        model.send(.key(.character(":")))
        for character in "view.padding = (5, 5)" { model.send(.key(.character(character))) }
        model.send(.key(.enter))
        let message = try XCTUnwrap(model.message)
        XCTAssertGreaterThan(message.count, 100)
        let text = panel(model)
        XCTAssertTrue(text.contains("view.padding = (1, 1), (0, 0))"), "the message's end is on screen:\n\(text)")
    }
}
