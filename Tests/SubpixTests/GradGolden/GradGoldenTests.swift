import XCTest
import Subpix

/// Runs every case of both grad fixture sets, each in its kornia mode (`grad`:
/// 0.7.4, `grad-0.9`: 0.9): the forward outputs and the gradient of every
/// differentiable input must match torch autograd through kornia within the
/// case's tolerances (the comparison of ``GoldenTests``). The float32 cases run
/// on every kernel path this CPU has, as ``GoldenTests`` does for the forward
/// (a path it lacks falls back to a narrower one).
final class GradGoldenTests: XCTestCase {
    func testEveryKornia07AutogradCaseMatches() throws {
        try checkEveryCase(.grad, on: .fastestAvailable)
    }

    func testEveryKornia07AutogradCaseMatchesOnTheAVX2Path() throws {
        try checkEveryCase(.grad, on: .avx2FMA)
    }

    func testEveryKornia07AutogradCaseMatchesOnTheBaselinePath() throws {
        try checkEveryCase(.grad, on: .baseline)
    }

    func testEveryKornia09AutogradCaseMatches() throws {
        try checkEveryCase(.grad09, on: .fastestAvailable)
    }

    func testEveryKornia09AutogradCaseMatchesOnTheAVX2Path() throws {
        try checkEveryCase(.grad09, on: .avx2FMA)
    }

    func testEveryKornia09AutogradCaseMatchesOnTheBaselinePath() throws {
        try checkEveryCase(.grad09, on: .baseline)
    }

    private func checkEveryCase(_ fixtures: GoldenFixtures, on path: KernelPath) throws {
        let (failures, gradients) = try withKernelPath(path) { try Self.check(fixtures) }
        XCTAssertGreaterThan(gradients, 0)
        for failure in failures { XCTFail(failure) }
    }

    /// The failures of every case of `fixtures` and how many gradients were compared.
    private static func check(_ fixtures: GoldenFixtures) throws -> (failures: [String], gradients: Int) {
        let cases = try fixtures.loadGradients()
        var failures: [String] = []
        var gradients = 0
        for grad in cases {
            do {
                let (outputs, got) = try GradMethods.run(grad, in: fixtures.mode)
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
        print("grad golden (kornia \(fixtures.mode.rawValue) mode, \(KernelPath.current)): checked \(gradients) gradients of \(cases.count) cases from \(fixtures.directory.path), \(failures.count) failing")
        return (failures, gradients)
    }
}
