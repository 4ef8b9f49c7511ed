import Foundation
import XCTest
import TestSupport

/// The heatmap files of `scripts/make-viewer-files.py` (NumPy), written once per
/// test run into a temporary directory, with their ground truth.
enum GeneratedFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static let made: Result<URL, Error> = Result { try make(big: false) }
    private static let madeBig: Result<URL, Error> = Result { try make(big: true) }

    /// The directory holding pose.npy, nan.npy, vol.npy, multi.npz (and big.npy when `big`).
    static func directory(big: Bool = false) throws -> URL { try (big ? madeBig : made).get() }

    /// The true peaks of pose.npy's map (batch, channel), in pixels.
    static func poseTruth(batch: Int, channel: Int) throws -> [(x: Double, y: Double)] {
        let data = try Data(contentsOf: try directory().appendingPathComponent("pose_truth.json"))
        let truth = try JSONSerialization.jsonObject(with: data) as? [String: [[Double]]] ?? [:]
        return (truth["\(batch),\(channel)"] ?? []).map { ($0[0], $0[1]) }
    }

    private static func make(big: Bool) throws -> URL {
        // Made once per run and shared by the tests that read it, so no test removes it.
        let directory = try ScratchDirectory("subpix-viewer-files\(big ? "-big" : "")").url
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/make-viewer-files.py").path, directory.path] + (big ? ["--big"] : [])
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw XCTSkip("python3 with NumPy is needed to write the viewer's test files (scripts/make-viewer-files.py)")
        }
        return directory
    }
}
