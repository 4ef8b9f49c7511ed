import Foundation
import XCTest
@testable import Subpix

final class DiagnosisTests: XCTestCase {
    /// A constant 5×7 map: the softmax is uniform, so entropy is exactly 1, the
    /// soft-argmax is the centre ((7−1)/2, (5−1)/2) = (3, 2), the hard argmax is the
    /// first cell (0, 0), and the mass within 2 px of it is the share of cells within
    /// 2 px of (0, 0): (0,0) (1,0) (2,0) (0,1) (1,1) (0,2) = 6 of 35.
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
        guard case .flat(let pull, nil, .spatialSoftArgmax2d)? = d.verdicts.first, d.verdicts.count == 1 else { return XCTFail("\(d.verdicts)") }
        XCTAssertEqual(pull, hypot(3, 2), accuracy: 1e-12)
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

    /// A flat map fixed by temperature: the suggested T puts (just) 90 % of the mass
    /// within 2 px, and the two conventions suggest reciprocal temperatures.
    func testFlatVerdictSuggestsATemperatureThatWorksInEachConvention() throws {
        let blob: Tensor<Double> = try gaussians(size: (32, 32), peaks: [GaussianPeak(x: 12, y: 20, sigma: 3)])
        let spatial = try XCTUnwrap(try diagnose(blob, method: .spatialSoftArgmax2d).first)
        let t = try XCTUnwrap(spatial.suggestedTemperature)
        XCTAssertEqual(try diagnose(blob, temperature: t).first?.massNearArgmax ?? 0, 0.9, accuracy: 1e-6)
        XCTAssertEqual(try diagnose(blob, temperature: t).first?.verdicts, [])
        let conv = try XCTUnwrap(try diagnose(blob, method: .convSoftArgmax2d).first)
        XCTAssertEqual(try XCTUnwrap(conv.suggestedTemperature), 1 / t, accuracy: 1e-6 / t)
        XCTAssertTrue("\(spatial.verdicts[0])".contains("try temperature >="))
        XCTAssertTrue("\(conv.verdicts[0])".contains("try temperature <="))
    }

    func testTwoModesAndProbabilityMaps() throws {
        let two: Tensor<Double> = try gaussians(size: (16, 40), peaks: [GaussianPeak(x: 8, y: 8, sigma: 1.5), GaussianPeak(x: 30, y: 8, sigma: 1.5)])
        let d = try XCTUnwrap(try diagnose(two, temperature: 50).first)
        XCTAssertEqual(d.modes, 2)
        XCTAssertEqual(d.verdicts, [.multiModal(modes: 2)])
        XCTAssertEqual(d.softArgmax.x, 19, accuracy: 1e-6, "by symmetry the expectation sits midway, in empty space")
        let probabilities = try spatialSoftmax2d(two, temperature: 20)
        let p = try XCTUnwrap(try diagnose(probabilities).first)
        XCTAssertTrue(p.looksLikeProbability)
        XCTAssertEqual(p.verdicts, [.probabilityMap])
        XCTAssertEqual("\(p.verdicts[0])", "already a probability map: apply spatial_expectation2d instead of spatial_soft_argmax2d")
    }

    func testErrors() {
        XCTAssertThrowsError(try diagnose(Tensor<Float>(shape: [4, 4], repeating: 0))) {
            XCTAssertEqual("\($0)", "diagnose: expected input of shape (B, C, H, W), got (4, 4)")
        }
        XCTAssertThrowsError(try diagnose(Tensor<Float>(shape: [1, 1, 4, 4], repeating: 0), temperature: 0)) {
            XCTAssertEqual("\($0)", "diagnose: expected temperature > 0, got 0.0")
        }
    }
}
