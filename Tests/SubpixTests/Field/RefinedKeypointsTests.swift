import XCTest
@testable import Subpix

/// `KeypointList.refined(on:op:by:)`, the one adapter between keypoint lists and
/// the field refiners' `(B, K, N, 2)` coordinates.
final class RefinedKeypointsTests: XCTestCase {
    private let maps = Tensor<Double>(shape: [2, 2, 5, 6], repeating: 0)

    /// Points of three maps, listed out of map order, go to their own map's row of
    /// the coordinates (NaN in the unused slots), come back in list order with their
    /// values, and a point refined to NaN is dropped and counted.
    func testPointsGoToTheirOwnMapAndComeBackInOrder() throws {
        let list = KeypointList([
            Keypoint(batch: 1, channel: 0, x: 1, y: 2, value: 0.9),
            Keypoint(batch: 0, channel: 1, x: 3, y: 1, value: 0.8),
            Keypoint(batch: 1, channel: 0, x: 4, y: 4, value: 0.7),
            Keypoint(batch: 0, channel: 0, x: 2, y: 3, value: 0.6),
        ], droppedNonFinite: 1)
        var seen: Tensor<Double>?
        let refined = try list.refined(on: maps, op: "refine_test") { _, coords in
            seen = coords
            // Moves every point by (+0.25, −0.5), except (2, 3), which the refiner fails.
            return coords.replacingPoints { x, y in x == 2 && y == 3 ? (.nan, .nan) : (x + 0.25, y - 0.5) }
        }
        let coords = try XCTUnwrap(seen)
        XCTAssertEqual(coords.shape, [2, 2, 2, 2], "(B, K, N, 2) with N the most points of one map (2, on map (1, 0))")
        // Map (b, k) holds its points in list order from slot 0; the rest is NaN.
        func slot(_ b: Int, _ k: Int, _ n: Int) -> [Double] { Array(coords.elements[(((b * 2 + k) * 2 + n) * 2)...].prefix(2)) }
        XCTAssertEqual(slot(0, 0, 0), [2, 3])
        XCTAssertEqual(slot(0, 1, 0), [3, 1])
        XCTAssertEqual(slot(1, 0, 0), [1, 2])
        XCTAssertEqual(slot(1, 0, 1), [4, 4])
        XCTAssertTrue(slot(0, 0, 1).allSatisfy(\.isNaN) && slot(1, 1, 0).allSatisfy(\.isNaN))
        XCTAssertEqual(refined.points.map { [$0.x, $0.y, $0.value] }, [[1.25, 1.5, 0.9], [3.25, 0.5, 0.8], [4.25, 3.5, 0.7]])
        XCTAssertEqual(refined.points.map { [$0.batch, $0.channel] }, [[1, 0], [0, 1], [1, 0]])
        XCTAssertEqual(refined.droppedNonFinite, 2, "the list's own dropped point and the one refined to NaN")
    }

    /// Bad input is a one-line error naming the op, what was expected and what was given.
    func testKeypointsTheMapsCannotHoldAreRefused() {
        let identity: (Tensor<Double>, Tensor<Double>) throws -> Tensor<Double> = { $1 }
        let cases: [(KeypointList, Tensor<Double>, (Tensor<Double>, Tensor<Double>) throws -> Tensor<Double>, String)] = [
            ([Keypoint(batch: 2, channel: 0, x: 1, y: 1, value: 1)], maps, identity,
             "refine_test: expected 2D keypoints of the input's 2 × 2 maps, got a keypoint of batch 2, channel 0"),
            ([Keypoint(batch: 0, channel: 0, x: 1, y: 1, depth: 1, value: 1)], maps, identity,
             "refine_test: expected 2D keypoints of the input's 2 × 2 maps, got a 3D keypoint"),
            ([Keypoint(batch: 0, channel: 0, x: 1, y: 1, value: 1)], Tensor<Double>(shape: [5, 6], repeating: 0), identity,
             "refine_test: expected input of shape (B, K, H, W), got (5, 6); add the leading axes with x[None, None]"),
            ([Keypoint(batch: 0, channel: 0, x: 1, y: 1, value: 1)], maps, { _, _ in Tensor<Double>(shape: [1, 2], repeating: 0) },
             "refine_test: expected refined coords of shape (2, 2, 1, 2), got (1, 2)"),
        ]
        for (list, maps, refine, message) in cases {
            XCTAssertThrowsError(try list.refined(on: maps, op: "refine_test", by: refine)) { XCTAssertEqual("\($0)", message) }
        }
    }
}

private extension Tensor where Element == Double {
    /// The `(..., 2)` tensor with each `(x, y)` replaced by `transform(x, y)`.
    func replacingPoints(_ transform: (Double, Double) -> (Double, Double)) -> Tensor<Double> {
        var elements = self.elements
        for index in stride(from: 0, to: elements.count, by: 2) where !elements[index].isNaN {
            (elements[index], elements[index + 1]) = transform(elements[index], elements[index + 1])
        }
        return (try? Tensor(shape: shape, elements: elements)) ?? self
    }
}
