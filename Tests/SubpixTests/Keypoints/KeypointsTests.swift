import XCTest
@testable import Subpix

final class KeypointsTests: XCTestCase {
    /// 2D outputs of one batch, two channels, 2×2 maps. Coordinates are x = 10·column + channel,
    /// y = 10·row + channel, so every keypoint says where it came from.
    private func outputs2D(_ values: [Float]) throws -> (coords: Tensor<Float>, values: Tensor<Float>) {
        var coords: [Float] = []
        for channel in 0..<2 {
            for axis in 0..<2 {
                for row in 0..<2 {
                    for column in 0..<2 {
                        coords.append(Float(10 * (axis == 0 ? column : row) + channel))
                    }
                }
            }
        }
        return (try Tensor(shape: [1, 2, 2, 2, 2], elements: coords), try Tensor(shape: [1, 2, 2, 2], elements: values))
    }

    private func summary(_ points: KeypointList) -> [String] {
        points.map { "c\($0.channel) (\($0.x), \($0.y)) \($0.value)" }
    }

    func testSortsByValueThenPosition() throws {
        let (coords, values) = try outputs2D([1, 4, 2, 4,
                                              4, 0, 3, .nan])
        XCTAssertEqual(summary(try keypoints(coords: coords, values: values)), [
            "c0 (10.0, 0.0) 4.0", "c0 (10.0, 10.0) 4.0", "c1 (1.0, 1.0) 4.0",   // ties: channel, row, column
            "c1 (1.0, 11.0) 3.0", "c0 (0.0, 10.0) 2.0", "c0 (0.0, 0.0) 1.0", "c1 (11.0, 1.0) 0.0",
        ])   // the NaN value is no keypoint
        XCTAssertEqual(try keypoints(coords: coords, values: values).droppedNonFinite, 1)
    }

    /// The one rule: a position whose value or any coordinate is NaN or ±infinity is no
    /// keypoint, never takes a top-k place from a finite one, and is counted.
    func testNonFiniteValuesAndCoordinatesAreDroppedAndCounted() throws {
        var (coords, values) = try outputs2D([9, .infinity, 2, 4,
                                              .nan, 1, 3, 5])
        var elements = coords.elements
        elements[0] = .nan   // channel 0, position (0, 0): x is NaN (its value 9 is the best of the map)
        coords = try Tensor(shape: coords.shape, elements: elements)
        let best = try keypoints(coords: coords, values: values, topK: 1)
        XCTAssertEqual(summary(best), ["c1 (11.0, 11.0) 5.0", "c0 (10.0, 10.0) 4.0"])
        XCTAssertEqual(best.droppedNonFinite, 3, "NaN x, an infinite value and a NaN value")
        XCTAssertEqual(best.droppedNote, "3 dropped: NaN/inf")
        let masked = try keypoints(coords: coords, values: values, mask: Mask(shape: [1, 2, 2, 2], elements: [false, false, true, true, false, true, false, false]))
        XCTAssertEqual(masked.droppedNonFinite, 0, "positions the mask leaves out are not counted")
        values = try Tensor(shape: [1, 2, 2, 2], elements: [1, 2, 3, 4, 5, 6, 7, 8])
        XCTAssertEqual(try keypoints(coords: coords, values: values).droppedNonFinite, 1, "finite values: only the NaN x")
        let spatial = try Tensor<Float>(shape: [1, 3, 2], elements: [1, 2, .nan, 4, 5, .infinity])
        let points = try keypoints(spatialSoftArgmax: spatial)
        XCTAssertEqual(points.map(\.channel), [0])
        XCTAssertEqual(points.droppedNonFinite, 2)
    }

    func testTopKIsPerMapAndMinValueFiltersFirst() throws {
        let (coords, values) = try outputs2D([1, 4, 2, 4,
                                              4, 0, 3, 5])
        XCTAssertEqual(summary(try keypoints(coords: coords, values: values, topK: 1)),
                       ["c1 (11.0, 11.0) 5.0", "c0 (10.0, 0.0) 4.0"])
        XCTAssertEqual(summary(try keypoints(coords: coords, values: values, topK: 2, minValue: 4.5)),
                       ["c1 (11.0, 11.0) 5.0"])
        XCTAssertEqual(try keypoints(coords: coords, values: values, topK: 0), [])
    }

    func testMaskKeepsOnlyItsPositions() throws {
        let (coords, values) = try outputs2D([1, 4, 2, 4,
                                              4, 0, 3, 5])
        let mask = try Mask(shape: [1, 2, 2, 2], elements: [true, false, false, false,
                                                            false, true, false, false])
        XCTAssertEqual(summary(try keypoints(coords: coords, values: values, mask: mask)),
                       ["c0 (0.0, 0.0) 1.0", "c1 (11.0, 1.0) 0.0"])
    }

    func testVolumeOutputsCarryDepthInKorniaOrder() throws {
        // coords (1, 1, 3, D=2, H=1, W=2) in the order (d, x, y); values (1, 1, 2, 1, 2).
        let coords = try Tensor<Double>(shape: [1, 1, 3, 2, 1, 2], elements: [
            0.5, 0.25, 1.5, 1.25,   // d
            3, 4, 5, 6,             // x
            7, 8, 9, 10,            // y
        ])
        let values = try Tensor<Double>(shape: [1, 1, 2, 1, 2], elements: [1, 3, 2, 0])
        XCTAssertEqual(try keypoints(coords: coords, values: values, topK: 2), [
            Keypoint(batch: 0, channel: 0, x: 4, y: 8, depth: 0.25, value: 3),
            Keypoint(batch: 0, channel: 0, x: 5, y: 9, depth: 1.5, value: 2),
        ])
    }

    func testQuadInterpOutputsWithTheirNMSMask() throws {
        let volume = try QuadVolumes.paraboloid(Float.self, peak: (2.3, 4.2, 3.6))
        let (coords, values) = try convQuadInterp3d(volume)
        let points = try keypoints(coords: coords, values: values, mask: try nms3dMask(volume, kernelSize: [3, 3, 3]))
        XCTAssertEqual(points.count, 1)
        XCTAssertEqual(points[0].x, 4.2, accuracy: 1e-5)
        XCTAssertEqual(points[0].y, 3.6, accuracy: 1e-5)
        XCTAssertEqual(try XCTUnwrap(points[0].depth), 2.3, accuracy: 1e-5)
        XCTAssertEqual(points[0].value, 10, accuracy: 1e-5)
    }

    func testSpatialSoftArgmaxGivesOneKeypointPerChannel() throws {
        let coords = try Tensor<Float>(shape: [2, 2, 2], elements: [0.5, -0.5, 1, 0, -1, 0.25, 0, 0])
        XCTAssertEqual(try keypoints(spatialSoftArgmax: coords).map { [$0.batch, $0.channel] }, [[0, 0], [0, 1], [1, 0], [1, 1]])
        XCTAssertEqual(try keypoints(spatialSoftArgmax: coords)[2], Keypoint(batch: 1, channel: 0, x: -1, y: 0.25, value: 1))
        let values = try Tensor<Float>(shape: [2, 2], elements: [9, 8, 7, 6])
        XCTAssertEqual(try keypoints(spatialSoftArgmax: coords, values: values).map(\.value), [9, 8, 7, 6])
    }

    /// keypoints(...) on noise with an NMS mask, top_k and min_value, against
    /// the rule written out here: filter per position, sort by value descending
    /// then (map, position), keep each map's first top_k.
    func testKeypointsEqualTheRuleWrittenOut() throws {
        var random = SeededGenerator(seed: 12)
        let shape = [2, 3, 9, 11]
        let input = try Tensor<Float>(shape: shape, elements: (0..<594).map { _ in Float(random.next() % 1000) / 100 - 5 })
        let (coords, pooled) = try convSoftArgmax2d(input, outputValue: true)
        let values = try XCTUnwrap(pooled)
        // An NMS mask (about one position in five), and a sparse one: runs of false longer than eight.
        let nms = try nms2dMask(values, kernelSize: [3, 3])
        let sparse = try Mask(shape: shape, elements: values.elements.indices.map { $0 % 37 == 5 || $0 % 53 == 0 })
        for (mask, (topK, minValue)) in [nms, sparse].flatMap({ mask in
            ([(nil, nil), (2, nil), (nil, 0.5), (3, -1.0), (0, nil)] as [(Int?, Double?)]).map { (mask, $0) }
        }) {
            let got = try keypoints(coords: coords, values: values, mask: mask, topK: topK, minValue: minValue)
            let mapSize = 99
            var expected: [(map: Int, local: Int, value: Double)] = []
            for position in 0..<values.count where mask.elements[position] && Double(values.elements[position]) >= minValue ?? -.infinity {
                expected.append((position / mapSize, position % mapSize, Double(values.elements[position])))
            }
            expected.sort { $0.value > $1.value || ($0.value == $1.value && ($0.map, $0.local) < ($1.map, $1.local)) }
            var perMap = [Int: Int]()
            expected = expected.filter { point in
                perMap[point.map, default: 0] += 1
                return perMap[point.map, default: 0] <= topK ?? .max
            }
            let want = expected.map { point in
                Keypoint(batch: point.map / 3, channel: point.map % 3,
                         x: Double(coords.elements[point.map * 2 * mapSize + point.local]),
                         y: Double(coords.elements[(point.map * 2 + 1) * mapSize + point.local]), value: point.value)
            }
            XCTAssertEqual(Array(got), want, "top_k \(String(describing: topK)) min_value \(String(describing: minValue))")
        }
    }

    func testShapeErrorsNameWhatWasGiven() throws {
        let (coords, values) = try outputs2D([1, 2, 3, 4, 5, 6, 7, 8])
        let wrongValues = try Tensor<Float>(shape: [1, 2, 2, 3], elements: Array(repeating: 0, count: 12))
        let pairing = "keypoints: expected coords (B, C, 2, H, W) with values (B, C, H, W), or coords (B, C, 3, D, H, W) with values (B, C, D, H, W), got coords"
        let cases: [(String, () throws -> Any)] = [
            ("\(pairing) (1, 2, 2, 2, 2) and values (1, 2, 2, 3)", { try keypoints(coords: coords, values: wrongValues) }),
            ("\(pairing) (1, 2, 2, 2) and values (1, 2, 2, 2)", { try keypoints(coords: values, values: values) }),
            ("keypoints: expected a mask of the values' shape (1, 2, 2, 2), got (1, 2, 4)", {
                try keypoints(coords: coords, values: values, mask: Mask(shape: [1, 2, 4], repeating: true))
            }),
            ("keypoints: expected top_k >= 0, got -1", { try keypoints(coords: coords, values: values, topK: -1) }),
            ("keypoints: expected a number for min_value, got nan", { try keypoints(coords: coords, values: values, minValue: .nan) }),
            ("keypoints: expected spatial_soft_argmax2d coordinates of shape (B, N, 2), got (1, 2, 2, 2)", {
                try keypoints(spatialSoftArgmax: values)
            }),
            ("keypoints: expected values of shape (1, 2) for coordinates (1, 2, 2), got (2,)", {
                try keypoints(spatialSoftArgmax: Tensor<Float>(shape: [1, 2, 2], elements: [0, 0, 0, 0]),
                              values: Tensor<Float>(shape: [2], elements: [1, 2]))
            }),
        ]
        for (message, call) in cases {
            XCTAssertThrowsError(try call(), message) { XCTAssertEqual("\($0)", message) }
        }
    }
}
