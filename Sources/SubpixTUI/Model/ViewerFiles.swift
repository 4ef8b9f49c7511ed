import Foundation
import SubpixFiles
import SubpixLanguage
import SubpixSession

/// `w` and `e` (and `i`, ``writeSnapshot()``): the files the viewer asks the loop to write, never overwriting one.
extension ViewerModel {
    /// `w`: a script that recomputes and prints what the list shows (``ViewScript``).
    func writeJournal() {
        computeAwaited()
        // `--each-frame` binds a frame as the stream holds it: first give it the axes the viewer added.
        let lift = live?.shownRank.flatMap { TensorFile.viewerAxesStatement(LiveState.variable, rank: $0) }
        let script = (lift.map { $0 + "   # subpix view shows a 3D frame as a (1, 1, D, H, W) volume\n" } ?? "") + ViewScript.text(session, methods: shownMethods)
        let (source, version) = (live?.source, session.kornia)
        request(.write(ViewerFile(directory: outputDirectory, stem: "subpix-session", ext: "subpix") { url in
            let replay = source.map { "on every frame with: subpix run \(url.lastPathComponent) --each-frame \($0)" }
                ?? "with: subpix run \(url.lastPathComponent)"
            // In another release than the default, the line names it and `subpix run` follows it.
            return Data((ScriptHeader.line(writtenBy: "view", in: version, remark: "replay \(replay)") + "\n" + script).utf8)
        }))
    }

    /// `e`: every listed keypoint with its method, in the units the list shows.
    func exportKeypoints() {
        computeAwaited()
        let lists = listedKeypoints
        let count = lists.map(\.points.count).reduce(0, +)
        let dropped = lists.map(\.points.droppedNonFinite).reduce(0, +)
        let csv = KeypointText.csv(lists.map { ($0.method.name, $0.points) }, normalized: listsNormalized)
        request(.write(ViewerFile(directory: outputDirectory, stem: "subpix-keypoints", ext: "csv", contents: { _ in Data(csv.utf8) }) { path in
            "wrote \(count) keypoints to \(path)" + (dropped > 0 ? " (\(dropped) dropped: NaN/inf)" : "")
        }))
    }

    /// `w` and `e` write what the settings give: a computation still awaited is
    /// done now (these are explicit requests; the worker's result is then only cached).
    private func computeAwaited() {
        guard let awaited else { return }
        receive(awaited.compute(), for: awaited.key)
    }
}
