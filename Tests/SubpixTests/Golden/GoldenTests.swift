import XCTest
import Subpix
import TestSupport

/// Runs every case of every fixture file — kornia's, and the field libraries'
/// (mmpose, OpenPIV, photutils) — and compares each output within the case's
/// tolerances (`|got - want| <= atol + rtol * |want|`; an expected NaN must come
/// out NaN, an expected infinity must match exactly). Each case runs in its dtype;
/// the kornia cases run on every float32 kernel path this CPU has (a path it
/// lacks falls back to a narrower one, so every test still runs).
final class GoldenTests: XCTestCase {
    /// kornia 0.7.4's cases in `--kornia 0.7` mode, on the widest path (AVX-512 on a CPU with it).
    func testEveryKornia07CaseMatches() throws {
        try checkEveryCase(.kornia, on: .fastestAvailable)
    }

    /// `SUBPIX_KERNELS=avx2` (or `KernelPath.current = .avx2FMA`) runs the AVX2 +
    /// FMA kernels even where AVX-512 is available.
    func testEveryKornia07CaseMatchesOnTheAVX2Path() throws {
        try checkEveryCase(.kornia, on: .avx2FMA)
    }

    /// `SUBPIX_KERNELS=baseline` (or `KernelPath.current = .baseline`) runs the
    /// portable float32 kernels even where wider ones are available.
    func testEveryKornia07CaseMatchesOnTheBaselinePath() throws {
        try checkEveryCase(.kornia, on: .baseline)
    }

    /// kornia 0.9's cases in `--kornia 0.9` mode (`Fixtures/kornia-0.9`, or `$SUBPIX_FIXTURES_09`).
    func testEveryKornia09CaseMatches() throws {
        try checkEveryCase(.kornia09, on: .fastestAvailable)
    }

    func testEveryKornia09CaseMatchesOnTheAVX2Path() throws {
        try checkEveryCase(.kornia09, on: .avx2FMA)
    }

    func testEveryKornia09CaseMatchesOnTheBaselinePath() throws {
        try checkEveryCase(.kornia09, on: .baseline)
    }

    private func checkEveryCase(_ fixtures: GoldenFixtures, on path: KernelPath) throws {
        let failures = try withKernelPath(path) { try Self.check(fixtures, ops: GoldenMethods.all(in: fixtures.mode)) }
        for failure in failures { XCTFail(failure) }
    }

    func testEveryFieldCaseMatches() throws {
        let failures = try Self.check(.field, ops: GoldenOps.field)
        for failure in failures { XCTFail(failure) }
    }

    /// A fixture whose op the harness does not know is a failure, not a skip.
    func testAnUnknownOpFails() throws {
        let folder = try scratchDirectory("golden-unknown")
        let fixture = #"{"op": "made_up_op", "cases": [{"name": "one", "reference": "none", "dtype": "float32", "args": {}, "inputs": {}, "outputs": [], "atol": 0, "rtol": 0}]}"#
        try fixture.write(to: folder.appendingPathComponent("made_up_op.json"), atomically: true, encoding: .utf8)
        setenv("SUBPIX_FIELD_FIXTURES", folder.path, 1)
        defer { unsetenv("SUBPIX_FIELD_FIXTURES") }
        XCTAssertEqual(try Self.check(.field, ops: GoldenOps.field), ["made_up_op.json [one, float32]: unknown op made_up_op"])
    }

    /// The failures of every case in `fixtures`.
    static func check(_ fixtures: GoldenFixtures, ops: [String: GoldenRunner]) throws -> [String] {
        let cases = try fixtures.loadAll()
        var failures: [String] = []
        for golden in cases {
            guard let op = ops[golden.op] else {
                failures.append("\(golden.label): unknown op \(golden.op)")
                continue
            }
            do {
                failures += compare(try op(golden), with: golden)
            } catch {
                failures.append("\(golden.label): threw \(error)")
            }
        }
        print("golden: checked \(cases.count) cases (kornia \(fixtures.mode.rawValue) mode, \(KernelPath.current) kernels) from \(fixtures.directory.path), \(failures.count) failing")
        return failures
    }

    static func compare(_ results: [GoldenResult], with golden: GoldenCase) -> [String] {
        guard results.count == golden.outputs.count else {
            return ["\(golden.label): expected \(golden.outputs.count) outputs, got \(results.count)"]
        }
        var failures: [String] = []
        for (index, (got, want)) in zip(results, golden.outputs).enumerated() {
            guard got.shape == want.shape else {
                failures.append("\(golden.label) output \(index): expected shape \(formatShape(want.shape)), got \(formatShape(got.shape))")
                continue
            }
            var mismatches = 0
            var first = ""
            for (flat, (g, w)) in zip(got.values, want.values).enumerated() {
                let ok: Bool
                if w.isNaN { ok = g.isNaN }
                else if w.isInfinite { ok = g == w }
                else { ok = abs(g - w) <= golden.atol + golden.rtol * abs(w) }
                if !ok {
                    if mismatches == 0 { first = "at flat index \(flat): expected \(w), got \(g)" }
                    mismatches += 1
                }
            }
            if mismatches > 0 {
                failures.append("\(golden.label) output \(index): \(mismatches) of \(want.values.count) values differ, first \(first)")
            }
        }
        return failures
    }
}

/// Runs `body` with the float32 kernels on `path`, then restores the previous path.
func withKernelPath<R>(_ path: KernelPath, _ body: () throws -> R) rethrows -> R {
    let previous = KernelPath.current
    KernelPath.current = path
    defer { KernelPath.current = previous }
    return try body()
}
