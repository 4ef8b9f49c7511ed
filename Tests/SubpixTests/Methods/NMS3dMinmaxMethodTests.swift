import XCTest
import Subpix

/// `nms3d_minmax` (kornia 0.9), a method added as one file: hand-made volumes whose
/// extrema are known, beside the kornia golden cases (`Fixtures/kornia-0.9`).
final class NMS3dMinmaxMethodTests: XCTestCase {
    /// A 3 × 4 × 4 volume of zeros with the given voxels set, `(d, y, x)`.
    private func volume(_ values: [(d: Int, y: Int, x: Int, value: Double)]) throws -> AnyTensor {
        var elements = [Double](repeating: 0, count: 3 * 4 * 4)
        for voxel in values { elements[(voxel.d * 4 + voxel.y) * 4 + voxel.x] = voxel.value }
        return AnyTensor(try Tensor<Double>(shape: [1, 1, 3, 4, 4], elements: elements))
    }

    /// The flat positions where each output mask is set.
    private func extrema(_ input: AnyTensor) throws -> (maxima: [Int], minima: [Int]) {
        let outputs = try Method.nms3dMinmax.run(Method.Arguments(["input": .tensor(input)]))
        guard outputs.count == 2, case .mask(let maxima) = outputs[0], case .mask(let minima) = outputs[1] else {
            throw SubpixError("test", "expected two masks, got \(outputs)")
        }
        XCTAssertEqual(maxima.shape, [1, 1, 3, 4, 4])
        let set = { (mask: Mask) in mask.elements.indices.filter { mask.elements[$0] } }
        return (set(maxima), set(minima))
    }

    func testAPeakAndAPitInsideAreTheOnlyExtrema() throws {
        // (1, 1, 1) = 5 beats its 26 neighbours (zeros and the -3); (1, 2, 2) = -3 is below all of its own.
        let found = try extrema(try volume([(1, 1, 1, 5), (1, 2, 2, -3)]))
        XCTAssertEqual(found.maxima, [(1 * 4 + 1) * 4 + 1])
        XCTAssertEqual(found.minima, [(1 * 4 + 2) * 4 + 2])
    }

    func testTiesAndBordersAreNeverExtrema() throws {
        // Two equal neighbours: neither is strictly larger than all 26 others.
        XCTAssertEqual(try extrema(try volume([(1, 1, 1, 5), (1, 1, 2, 5)])).maxima, [])
        // A peak on the border (depth 0) has no full window.
        XCTAssertEqual(try extrema(try volume([(0, 1, 1, 5)])).maxima, [])
        // A flat volume has neither.
        let flat = try extrema(try volume([]))
        XCTAssertEqual(flat.maxima + flat.minima, [])
    }

    func testItRefusesAnythingButAVolume() throws {
        let map = AnyTensor(try Tensor<Float>(shape: [1, 1, 4, 4], elements: Array(repeating: 0, count: 16)))
        XCTAssertThrowsError(try Method.nms3dMinmax.run(Method.Arguments(["input": .tensor(map)]))) {
            XCTAssertEqual("\($0)", "nms3d_minmax: expected input of shape (B, C, D, H, W), got (1, 1, 4, 4)")
        }
    }
}
