import Foundation
import XCTest
@testable import Subpix

final class DiagnosisTests: XCTestCase {
    /// A constant 5×7 map: the softmax is uniform, so entropy is exactly 1, the
    /// soft-argmax is the centre ((7−1)/2, (5−1)/2) = (3, 2), the hard argmax is the
    /// first cell (0, 0), and the mass within 2 px of it is the share of cells within
    /// 2 px of (0, 0): (0,0) (1,0) (2,0) (0,1) (1,1) (0,2) = 6 of 35. No parabola has a
    /// vertex on a flat map, so the refined peak is the argmax, and no temperature moves
    /// the soft-argmax off the centre: a flat verdict without a temperature.
    func testAConstantMapIsFlatWithNoFixingTemperature() throws {
        let map = Tensor<Double>(shape: [1, 1, 5, 7], repeating: 0.3)
        let d = try XCTUnwrap(try diagnose(map).first)
        XCTAssertEqual(d.entropy, 1, accuracy: 1e-12)
        XCTAssertEqual(d.softArgmax.x, 3, accuracy: 1e-12)
        XCTAssertEqual(d.softArgmax.y, 2, accuracy: 1e-12)
        XCTAssertEqual(d.hardArgmax.x, 0)
        XCTAssertEqual(d.distance, hypot(3, 2), accuracy: 1e-12)
        XCTAssertEqual(d.massNearArgmax, 6.0 / 35, accuracy: 1e-12)
        XCTAssertEqual(d.modes, 1)
        guard case .flat(let error, let argmaxError, nil)? = d.verdicts.first, d.verdicts.count == 1 else { return XCTFail("\(d.verdicts)") }
        XCTAssertEqual(error, hypot(3, 2), accuracy: 1e-12)
        XCTAssertEqual(argmaxError, 0)
        XCTAssertEqual("\(d.verdicts[0])", "flat: soft-argmax is 3.61 px from the peak, the hard argmax 0.00 px; no temperature does better: use the hard argmax")
    }

    /// One-hot 10 on a 9×9 map of zeros: p(peak) = e¹⁰ / (e¹⁰ + 80) = 0.99638, the
    /// mass within 2 px adds the 12 other cells within 2 px: (e¹⁰ + 12) / (e¹⁰ + 80).
    /// Entropy: −[p log p + 80 q log q] / log 81 with q = 1 / (e¹⁰ + 80). No verdict.
    func testASharpSinglePeakHasNoVerdict() throws {
        var map = Tensor<Double>(shape: [1, 1, 9, 9], repeating: 0)
        map[0, 0, 4, 4] = 10
        let d = try XCTUnwrap(try diagnose(map).first)
        let total = exp(10.0) + 80
        let (p, q) = (exp(10.0) / total, 1 / total)
        XCTAssertEqual(d.massNearArgmax, (exp(10.0) + 12) / total, accuracy: 1e-12)
        XCTAssertEqual(d.entropy, -(p * log(p) + 80 * q * log(q)) / log(81), accuracy: 1e-12)
        XCTAssertEqual(d.distance, 0, accuracy: 1e-12)
        XCTAssertEqual(d.verdicts, [])
    }

    /// The blob of docs/diagnose.md. Its true peak is known, (12.3, 50.6), so the hard
    /// argmax (12, 51) is hypot(0.3, 0.4) = 0.5 px off and a Gaussian's log-parabola
    /// refines to the truth. The error of every temperature below is measured by
    /// running `spatial_soft_argmax2d` itself against that truth.
    private static let truth = (x: 12.3, y: 50.6)
    private static func blob() throws -> Tensor<Float> {
        try gaussians(size: (64, 64), peaks: [GaussianPeak(x: truth.x, y: truth.y, sigma: 2)])
    }

    /// The pixel error against the truth of `method` run by its descriptor in kornia
    /// `version` at `temperature`: the whole-map coordinate, or the window centred on
    /// the hard argmax (row 51, column 12) for `conv_soft_argmax2d`.
    private func opError(_ method: Method, _ version: KorniaVersion, temperature: Double) throws -> Double {
        let outputs = try method.run(Method.Arguments(
            ["input": .tensor(AnyTensor(try Self.blob())), "temperature": .real(temperature), "normalized_coordinates": .bool(false)],
            version: version))
        guard case .tensor(let any)? = outputs.first else { throw SubpixError("test", "no coordinates") }
        let coords: Tensor<Double> = any.tensor()
        let (x, y) = method.name == Method.spatialSoftArgmax2d.name
            ? (coords[0, 0, 0], coords[0, 0, 1]) : (coords[0, 0, 0, 51, 12], coords[0, 0, 1, 51, 12])
        return hypot(Double(x) - Self.truth.x, Double(y) - Self.truth.y)
    }

    /// kornia 0.7's convention (T multiplies): the old advice "temperature ≥ 10.2" left
    /// the op 1.4 px off, worse than the hard argmax, and is flagged now; the suggested
    /// temperature, run through the op, beats the hard argmax and is as good as diagnose says.
    func testTheSuggestedTemperatureIsCheckedByTheOpInKornia07() throws {
        let blob = try Self.blob()
        let d = try XCTUnwrap(try diagnose(blob, version: .v0_7).first)
        XCTAssertEqual(d.argmaxError, 0.5, accuracy: 1e-6)
        XCTAssertEqual(d.refinedPeak.x, Self.truth.x, accuracy: 1e-4)
        XCTAssertEqual(d.refinedPeak.y, Self.truth.y, accuracy: 1e-4)
        let suggestion = try XCTUnwrap(d.suggestion)
        let measured = try opError(.spatialSoftArgmax2d, .v0_7, temperature: suggestion.temperature)
        XCTAssertLessThan(measured, 0.05, "the suggested temperature puts the op near the true peak")
        XCTAssertEqual(suggestion.error, measured, accuracy: 1e-3, "the predicted error is the op's")
        XCTAssertEqual(try diagnose(blob, version: .v0_7, temperature: suggestion.temperature).first?.verdicts, [])
        XCTAssertGreaterThan(try opError(.spatialSoftArgmax2d, .v0_7, temperature: 10.2), 1)
        let old = try XCTUnwrap(try diagnose(blob, version: .v0_7, temperature: 10.2).first)
        guard case .flat(let error, _, let again?)? = old.verdicts.first else { return XCTFail("\(old.verdicts)") }
        XCTAssertEqual(error, try opError(.spatialSoftArgmax2d, .v0_7, temperature: 10.2), accuracy: 1e-3)
        XCTAssertEqual(again, suggestion)
    }

    /// kornia 0.9's convention (T divides): the suggestion is the reciprocal's, and
    /// checked by the op: 0.9's `x / T` is 0.7.4's `x · (1/T)` (0.9 has no eps, and
    /// 0.7.4's 1e-8 moves nothing here).
    func testTheSuggestedTemperatureIsCheckedByTheOpInKornia09() throws {
        let d = try XCTUnwrap(try diagnose(try Self.blob(), version: .v0_9).first)
        let suggestion = try XCTUnwrap(d.suggestion)
        let old = try XCTUnwrap(try diagnose(try Self.blob(), version: .v0_7).first?.suggestion)
        XCTAssertEqual(suggestion.temperature, 1 / old.temperature, accuracy: 0.02 / old.temperature)
        let measured = try opError(.spatialSoftArgmax2d, .v0_7, temperature: 1 / suggestion.temperature)
        XCTAssertLessThan(measured, 0.05)
        XCTAssertEqual(suggestion.error, measured, accuracy: 1e-3)
        XCTAssertTrue("\(d.verdicts[0])".contains(String(format: "temperature=%g puts it", suggestion.temperature)), "\(d.verdicts)")
    }

    /// The error against the truth of the point `conv_soft_argmax2d` lists on the blob
    /// at `temperature`: the window its NMS of pooled values keeps (suppression 5×5).
    private func listedError(_ version: KorniaVersion, temperature: Double) throws -> Double {
        let listed = try convSoftArgmax2dKeypoints(try Self.blob(), kernelSize: [3, 3], stride: [1, 1], padding: [1, 1], temperature: temperature,
                                                   suppression: [5, 5], topK: 1, minValue: nil, version: version)
        let point = try XCTUnwrap(listed.keypoints.points.first)
        return hypot(point.x - Self.truth.x, point.y - Self.truth.y)
    }

    /// `conv_soft_argmax2d` is judged by the point it lists: the window its NMS keeps
    /// among the 3×3 windows that hold the hard argmax, no more than √2 px from it. At
    /// T = 0.3 that is the centred window, the output cell (row 51, column 12); at T = 0.1
    /// an off-centre window pools a larger value and its point is the one judged.
    func testTheWindowedSoftArgmaxIsJudgedByTheWindowItsNMSKeeps() throws {
        for version in KorniaVersion.allCases {
            let d = try XCTUnwrap(try diagnose(try Self.blob(), method: .convSoftArgmax2d, version: version, temperature: 0.3).first)
            XCTAssertLessThanOrEqual(d.distance, 2.0.squareRoot())
            XCTAssertEqual(d.softError, try opError(.convSoftArgmax2d, version, temperature: 0.3), accuracy: 1e-4)
            XCTAssertEqual(d.softError, try listedError(version, temperature: 0.3), accuracy: 1e-4)
            XCTAssertLessThan(d.softError, d.argmaxError, "at T = 0.3 the window beats the hard argmax")
            XCTAssertEqual(d.verdicts, [])
            let sharp = try XCTUnwrap(try diagnose(try Self.blob(), method: .convSoftArgmax2d, version: version, temperature: 0.1).first)
            XCTAssertEqual(sharp.softError, try listedError(version, temperature: 0.1), accuracy: 1e-4)
            XCTAssertNotEqual(sharp.softError, try opError(.convSoftArgmax2d, version, temperature: 0.1), accuracy: 1e-3, "not the centred window")
        }
    }

    /// The blob's range is its maximum, at the pixel (12, 51) 0.5 px from the centre:
    /// exp(−0.5²/(2·2²)) = exp(−1/32) (its minimum, 38 px away, is 0 in float32). A
    /// windowed soft-argmax is pinned below range / T = ln 4 (derived at
    /// ``MapDiagnosis/pinningSpread``: a 3×3 window with weights within ρ reaches at most
    /// (ρ − 1)/(ρ + 2) px, half a pixel at ρ = 4), so the verdict flips at
    /// T = exp(−1/32) / ln 4 = 0.96923 / 1.38629 = 0.69915: pinned 1 % above it, not 1 %
    /// below. At T = 1 the suggested temperature, run through the op, beats the hard argmax.
    func testTheWindowedSoftArgmaxIsPinnedBelowLn4OfRangeOverTemperature() throws {
        let range = exp(-1.0 / 32)
        let edge = range / log(4.0)
        XCTAssertEqual(edge, 0.69915, accuracy: 1e-5)
        for version in KorniaVersion.allCases {
            let d = try XCTUnwrap(try diagnose(try Self.blob(), method: .convSoftArgmax2d, version: version).first)
            guard case .pinned(1, let spread, let suggestion?)? = d.verdicts.first, d.verdicts.count == 1 else { return XCTFail("\(d.verdicts)") }
            XCTAssertEqual(spread, range, accuracy: 1e-6)
            XCTAssertEqual(d.suggestion, suggestion)
            XCTAssertTrue("\(d.verdicts[0])".hasPrefix("pinned: temperature 1 on a map of range 0.969: windows weigh pixels almost evenly (within ×2.64), points stay near pixel centres; lower T: temperature="), "\(d.verdicts[0])")
            let measured = try listedError(version, temperature: suggestion.temperature)
            XCTAssertEqual(suggestion.error, measured, accuracy: 1e-3, "the predicted error is the listed point's")
            XCTAssertLessThan(measured, d.argmaxError - 0.01)
            let above = try XCTUnwrap(try diagnose(try Self.blob(), method: .convSoftArgmax2d, version: version, temperature: edge * 1.01).first)
            XCTAssertEqual(above.verdicts.first?.label, "T too high")
            let below = try XCTUnwrap(try diagnose(try Self.blob(), method: .convSoftArgmax2d, version: version, temperature: edge * 0.99).first)
            XCTAssertFalse(below.verdicts.contains { $0.label == "T too high" }, "\(below.verdicts)")
        }
    }

    /// A spike of 2 at (1, 1) on a 9×9 map of zeros, in kornia 0.7 at T = 1: every
    /// other cell weighs 1 against e², and their columns sum to 9·(0+…+8) − 1 = 323, so
    /// the soft-argmax is x = y = (e² + 323) / (e² + 80), √2·(x − 1) from the spike. The
    /// parabola through (0, 2, 0) has its vertex on the spike, so the hard argmax is
    /// exact and no temperature can beat it: flagged, and no temperature is suggested.
    func testNoTemperatureIsSuggestedWhenNoneBeatsTheHardArgmax() throws {
        var map = Tensor<Double>(shape: [1, 1, 9, 9], repeating: 0)
        map[0, 0, 1, 1] = 2
        let d = try XCTUnwrap(try diagnose(map, version: .v0_7).first)
        let x = (exp(2.0) + 323) / (exp(2.0) + 80)
        XCTAssertEqual(d.softArgmax.x, x, accuracy: 1e-12)
        XCTAssertEqual(d.argmaxError, 0)
        guard case .flat(let error, 0, nil)? = d.verdicts.first, d.verdicts.count == 1 else { return XCTFail("\(d.verdicts)") }
        XCTAssertEqual(error, 2.0.squareRoot() * (x - 1), accuracy: 1e-12)
        XCTAssertNil(d.suggestion)
    }

    func testTwoModesAndProbabilityMaps() throws {
        let two: Tensor<Double> = try gaussians(size: (16, 40), peaks: [GaussianPeak(x: 8, y: 8, sigma: 1.5), GaussianPeak(x: 30, y: 8, sigma: 1.5)])
        let d = try XCTUnwrap(try diagnose(two, temperature: 0.02).first)   // kornia 0.9: T divides
        XCTAssertEqual(d.modes, 2)
        XCTAssertEqual(d.verdicts, [.multiModal(modes: 2)])
        XCTAssertEqual(d.softArgmax.x, 19, accuracy: 1e-6, "by symmetry the expectation sits midway, in empty space")
        let probabilities = try spatialSoftmax2d(two, temperature: 0.05)
        let p = try XCTUnwrap(try diagnose(probabilities).first)
        XCTAssertTrue(p.looksLikeProbability)
        XCTAssertEqual(p.verdicts, [.probabilityMap])
        XCTAssertEqual("\(p.verdicts[0])", "already a probability map: apply spatial_expectation2d instead of spatial_soft_argmax2d")
    }

    func testErrors() {
        XCTAssertThrowsError(try diagnose(Tensor<Float>(shape: [4, 4], repeating: 0))) {
            XCTAssertEqual("\($0)", "diagnose: expected input of shape (B, C, H, W), got (4, 4); add the leading axes with x[None, None]")
        }
        XCTAssertThrowsError(try diagnose(Tensor<Float>(shape: [1, 1, 4, 4], repeating: 0), temperature: 0)) {
            XCTAssertEqual("\($0)", "diagnose: expected temperature > 0, got 0.0")
        }
    }

    /// A windowed method's diagnosis leaves out the whole-map softmax's measures (what a
    /// whole-map soft-argmax averages, and what cost the viewer 50× its frame): two
    /// separated blobs give no mode count, mass or entropy, and no "2 modes" verdict,
    /// while the whole-map soft-argmax still counts them.
    func testAWindowedDiagnosisLeavesOutTheWholeMapMeasures() throws {
        var elements = [Float](repeating: 0, count: 20 * 20)
        elements[5 * 20 + 5] = 1
        elements[14 * 20 + 14] = 1
        let map = try Tensor(shape: [1, 1, 20, 20], elements: elements)
        let windowed = try XCTUnwrap(diagnose(map, method: .convSoftArgmax2d, temperature: 0.1).first)
        XCTAssertNil(windowed.modes)
        XCTAssertTrue(windowed.entropy.isNaN && windowed.massNearArgmax.isNaN)
        XCTAssertFalse(windowed.verdicts.contains { if case .multiModal = $0 { true } else { false } })
        let whole = try XCTUnwrap(diagnose(map, method: .spatialSoftArgmax2d, temperature: 0.1).first)
        XCTAssertEqual(whole.modes, 2)
        XCTAssertFalse(whole.entropy.isNaN)
    }
}
