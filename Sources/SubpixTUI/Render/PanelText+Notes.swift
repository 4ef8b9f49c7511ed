import Subpix
import SubpixSession

/// The side panel's notes on states that would otherwise pass silently.
extension PanelText {
    /// `n: pixels shown — dark has no normalized_coordinates` when `n` is on but a
    /// shown method has no such parameter in kornia, so the list stays in pixels.
    var normalizationNote: [String] {
        guard model.session.view.normalizedCoordinates, !model.listsNormalized else { return [] }
        let names = model.runs.filter { !$0.method.normalizes }.map(\.method.name)
        let subject = names.count <= 2 ? names.joined(separator: ", ") + (names.count == 1 ? " has" : " have") : "\(names.count) methods have"
        return Renderer.wrap("n: pixels shown — \(subject) no normalized_coordinates", width: Layout.sidePanelWidth)
    }

    /// `⚠ peak (2, 14) at the border: nms2d ignores the outer 3 px` when the map's
    /// largest value lies where the method's NMS window does not fit (kornia's maxima
    /// need the whole window inside the map) and the method listed nothing there.
    var borderNotes: [String] {
        guard let peak = slice.peak else { return [] }
        let view = model.session.view
        let (reachY, reachX) = (view.kernelSize[0] / 2, view.kernelSize[1] / 2)
        let atBorder = peak.x < reachX || peak.y < reachY || peak.x >= slice.width - reachX || peak.y >= slice.height - reachY
        guard atBorder else { return [] }
        let missing = model.runs.filter { run in
            run.error == nil && run.verdict?.isConfident ?? true && run.method.ignoresBorder
                && !run.keypoints.contains { abs($0.x - Double(peak.x)) <= 1.5 && abs($0.y - Double(peak.y)) <= 1.5 }
        }
        guard !missing.isEmpty else { return [] }
        let names = missing.count == 1 ? missing[0].method.name : "\(missing.count) methods"
        let reach = reachX == reachY ? "\(reachX) px" : "\(reachY) rows, \(reachX) columns"
        return ["⚠ peak (\(peak.x), \(peak.y)) at the border:"]
            + Renderer.wrap("  \(names) ignore\(missing.count == 1 ? "s" : "") the outer \(reach)", width: Layout.sidePanelWidth)
    }
}

extension KeypointMethod {
    /// Whether the method starts from strict maxima of a kernel window with no padding,
    /// so nothing within half a window of the border is found (`nms2d`, the field's decoders).
    var ignoresBorder: Bool { inputRank == 4 && settings.contains(.kernelSize) && !settings.contains(.padding) }
}
