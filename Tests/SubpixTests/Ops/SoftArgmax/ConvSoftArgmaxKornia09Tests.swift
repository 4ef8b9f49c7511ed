import XCTest
import Subpix

/// kornia 0.9's `conv_soft_argmax2d` and `conv_soft_argmax3d`: every case of their
/// 0.9 forward fixtures (`Fixtures/kornia-0.9`) and gradient fixtures
/// (`Fixtures/grad-0.9`), in kornia 0.9 mode, in the case's dtype, on every float32
/// kernel path this CPU has (float64 runs the Swift engine).
final class ConvSoftArgmaxKornia09Tests: XCTestCase {
    private static let ops = ["conv_soft_argmax2d", "conv_soft_argmax3d"]

    func testEveryForwardCaseMatchesOnEveryPath() throws {
        let cases = try GoldenFixtures.kornia09.jsonFiles()
            .filter { Self.ops.contains($0.deletingPathExtension().lastPathComponent) }
            .flatMap(GoldenFixtures.load)
        XCTAssertEqual(Set(cases.map(\.op)), Set(Self.ops))
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                var failures: [String] = []
                for golden in cases {
                    guard let method = Method.all.first(where: { $0.name == golden.op }) else { throw GoldenError("no method \(golden.op)") }
                    do {
                        failures += GoldenTests.compare(try GoldenMethods.run(method, golden, version: .v0_9), with: golden)
                    } catch {
                        failures.append("\(golden.label): threw \(error)")
                    }
                }
                print("kornia 0.9 conv soft-argmax (\(KernelPath.current)): \(cases.count) cases, \(failures.count) failing")
                for failure in failures { XCTFail("\(path): \(failure)") }
            }
        }
    }

    func testEveryGradientCaseMatchesOnEveryPath() throws {
        let cases = try GradFixtures.loadAll(.grad09).filter { Self.ops.contains($0.golden.op) }
        XCTAssertEqual(Set(cases.map(\.golden.op)), Set(Self.ops))
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                var failures: [String] = []
                for grad in cases {
                    XCTAssertEqual(try grad.golden.korniaVersion(), .v0_9, grad.label)
                    guard let op = GradOps.all[grad.golden.op] else { throw GoldenError("no grad op \(grad.golden.op)") }
                    do {
                        let (outputs, got) = try grad.golden.dtype == .float32
                            ? op.run(grad, as: Float.self) : op.run(grad, as: Double.self)
                        failures += GoldenTests.compare(outputs, with: grad.golden)
                        for (input, want) in grad.gradients {
                            var expected = grad.golden
                            expected.outputs = [want]
                            expected.name += " ∂/∂\(input)"
                            failures += got[input].map { GoldenTests.compare([$0], with: expected) } ?? ["\(grad.label): no gradient for \(input)"]
                        }
                    } catch {
                        failures.append("\(grad.label): threw \(error)")
                    }
                }
                print("kornia 0.9 conv soft-argmax gradients (\(KernelPath.current)): \(cases.count) cases, \(failures.count) failing")
                for failure in failures { XCTFail("\(path): \(failure)") }
            }
        }
    }
}
