import Foundation
import XCTest
import Subpix

/// `subpix bench`: the workload names match kornia's reference suite and our
/// kornia-side script, the JSON has the reference script's shape, and bad names
/// are one-line errors. (Timings are measured, never asserted.)
final class BenchCommandTests: XCTestCase {
    private let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The keys of a Python suite's workload table: lines like `"name": lambda`.
    private func pythonWorkloads(_ file: URL) throws -> [String] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("\""), let end = trimmed.dropFirst().firstIndex(of: "\""),
                  trimmed[trimmed.index(after: end)...].hasPrefix(":"), trimmed.contains("lambda") else { return nil }
            return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
        }
    }

    func testWorkloadNamesMatchTheReferenceSuiteAndTheKorniaScript() throws {
        let reference = repository.appendingPathComponent("../shared/bench/kornia_bench.py")
        guard FileManager.default.fileExists(atPath: reference.path) else {
            throw XCTSkip("../shared/bench/kornia_bench.py is not beside the repository")
        }
        let expected = try pythonWorkloads(reference)
        XCTAssertEqual(expected.count, 11, "the reference suite's table was not parsed")
        XCTAssertEqual(try pythonWorkloads(repository.appendingPathComponent("scripts/kornia_suite.py")), expected)

        let listing = try CLIRunner.run(["bench", "--list"])
        XCTAssertEqual(listing.status, 0, listing.stderr)
        let listed = listing.stdout.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
        XCTAssertEqual(listed, expected + ["frame_256", "frame_512", "frame_batch", "keypoints_pose", "script_keypoints_pose", "keypoints_large", "ssa2d_pose_vjp", "csa2d_dense_vjp", "csa2d_k3", "csa2d_k7", "csa2d_k15", "csa2d_pose", "keypoints_empty", "script_keypoints_empty"]
            + KeypointMethod.methods(forRank: 4).map { "decode_2048_\($0.name)" } + ["decode_2048_compare", "extract_pose_file", "script_loop_100k", "script_channel_loop", "script_channel_call"])
    }

    /// `SUBPIX_KERNELS=baseline` forces the portable float32 kernels, and the bench says which ran
    /// (the kernels read it once, at start-up: these runs launch the binary).
    func testTheEnvironmentForcesTheBaselineKernels() throws {
        let forced = try CLIRunner.launch(["bench", "--reps", "1", "--only", "ssa2d_pose"], environment: ["SUBPIX_KERNELS": "baseline"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdout.hasPrefix("kernels: baseline (fastest this CPU runs: "), forced.stdout)
        let json = try CLIRunner.launch(["bench", "--reps", "1", "--only", "ssa2d_pose", "--json"], environment: ["SUBPIX_KERNELS": "baseline"])
        XCTAssertTrue(json.stderr.contains("kernels: baseline"), json.stderr)
        XCTAssertTrue(json.stdout.hasPrefix("{\"ssa2d_pose\": "), json.stdout)
    }

    /// `SUBPIX_KERNELS=avx2` keeps the AVX2 + FMA kernels on an AVX-512 CPU
    /// (and falls back to the baseline on a CPU without AVX2).
    func testTheEnvironmentForcesTheAVX2Kernels() throws {
        let forced = try CLIRunner.launch(["bench", "--reps", "1", "--only", "ssa2d_pose"], environment: ["SUBPIX_KERNELS": "avx2"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        let line = forced.stdout.split(separator: "\n").first.map(String.init) ?? ""
        let fastest = try XCTUnwrap(line.split(separator: ":").last?.dropLast().trimmingCharacters(in: .whitespaces), line)
        let expected = fastest == "baseline" ? "baseline" : "avx2+fma"
        XCTAssertEqual(line, "kernels: \(expected) (fastest this CPU runs: \(fastest))")
    }

    /// `--kornia 0.7` times the ops in kornia 0.7.4's form, and the bench says which release ran.
    func testTheKorniaOptionChoosesTheRelease() throws {
        let old = try CLIRunner.run(["bench", "--reps", "1", "--only", "quad3d_doc", "--kornia", "0.7"])
        XCTAssertEqual(old.status, 0, old.stderr)
        XCTAssertEqual(old.stdout.split(separator: "\n").dropFirst().first, "kornia: 0.7.4", old.stdout)
        let new = try CLIRunner.run(["bench", "--reps", "1", "--only", "quad3d_doc"])
        XCTAssertEqual(new.stdout.split(separator: "\n").dropFirst().first, "kornia: 0.9.0", new.stdout)
        let wrong = try CLIRunner.run(["bench", "--kornia", "0.8"])
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertTrue(wrong.stderr.contains("--kornia: expected version 0.7 or 0.9, got '0.8'"), wrong.stderr)
    }

    func testJSONHasTheReferenceShapeAndOnlyTheNamedWorkloads() throws {
        let result = try CLIRunner.run(["bench", "--reps", "1", "--threads", "1", "--only", "nms2d_large,csa2d_k3", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Double]])
        XCTAssertEqual(Set(object.keys), ["nms2d_large", "csa2d_k3"])
        for (name, timing) in object {
            XCTAssertEqual(Set(timing.keys), ["median_ms", "min_ms"], name)
            let (median, minimum) = (try XCTUnwrap(timing["median_ms"]), try XCTUnwrap(timing["min_ms"]))
            XCTAssertTrue(minimum > 0 && minimum <= median, "\(name): min \(minimum), median \(median)")
        }
    }

    func testAnUnknownWorkloadIsAOneLineError() throws {
        let result = try CLIRunner.run(["bench", "--only", "csa2d_doc,nope"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("unknown workload 'nope'; expected one of csa2d_doc"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }
}
