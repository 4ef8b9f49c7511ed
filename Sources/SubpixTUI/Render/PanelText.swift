import Foundation
import Subpix
import SubpixPictures
import SubpixSession

/// The side panel's text, line by line: the selection, the parameters that
/// apply to the active method (and only those), each run's count with the
/// reason for missing points, progress, the map's NaN count, the errors
/// against ground truth and the keypoint list.
struct PanelText {
    let model: ViewerModel
    let slice: MapSlice

    /// `batch 0/8  channel 5/17` (index / count), and the depth of a volume.
    func selection(_ shape: [Int], _ view: ViewSettings) -> String {
        guard shape.count >= 4 else { return "" }
        var text = "batch \(view.batch)/\(shape[0])  channel \(view.channel)/\(shape[1])"
        if shape.count == 5 { text += "  depth \(view.depth)/\(shape[2])" }
        return text
    }

    /// `fit` when the whole map fits the pane, else the magnification over that: `zoom ×4`.
    var zoomLabel: String {
        let zoom = model.viewport.zoom
        return zoom <= 1 ? "fit" : String(format: "zoom ×%.3g", zoom)
    }

    /// The active method's parameters (every applicable method's in compare mode).
    func parameters(_ view: ViewSettings) -> [String] {
        let methods = model.runs.isEmpty ? [view.method] : model.runs.map(\.method)
        let applying = Set(methods.flatMap { $0.settings(in: view.kornia) })
        var lines: [String] = []
        var window: [String] = []
        var releaseNote: String?
        if applying.contains(.temperature) {
            let tempered = methods.filter { $0.settings.contains(.temperature) }
            let conventions = Set(tempered.map { $0.temperatureMultiplies(in: view.kornia) ? "×" : "÷" })
            window.append("T \(conventions.sorted().joined(separator: "/")) " + String(format: "%.4g", view.temperature))
            // A session in another release than the default says where its temperature means otherwise.
            let differing = tempered.filter { $0.temperatureMultiplies(in: view.kornia) != $0.temperatureMultiplies(in: .default) }
            if !differing.isEmpty { releaseNote = "kornia \(view.kornia.rawValue): T " + TemperatureWording.conventions(differing, in: view.kornia) }
        }
        if applying.contains(.kernelSize) { window.append("kernel \(formatShape(view.kernelSize))") }
        lines += Self.packed(window)
        if let releaseNote { lines += Renderer.wrap(releaseNote, width: Layout.sidePanelWidth) }
        var stride: [String] = []
        if applying.contains(.stride) { stride.append("stride \(formatShape(view.stride))") }
        if applying.contains(.padding) { stride.append("padding \(formatShape(view.padding))") }
        lines += Self.packed(stride)
        if applying.contains(.depthWindow) {
            lines.append("depth k \(view.depthKernel) s \(view.depthStride) p \(view.depthPadding)")
        }
        var extra: [String] = []
        if applying.contains(.strictMaximaBonus), let method = methods.first(where: { $0.defaultStrictMaximaBonus != nil }) {
            let bonus = method.strictMaximaBonus(view)
            extra.append(String(format: "bonus %g", bonus) + (view.strictMaximaBonus == nil ? " (kornia)" : ""))
        }
        if applying.contains(.nIters) { extra.append("n_iters \(view.nIters)") }
        lines += Self.packed(extra)
        var filters: [String] = []
        if applying.contains(.threshold) {
            filters.append(view.threshold.map { threshold in
                switch view.thresholdMode {
                case .map: String(format: "threshold %g%%", threshold * 100)
                case .tensor: String(format: "threshold %g%% of tensor", threshold * 100)
                case .absolute: String(format: "threshold %g", threshold)
                }
            } ?? "threshold off")
        }
        if applying.contains(.minValue), let minValue = view.minValue { filters.append(String(format: "min %g", minValue)) }
        if applying.contains(.topK) { filters.append("top_k \(view.topK)") }
        lines += Self.packed(filters)
        return lines
    }

    /// A run's count line, the reason for missing points, and its time.
    func runLines(_ run: MethodRun) -> [String] {
        let glyph = String(MarkerStyle.of(run.method).shape.glyph)
        if let error = run.error { return Renderer.wrap("\(glyph) \(error)", width: Layout.sidePanelWidth) }
        // Comparing, each line names its method so the glyphs on the map can be told apart.
        let name = model.session.view.compare ? "\(run.method.name) " : ""
        // A map judged to have no confident peak ran nothing: no output, no time.
        let count = "\(glyph) \(name)\(run.keypoints.count) kp"
        guard let shape = run.outputShape else { return Self.packed([count, "(not run)"]) }
        var lines = Self.packed([count, "out \(formatShape(shape))"])
        if let note = run.keypoints.droppedNote { lines.append("  (\(note))") }
        if model.showsTimings { lines.append(String(format: "  %.2f ms", run.milliseconds)) }
        return lines
    }

    /// `parts` two spaces apart, in as few lines of the panel's width as fit them whole:
    /// a part that would run past the edge starts the next line, indented by two
    /// (`× conv_soft_argmax2d 1 kp` over `  out (4, 17, 2, 64, 48)` in compare mode).
    static func packed(_ parts: [String], width: Int = Layout.sidePanelWidth) -> [String] {
        var lines: [String] = []
        for part in parts {
            if let last = lines.last, last.count + 2 + part.count <= width {
                lines[lines.count - 1] = last + "  " + part
            } else {
                lines.append((lines.isEmpty ? "" : "  ") + part)
            }
        }
        return lines
    }

    /// `no confident peak: 3.9 σ over the median (needs 8)` when the confidence rule
    /// found no peak in the shown map (every run shares the verdict), wrapped.
    var verdictLines: [String] {
        guard let verdict = model.runs.first?.verdict, !verdict.isConfident else { return [] }
        return Renderer.wrap("⊘ \(verdict)", width: Layout.sidePanelWidth)
    }

    /// `⋯ computing 0.42 s` while the worker runs longer than a frame.
    var progress: String? {
        guard model.isComputing, let since = model.awaitedSince else { return nil }
        let elapsed = model.now.timeIntervalSince(since)
        return elapsed >= 0.04 ? String(format: "⋯ computing %.2f s", elapsed) : nil
    }

    /// `⚠ 12 NaN, 1 inf in this map` when the map has non-finite pixels.
    var nonFiniteNote: String? {
        guard slice.nanCount + slice.infiniteCount > 0 else { return nil }
        let parts = [slice.nanCount > 0 ? "\(slice.nanCount) NaN" : nil, slice.infiniteCount > 0 ? "\(slice.infiniteCount) inf" : nil]
        return "⚠ \(parts.compactMap { $0 }.joined(separator: ", ")) in this map"
    }

    /// Per method, the error of the keypoints matched one to one to the ground-truth
    /// peaks (``TruthMatching``), and the peaks missed and keypoints left over.
    func truthErrors(_ runs: [MethodRun]) -> [String] {
        let truth = model.groundTruth.map(TruePoint.init)
        guard !truth.isEmpty else { return [] }
        let heading = "\(MarkerStyle.truth.shape.glyph) truth: \(truth.count) peak\(truth.count == 1 ? "" : "s") (±\(Int(TruthMatching.radius)) px)"
        return [heading] + runs.filter { $0.error == nil }.flatMap { run -> [String] in
            let match = TruthMatching(truth: truth, keypoints: run.keypoints)
            let glyph = String(MarkerStyle.of(run.method).shape.glyph)
            let error = match.error.map { String(format: "err mean %.3f max %.3f px", $0.mean, $0.max) } ?? "all \(match.missed) missed"
            let counts = [match.error != nil && match.missed > 0 ? "\(match.missed) missed" : nil,
                          match.falsePositives > 0 ? "\(match.falsePositives) false positive\(match.falsePositives == 1 ? "" : "s")" : nil]
            let tally = counts.compactMap { $0 }.joined(separator: ", ")
            return ["  \(glyph) \(error)"] + (tally.isEmpty ? [] : ["    \(tally)"])
        }
    }

    /// `── keypoints (x, y, value) ──`, naming the units when normalised and the method column in compare mode.
    var listHeading: String {
        let depth = model.runs.contains { $0.method.isVolumetric } ? ", d" : ""
        let method = model.runs.count > 1 ? "m, " : ""
        return "── \(model.listsNormalized ? "normalised" : "keypoints") (\(method)x, y\(depth), value) ──"
    }

    /// One line per listed keypoint: the method's glyph first in compare mode.
    var listLines: [String] {
        let compare = model.runs.count > 1
        return model.listedKeypoints.flatMap { method, points in
            points.map { point in
                let depth = point.depth.map { PanelNumber.fixed($0, "%6.2f") } ?? ""
                let text = PanelNumber.fixed(point.x, "%8.3f") + PanelNumber.fixed(point.y, " %8.3f") + depth + " " + PanelNumber.value(point.value)
                return compare ? "\(MarkerStyle.of(method).shape.glyph)\(text)" : text
            }
        }
    }
}
