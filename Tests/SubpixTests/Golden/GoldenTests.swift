import XCTest
import Subpix

/// Runs every case of every kornia fixture file and compares each output
/// within the case's tolerances (`|got - want| <= atol + rtol * |want|`;
/// an expected NaN must come out NaN, an expected infinity must match exactly),
/// once on the fastest kernel path of this CPU and once on the portable baseline.
final class GoldenTests: XCTestCase {
    func testEveryKorniaCaseMatches() throws {
        try withKernelPath(.fastestAvailable) { try checkEveryCase() }
    }

    /// `SUBPIX_KERNELS=baseline` (or `KernelPath.current = .baseline`) runs the
    /// portable float32 kernels even where AVX2 + FMA are available.
    func testEveryKorniaCaseMatchesOnTheBaselinePath() throws {
        try withKernelPath(.baseline) { try checkEveryCase() }
    }

    private func checkEveryCase() throws {
        let cases = try GoldenFixtures.loadAll()
        var failures: [String] = []
        for golden in cases {
            guard let op = GoldenOps.all[golden.op] else {
                failures.append("\(golden.label): unknown op \(golden.op)")
                continue
            }
            do {
                let results = try golden.dtype == .float32
                    ? op.run(golden, as: Float.self) : op.run(golden, as: Double.self)
                failures += Self.compare(results, with: golden)
            } catch {
                failures.append("\(golden.label): threw \(error)")
            }
        }
        print("golden: checked \(cases.count) kornia cases (\(KernelPath.current) kernels) from \(GoldenFixtures.directory.path), \(failures.count) failing")
        for failure in failures { XCTFail(failure) }
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
