import Foundation
import SubpixScript

/// `w` and `e`: the files the viewer writes, never overwriting one.
extension ViewerModel {
    func writeJournal() {
        let url = uniqueFile("subpix-session", "subpix")
        let script = "# subpix session, replay with: subpix run \(url.lastPathComponent)\n" + session.journal.joined(separator: "\n") + "\n"
        write(script, to: url) { "wrote \(url.path)" }
    }

    func exportKeypoints() {
        let points = listedKeypoints
        let url = uniqueFile("subpix-keypoints", "csv")
        write(KeypointText.csv(points), to: url) { "wrote \(points.count) keypoints to \(url.path)" }
    }

    private func write(_ text: String, to url: URL, done: () -> String) {
        do {
            try AtomicFile.write(Data(text.utf8), to: url.path, overwrite: false)
            message = done()
        } catch { message = "\(error)" }
    }

    private func uniqueFile(_ stem: String, _ ext: String) -> URL {
        var index = 1
        var url = outputDirectory.appendingPathComponent("\(stem).\(ext)")
        while FileManager.default.fileExists(atPath: url.path) {
            index += 1
            url = outputDirectory.appendingPathComponent("\(stem)-\(index).\(ext)")
        }
        return url
    }
}
