import XCTest
@testable import Subpix

/// A parameter's bound is the rule its op enforces: every op refuses a value just
/// outside each bound of its parameters (naming the parameter), and does not refuse
/// the nearest value inside it for that parameter's sake.
final class ParameterBoundTests: XCTestCase {
    func testBoundsReadAsTheViewAndTheDocsSayThem() {
        XCTAssertEqual(Method.Parameter.Bound.above(0).phrase(integers: false), "> 0")
        XCTAssertEqual(Method.Parameter.Bound.above(0).phrase(integers: true), ">= 1")
        XCTAssertEqual(Method.Parameter.Bound.atLeast(0).phrase(integers: true), ">= 0")
        XCTAssertEqual(Method.Parameter.Bound.atLeast(0.5).phrase(integers: false), ">= 0.5")
        XCTAssertFalse(Method.Parameter.Bound.above(0).admits(.infinity), "above a bound means finite, as the ops' temperature check")
        XCTAssertFalse(Method.Parameter.Bound.above(0).admits(.nan))
        XCTAssertTrue(Method.Parameter.Bound.atLeast(0).admits(0))
        XCTAssertFalse(Method.Parameter.Bound.atLeast(0).admits(-0.5))
    }

    /// The parameters with a bound are the ones kornia's ops check.
    func testTheBoundedParametersAreTheOnesTheOpsCheck() {
        let bounded = Method.all.flatMap { method in method.parameters.filter { $0.bound != nil }.map { "\(method.name).\($0.name)" } }
        XCTAssertEqual(Set(bounded), [
            "spatial_softmax2d.temperature", "spatial_soft_argmax2d.temperature", "render_gaussian2d.size",
            "conv_soft_argmax2d.kernel_size", "conv_soft_argmax2d.stride", "conv_soft_argmax2d.padding", "conv_soft_argmax2d.temperature",
            "conv_soft_argmax3d.kernel_size", "conv_soft_argmax3d.stride", "conv_soft_argmax3d.padding", "conv_soft_argmax3d.temperature",
            "conv_quad_interp3d.n_iters", "conv_quad_interp3d.max_subpixel_shift",
            "iterative_quad_interp3d.n_iters", "iterative_quad_interp3d.max_subpixel_shift", "iterative_quad_interp3d.max_candidates",
            "nms2d.kernel_size", "nms3d.kernel_size",
        ])
    }

    func testEveryOpRefusesWhatItsBoundsRefuse() throws {
        for method in Method.all {
            for parameter in method.parameters {
                guard let bound = parameter.bound else { continue }
                // Each parameter in a kornia release that has it (0.9's conv_quad_interp3d.n_iters).
                let version = KorniaVersion.allCases.first { parameter.isAvailable(in: $0) && $0 >= .default } ?? .v0_7
                let (outside, inside) = try XCTUnwrap(Self.values(parameter, bound), "\(method.name).\(parameter.name)")
                XCTAssertFalse(parameter.keepsBound(outside))
                XCTAssertTrue(parameter.keepsBound(inside))
                XCTAssertThrowsError(try method.run(try Self.arguments(method, [parameter.name: outside], in: version)), "\(method.name).\(parameter.name)") {
                    XCTAssertTrue("\($0)".contains(parameter.name), "\(method.name) refuses \(parameter.name) = \(outside) by name: \($0)")
                }
                do {
                    var overrides = [parameter.name: inside]
                    // kornia refuses padding above half the kernel: a kernel of 1 pads 0.
                    if parameter.name == "kernel_size", case .integers(let axes)? = method.parameters.first(where: { $0.name == "padding" })?.kind {
                        overrides["padding"] = .integers([Int](repeating: 0, count: axes))
                    }
                    _ = try method.run(try Self.arguments(method, overrides, in: version))
                } catch {
                    XCTAssertFalse("\(error)".contains(parameter.name), "\(method.name) refuses \(parameter.name) = \(inside): \(error)")
                }
            }
        }
    }

    /// A value just outside `bound` and the nearest inside it, of the parameter's kind
    /// (on the last axis of a tuple, the others at kornia's default, else 3).
    private static func values(_ parameter: Method.Parameter, _ bound: Method.Parameter.Bound) -> (ArgumentValue, ArgumentValue)? {
        let (outside, inside): (Double, Double) = switch bound {
        case .above(let low): (low, low + 1)
        case .atLeast(let low): (low - 1, low)
        }
        switch parameter.kind {
        case .number: return (.real(outside), .real(bound == .above(0) ? 0.5 : inside))
        case .integer: return (.int(Int(outside)), .int(Int(inside)))
        case .integers(let count):
            var others = [Int](repeating: 3, count: count - 1)
            if case .integers(let defaults)? = parameter.defaultValue { others = Array(defaults.dropLast()) }
            return (.integers(others + [Int(outside)]), .integers(others + [Int(inside)]))
        default: return nil
        }
    }

    /// Valid arguments for `method` in kornia `version` (small maps, kernel 3, size 4), with `overrides`.
    private static func arguments(_ method: Method, _ overrides: [String: ArgumentValue], in version: KorniaVersion) throws -> Method.Arguments {
        var arguments = Method.Arguments(version: version)
        for parameter in method.parameters where parameter.defaultValue == nil {
            switch (parameter.name, parameter.kind) {
            case (_, .tensor) where method.inputRank == 5:
                arguments[parameter.name] = .tensor(.float32(try randn(shape: [1, 1, 5, 7, 7], seed: 1)))
            case (_, .tensor) where method.inputRank == 4:
                arguments[parameter.name] = .tensor(.float32(try randn(shape: [1, 1, 7, 7], seed: 1)))
            case ("mean", .tensor):
                arguments[parameter.name] = .tensor(.float32(Tensor(shape: [1, 1, 2], repeating: 0)))
            case ("std", .tensor):
                arguments[parameter.name] = .tensor(.float32(Tensor(shape: [1, 1, 2], repeating: 0.5)))
            case (_, .integers(let count)):
                arguments[parameter.name] = .integers([Int](repeating: parameter.name == "size" ? 4 : 3, count: count))
            default:
                XCTFail("no test value for \(method.name).\(parameter.name)")
            }
        }
        for (name, value) in overrides { arguments[name] = value }
        return arguments
    }
}
