import Foundation
import SubpixScript

/// `w` and `e` (and `i`, ``writeSnapshot()``): the files the viewer writes, never overwriting one.
extension ViewerModel {
    /// `w`: a script that recomputes and prints what the list shows (``ViewScript``).
    func writeJournal() {
        computeAwaited()
        let url = uniqueFile("subpix-session", "subpix")
        let replay = live.map { "on every frame with: subpix run \(url.lastPathComponent) --each-frame \($0.source)" }
            ?? "with: subpix run \(url.lastPathComponent)"
        let script = "# subpix view, replay \(replay)\n" + ViewScript.text(session, methods: shownMethods)
        write(script, to: url) { "wrote \(url.path)" }
    }

    /// `e`: every listed keypoint with its method, in the units the list shows.
    func exportKeypoints() {
        computeAwaited()
        let lists = listedKeypoints
        let url = uniqueFile("subpix-keypoints", "csv")
        let normalized = listsNormalized
        let count = lists.map(\.points.count).reduce(0, +)
        let dropped = lists.map(\.points.droppedNonFinite).reduce(0, +)
        write(KeypointText.csv(lists.map { ($0.method.name, $0.points) }, normalized: normalized), to: url) {
            "wrote \(count) keypoints to \(url.path)" + (dropped > 0 ? " (\(dropped) dropped: NaN/inf)" : "")
        }
    }

    /// `w` and `e` write what the settings give: a computation still awaited is
    /// done now (these are explicit requests; the worker's result is then only cached).
    private func computeAwaited() {
        guard let awaited else { return }
        receive(awaited.compute(), for: awaited.key)
    }

    private func write(_ text: String, to url: URL, done: () -> String) {
        do {
            try AtomicFile.write(Data(text.utf8), to: url.path, overwrite: false)
            message = done()
        } catch { message = "\(error)" }
    }

    func uniqueFile(_ stem: String, _ ext: String) -> URL {
        var index = 1
        var url = outputDirectory.appendingPathComponent("\(stem).\(ext)")
        while FileManager.default.fileExists(atPath: url.path) {
            index += 1
            url = outputDirectory.appendingPathComponent("\(stem)-\(index).\(ext)")
        }
        return url
    }
}
