import Foundation
import SubpixSession
@testable import SubpixTUI
import TestSupport

/// The committed `(4, 17, 64, 48)` test file of `scripts/make-viewer-files.py --grid`
/// (NumPy): per batch, channels 0–12 hold real peaks (5 and 9 two, the second at 0.8
/// of the first's amplitude; 11 a weak one), 13 and 14 are flat, 15 and 16 near zero.
enum GridFile {
    static let directory = GeneratedFiles.root.appendingPathComponent("Tests/SubpixSessionTests/Resources/viewer")
    static let path = directory.appendingPathComponent("grid.npz").path
    static let batches = 4, channels = 17
    /// The channels with no peak: flat (13, 14) and near zero (15, 16).
    static let empty = 13...16

    /// The true peaks of map (batch, channel), in pixels.
    static func truth(batch: Int, channel: Int) throws -> [(x: Double, y: Double)] {
        let data = try Data(contentsOf: directory.appendingPathComponent("grid_truth.json"))
        let truth = try JSONSerialization.jsonObject(with: data) as? [String: [[Double]]] ?? [:]
        return (truth["\(batch),\(channel)"] ?? []).map { ($0[0], $0[1]) }
    }

    /// A viewer on the file as `subpix view grid.npz` opens it, timings hidden.
    static func model(size: (width: Int, height: Int) = (120, 40), output: URL) throws -> ViewerModel {
        let session = Session(output: { _ in })
        try session.execute("heat = load(\"\(path)\", \"heat\")")
        let model = ViewerModel(session: session, colorMode: .xterm256, size: size, outputDirectory: output)
        model.showsTimings = false
        return model
    }
}
