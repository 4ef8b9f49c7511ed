import XCTest
import Subpix

/// Each difference between kornia 0.7.4 and kornia 0.9 in the spatial and
/// quadratic-interpolation ops, side by side from the fixtures (`Fixtures/kornia`
/// and `Fixtures/kornia-0.9`, `Fixtures/grad` and `Fixtures/grad-0.9`): the same
/// inputs run in both modes, each mode matches its own release's output, and
/// the two answers differ. The conv soft-argmax differences are k9csa's.
final class KorniaVersionDifferenceTests: XCTestCase {
    /// 0.9 divides by the temperature, 0.7.4 multiplied: T = 3 gives two different distributions.
    func testSpatialSoftmaxTemperatureDividesIn09AndMultipliedIn07() throws {
        let difference = try sideBySide("spatial_softmax2d", "rand(2, 3, 5, 7)_t3.0")
        XCTAssertGreaterThan(difference, 0.05)
    }

    /// The issue's `spatial_soft_argmax2d(x, temperature=3)`: the two releases put the point pixels apart.
    func testSpatialSoftArgmaxTemperatureDividesIn09AndMultipliedIn07() throws {
        let difference = try sideBySide("spatial_soft_argmax2d", "rand(2, 3, 5, 7)_t3.0_nFalse")
        XCTAssertGreaterThan(difference, 0.5, "pixels between the two releases' points")
    }

    /// 0.9 has no `eps` on `spatial_soft_argmax2d`; the seed's 0.7 signature has it.
    func testSpatialSoftArgmaxEpsIsA07Argument() throws {
        let input = ArgumentValue.tensor(AnyTensor(try Tensor<Float>(shape: [1, 1, 2, 2], elements: [0, 1, 2, 3])))
        XCTAssertNoThrow(try Method.spatialSoftArgmax2d.run(Method.Arguments(["input": input, "eps": .real(1e-6)], version: .v0_7)))
        XCTAssertThrowsError(try Method.spatialSoftArgmax2d.run(Method.Arguments(["input": input, "eps": .real(1e-6)], version: .v0_9))) {
            XCTAssertEqual("\($0)", "spatial_soft_argmax2d: eps is a kornia 0.7 argument; run with --kornia 0.7 or see docs/kornia.md")
        }
    }

    /// A normalised one-pixel axis: 0 in 0.9's grid, NaN (0 / 0) in 0.7.4's.
    func testSpatialExpectationOfAOnePixelAxisIsZeroIn09AndNaNIn07() throws {
        for dtype in ["float32", "float64"] {
            let (old, new) = try pair("spatial_expectation2d", "rand(1, 2, 1, 6)_nTrue", dtype)
            let (got07, got09) = (try run(old, in: .v0_7), try run(new, in: .v0_9))
            XCTAssertEqual(GoldenTests.compare(got07, with: old), [])
            XCTAssertEqual(GoldenTests.compare(got09, with: new), [])
            XCTAssertTrue(got07[0].values[1].isNaN, "0.7.4: y of a one-row map")
            XCTAssertEqual(got09[0].values[1], 0, "0.9: y of a one-row map")
        }
    }

    /// 0.7.4 divided the exponent by 2σ; 0.9 by 2σ² with a softmax per axis. Each
    /// release's case matches in its own mode and not in the other.
    func testRenderGaussianDividesBy2SigmaIn07And2SigmaSquaredIn09() throws {
        try crossCheck("render_gaussian2d", old: "nFalse", new: "nFalse", otherDefaults: false)
    }

    /// 0.7.4's one-step `conv_quad_interp3d(input, strict_maxima_bonus=10, eps=1e-7)` and
    /// 0.9's iterated one with its defaults give different refinements of the same kind of volume.
    func testConvQuadInterpIsOneStepIn07AndIteratedIn09() throws {
        try crossCheck("conv_quad_interp3d", old: "dog0_b0.0", new: "dog0_it5_s0.6_r1_stepsTrue", otherDefaults: true)
    }

    /// A 0.9 argument of `conv_quad_interp3d` in 0.7 mode, and a 0.7 one in 0.9 mode, name their release.
    func testConvQuadInterpArgumentsOfTheOtherReleaseAreRefused() throws {
        let input = ArgumentValue.tensor(AnyTensor(try Tensor<Float>(shape: [1, 1, 3, 3, 3], elements: Array(repeating: 0, count: 27))))
        XCTAssertThrowsError(try Method.convQuadInterp3d.run(Method.Arguments(["input": input, "eps": .real(1e-7)], version: .v0_9))) {
            XCTAssertEqual("\($0)", "conv_quad_interp3d: eps is a kornia 0.7 argument; run with --kornia 0.7 or see docs/kornia.md")
        }
        XCTAssertThrowsError(try Method.convQuadInterp3d.run(Method.Arguments(["input": input, "n_iters": .int(3)], version: .v0_7))) {
            XCTAssertEqual("\($0)", "conv_quad_interp3d: n_iters is a kornia 0.9 argument; run with --kornia 0.9 or see docs/kornia.md")
        }
    }

    /// `strict_maxima_bonus` is added in 0.7.4; 0.9 warns about it and ignores it, on
    /// `conv_quad_interp3d` and on `iterative_quad_interp3d` (a 0.9 op, in both modes).
    func testStrictMaximaBonusIsUsedIn07AndWarnedAboutAndIgnoredIn09() throws {
        let old = try XCTUnwrap(try GoldenFixtures.kornia.loadAll().first { $0.op == "conv_quad_interp3d" && $0.name == "dog0_b10.0" })
        let input = ArgumentValue.tensor(AnyTensor(try old.input(as: Float.self)))
        let warning = "strict_maxima_bonus is deprecated since kornia 0.9.0 and is ignored: no bonus is added to the returned values; select strict maxima with an nms3d mask instead"
        for (method, version) in [(Method.convQuadInterp3d, KorniaVersion.v0_9), (.iterativeQuadInterp3d, .v0_9), (.iterativeQuadInterp3d, .v0_7)] {
            let plain = try method.run(Method.Arguments(["input": input], version: version))
            let (outputs, warnings) = try method.runReportingWarnings(Method.Arguments(["input": input, "strict_maxima_bonus": .real(10)], version: version))
            XCTAssertEqual(outputs, plain, "\(method.name) in \(version.rawValue): the bonus is ignored")
            XCTAssertEqual(warnings, ["\(method.name): \(warning)"])
            XCTAssertEqual(method.warnings(for: Method.Arguments(["input": input, "strict_maxima_bonus": .none], version: version)), [])
        }
        let (bonus, warnings) = try Method.convQuadInterp3d.runReportingWarnings(
            Method.Arguments(["input": input, "strict_maxima_bonus": .real(10)], version: .v0_7))
        let none = try Method.convQuadInterp3d.run(Method.Arguments(["input": input, "strict_maxima_bonus": .real(0)], version: .v0_7))
        XCTAssertEqual(warnings, [])
        XCTAssertNotEqual(bonus, none, "0.7.4 adds the bonus at solved maxima")
        XCTAssertEqual(GoldenTests.compare(GoldenMethods.results(bonus), with: old), [])
    }

    /// The gradients follow the temperature: 0.9's pullback scales by 1/T, 0.7.4's by T.
    func testSoftmaxAndSoftArgmaxGradientsFollowTheTemperatureConvention() throws {
        for (op, name) in [("spatial_softmax2d", "2x3x7x9_t4.0_float64"), ("spatial_soft_argmax2d", "2x3x7x9_t4.0_nFalse_float64")] {
            let old = try XCTUnwrap(try GoldenFixtures.grad.loadGradients().first { $0.golden.op == op && $0.golden.name == name })
            let new = try XCTUnwrap(try GoldenFixtures.grad09.loadGradients().first { $0.golden.op == op && $0.golden.name == name })
            XCTAssertEqual(old.golden.inputs["input"]?.values, new.golden.inputs["input"]?.values, "\(op): the same input")
            XCTAssertEqual(old.cotangents.map(\.values), new.cotangents.map(\.values), "\(op): the same cotangent")
            let got07 = try XCTUnwrap(try GradMethods.run(old, in: .v0_7).gradients["input"])
            let got09 = try XCTUnwrap(try GradMethods.run(new, in: .v0_9).gradients["input"])
            var (want07, want09) = (old.golden, new.golden)
            (want07.outputs, want09.outputs) = ([try XCTUnwrap(old.gradients["input"])], [try XCTUnwrap(new.gradients["input"])])
            XCTAssertEqual(GoldenTests.compare([got07], with: want07), [])
            XCTAssertEqual(GoldenTests.compare([got09], with: want09), [])
            XCTAssertGreaterThan(zip(got07.values, got09.values).map { abs($0 - $1) }.max() ?? 0, 1e-3, op)
        }
    }

    // MARK: - Helpers

    /// Case `name` of `op` from both sets in `dtype`: the 0.7.4 one and the 0.9 one.
    private func pair(_ op: String, _ name: String, _ dtype: String = "float32") throws -> (old: GoldenCase, new: GoldenCase) {
        (try golden(.kornia, op, name, dtype), try golden(.kornia09, op, name, dtype))
    }

    private func golden(_ set: GoldenFixtures, _ op: String, _ name: String, _ dtype: String) throws -> GoldenCase {
        try XCTUnwrap(try set.loadAll().first { $0.op == op && $0.name == name && $0.dtype.rawValue == dtype }, "\(set.folder): no \(op) [\(name)]")
    }

    private func run(_ golden: GoldenCase, in version: KorniaVersion, defaults: Bool = false) throws -> [GoldenResult] {
        var golden = golden
        if defaults { golden.args = [:] }
        return try XCTUnwrap(GoldenMethods.all(in: version)[golden.op])(golden)
    }

    /// Runs a case that both sets hold with the same inputs and args in both modes; each
    /// mode must match its own release. Returns the largest difference between the two.
    private func sideBySide(_ op: String, _ name: String) throws -> Double {
        let (old, new) = try pair(op, name)
        XCTAssertEqual(old.inputs.mapValues(\.values), new.inputs.mapValues(\.values), "\(op) [\(name)]: the same inputs")
        let (got07, got09) = (try run(old, in: .v0_7), try run(new, in: .v0_9))
        XCTAssertEqual(GoldenTests.compare(got07, with: old), [], "0.7 mode against kornia 0.7.4")
        XCTAssertEqual(GoldenTests.compare(got09, with: new), [], "0.9 mode against kornia 0.9")
        return zip(got07[0].values, got09[0].values).map { abs($0 - $1) }.max() ?? 0
    }

    /// For ops whose sets share no inputs: each release's case matches in its own mode,
    /// and run in the other mode (with the case's args, or that release's defaults
    /// when `otherDefaults`: the args of one release the other lacks) it does not.
    private func crossCheck(_ op: String, old oldName: String, new newName: String, otherDefaults: Bool) throws {
        let (old, new) = (try golden(.kornia, op, oldName, "float32"), try golden(.kornia09, op, newName, "float32"))
        XCTAssertEqual(GoldenTests.compare(try run(old, in: .v0_7), with: old), [])
        XCTAssertEqual(GoldenTests.compare(try run(new, in: .v0_9), with: new), [])
        XCTAssertNotEqual(GoldenTests.compare(try run(old, in: .v0_9, defaults: otherDefaults), with: old), [],
                          "kornia 0.7.4's \(op) [\(oldName)] in 0.9 mode")
        XCTAssertNotEqual(GoldenTests.compare(try run(new, in: .v0_7, defaults: otherDefaults), with: new), [],
                          "kornia 0.9's \(op) [\(newName)] in 0.7 mode")
    }
}
