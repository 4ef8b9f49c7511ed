import XCTest
import Subpix

/// Runs every case of every grad fixture file: the forward outputs and the
/// gradient of every differentiable input must match torch autograd through
/// kornia within the case's tolerances (the comparison of ``GoldenTests``).
/// The float32 cases run on every kernel path this CPU has, as ``GoldenTests``
/// does for the forward (a path it lacks falls back to a narrower one).
final class GradGoldenTests: XCTestCase {
    func testEveryAutogradCaseMatches() throws {
        try withKernelPath(.fastestAvailable) { try checkEveryCase() }
    }

    func testEveryAutogradCaseMatchesOnTheAVX2Path() throws {
        try withKernelPath(.avx2FMA) { try checkEveryCase() }
    }

    func testEveryAutogradCaseMatchesOnTheBaselinePath() throws {
        try withKernelPath(.baseline) { try checkEveryCase() }
    }

    private func checkEveryCase() throws {
        let cases = try GradFixtures.loadAll()
        var failures: [String] = []
        var gradients = 0
        for grad in cases {
            guard let op = GradOps.all[grad.golden.op] else {
                failures.append("\(grad.label): unknown op \(grad.golden.op)")
                continue
            }
            do {
                let (outputs, got) = try grad.golden.dtype == .float32
                    ? op.run(grad, as: Float.self) : op.run(grad, as: Double.self)
                failures += GoldenTests.compare(outputs, with: grad.golden)
                for (input, want) in grad.gradients.sorted(by: { $0.key < $1.key }) {
                    guard let result = got[input] else {
                        failures.append("\(grad.label): no gradient for input \(input)")
                        continue
                    }
                    var expected = grad.golden
                    expected.outputs = [want]
                    expected.name += " ∂/∂\(input)"
                    failures += GoldenTests.compare([result], with: expected)
                    gradients += 1
                }
            } catch {
                failures.append("\(grad.label): threw \(error)")
            }
        }
        print("grad golden (\(KernelPath.current)): checked \(gradients) gradients of \(cases.count) cases from \(GradFixtures.directory.path), \(failures.count) failing")
        XCTAssertGreaterThan(gradients, 0)
        for failure in failures { XCTFail(failure) }
    }
}
