import Subpix

/// The script the viewer's `w` key writes: the statements that made the
/// session's variables, the shown map, then for each shown method one op call
/// with kornia's keyword arguments, `keypoints(...)` and `print(...)`.
/// `subpix run` on it prints the keypoint list the viewer shows.
public enum ViewScript {
    public static func text(_ session: Session, methods: [KeypointMethod]) -> String {
        var view = session.view
        // As the viewer lists them: normalised only when every method can be.
        view.normalizedCoordinates = view.normalizedCoordinates && methods.allSatisfy(\.normalizes)
        var lines = session.journal.filter { !$0.hasPrefix("view.") }
        guard let (name, tensor) = session.viewedTensor() else { return lines.joined(separator: "\n") + "\n" }
        let shape = tensor.shape
        var input = name
        // A slice's keypoints are labelled batch 0, channel 0: relabel gives them the map's own.
        var relabel: [String] = []
        if shape.count >= 4, shape[0] * shape[1] > 1 {
            input = "x"
            lines.append("x = \(name)[\(view.batch):\(view.batch + 1), \(view.channel):\(view.channel + 1)]   # batch \(view.batch), channel \(view.channel)")
            if view.batch != 0 || view.channel != 0 { relabel = ["kp = relabel(kp, batch=\(view.batch), channel=\(view.channel))"] }
        }
        let statistics = TensorStatistics(tensor)
        let judged = view.batch < statistics.batches && view.channel < statistics.channels
        if judged, case let verdict = statistics.verdict(batch: view.batch, channel: view.channel, rule: view.confidenceRule), !verdict.isConfident {
            lines.append("# the viewer lists no keypoint of this map: \(verdict)")
        }
        let noiseFloor = judged ? view.confidenceRule.noiseFloor(statistics[view.batch, view.channel]) : nil
        func bound<S: SubpixScalar>(_ method: KeypointMethod) -> (Tensor<S>) -> Double? {
            { whole in
                (try? MapSelection.map(whole, batch: view.batch, channel: view.channel)).flatMap {
                    method.minimumValue(view, map: $0, tensorMaximum: { statistics.maximum }, noiseFloor: noiseFloor)
                }
            }
        }
        for method in methods where method.inputRank == shape.count {
            let minValue = tensor.visit(bound(method), bound(method))
            if methods.count > 1 { lines.append("print(\"\(method.name)\")") }
            lines += method.scriptLines(input: input, view: view, minValue: minValue) + relabel
            lines.append("print(kp)")
        }
        lines += settingsLines(session.view, input: name)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The fields the script's own op and `keypoints(...)` lines would set when
    /// `subpix view --script` opens it (see `ScriptViewSettings`), so the last line
    /// always sets them back to the view's.
    private static let followedFields: Set = ["method", "top_k", "threshold", "min_value"]

    /// The viewer's settings that differ from the defaults (and ``followedFields``), as
    /// one statement, so `subpix view --script FILE` reopens the same view (`subpix run` ignores them).
    private static func settingsLines(_ view: ViewSettings, input: String) -> [String] {
        var view = view
        view.input = input
        let defaults = ViewSettings()
        let changes = view.changes.filter { followedFields.contains($0.field) || defaults.isChanged(by: $0) }
        guard !changes.isEmpty else { return [] }
        return ["# the viewer's settings: subpix view --script FILE reopens this view", ViewChange.statement(changes)]
    }
}
