import XCTest
@testable import Subpix

/// The band-by-band keypoint search of the viewer (issue 11, item 18) gives the
/// dense path's list bit for bit: conv_soft_argmax2d over the whole map, then
/// nms2dMask of all its values, then keypoints(...).
final class BandedConvKeypointsTests: XCTestCase {
    private struct Case {
        var size: (h: Int, w: Int)
        var kernel: [Int], stride: [Int], padding: [Int]
        var temperature: Double
        var topK: Int?
        var minValue: Double?
    }

    private func dense(_ x: Tensor<Float>, _ c: Case, _ version: KorniaVersion = .v0_7) throws -> KeypointList {
        let (coords, values) = try convSoftArgmax2d(x, kernelSize: c.kernel, stride: c.stride, padding: c.padding,
                                                    temperature: c.temperature, normalizedCoordinates: false, outputValue: true,
                                                    version: version)
        let pooled = try XCTUnwrap(values)
        return try keypoints(coords: coords, values: pooled, mask: nms2dMask(pooled, kernelSize: c.kernel.map { 2 * $0 - 1 }),
                             topK: c.topK, minValue: c.minValue)
    }

    func testEveryBandSizeGivesTheDenseList() throws {
        let cases = [
            Case(size: (37, 29), kernel: [3, 3], stride: [1, 1], padding: [1, 1], temperature: 1, topK: 50, minValue: nil),
            Case(size: (41, 23), kernel: [5, 5], stride: [1, 1], padding: [2, 2], temperature: 0.3, topK: 7, minValue: nil),
            Case(size: (50, 31), kernel: [5, 3], stride: [2, 1], padding: [2, 0], temperature: 2, topK: nil, minValue: 0.2),
            Case(size: (95, 81), kernel: [7, 7], stride: [3, 2], padding: [3, 1], temperature: 0.5, topK: 3, minValue: 0.1),
            Case(size: (33, 40), kernel: [4, 4], stride: [1, 2], padding: [2, 1], temperature: 1, topK: 1, minValue: nil),
            Case(size: (64, 17), kernel: [6, 3], stride: [4, 1], padding: [0, 1], temperature: 0.1, topK: 0, minValue: nil),
            Case(size: (29, 26), kernel: [1, 1], stride: [1, 1], padding: [0, 0], temperature: 1, topK: 20, minValue: -0.1),
            // kornia 0.9 computes most of these windows on their own (about 50 temperatures under the map's maximum).
            Case(size: (45, 33), kernel: [3, 3], stride: [1, 1], padding: [1, 1], temperature: 0.02, topK: 30, minValue: nil),
        ]
        var compared = 0
        for (index, c) in cases.enumerated() {
            for version in KorniaVersion.allCases {
                for (seed, levels, nan) in [(UInt64(index), Int?.none, false), (UInt64(index + 100), 4, false), (UInt64(index + 200), nil, true)] {
                    let x = seededMap(c.size.h, c.size.w, seed: seed, levels: levels, nan: nan)
                    let expected = try dense(x, c, version)
                    let columns = (c.size.w + 2 * c.padding[1] - c.kernel[1]) / c.stride[1] + 1
                    for rows in [1, 2, 3, 5, 8, 1_000] {
                        // One thread (one run of bands), or one run per core.
                        Parallelism.maxThreads = rows % 2
                        defer { Parallelism.maxThreads = 0 }
                        let banded = try convSoftArgmax2dKeypoints(
                            x, kernelSize: c.kernel, stride: c.stride, padding: c.padding, temperature: c.temperature,
                            suppression: c.kernel.map { 2 * $0 - 1 }, topK: c.topK, minValue: c.minValue, bandElements: rows * columns,
                            version: version)
                        XCTAssertEqual(banded.keypoints, expected, "\(banded.keypoints.prefix(2).map { ($0.x, $0.y, $0.value) }) vs \(expected.prefix(2).map { ($0.x, $0.y, $0.value) }) \(banded.keypoints.count) vs \(expected.count) \(version) case \(index) seed \(seed) levels \(String(describing: levels)) NaN \(nan), \(rows) rows a band")
                        XCTAssertEqual(banded.outputShape[3...].map { $0 }, [(c.size.h + 2 * c.padding[0] - c.kernel[0]) / c.stride[0] + 1, columns])
                        compared += 1
                    }
                    if c.topK != 0, levels == nil, !nan { XCTAssertFalse(expected.isEmpty, "case \(index) finds keypoints") }
                }
            }
        }
        XCTAssertEqual(compared, cases.count * 2 * 3 * 6)
    }

    /// The band edges never split a tie differently: a map of one value everywhere but
    /// two equal peaks in different bands keeps them in position order.
    func testTiedPeaksInDifferentBandsKeepPositionOrder() throws {
        var elements = [Float](repeating: 0, count: 40 * 12)
        // Equal peaks (a centre and its four neighbours at half), so the centred window wins each.
        for (row, column) in [(30, 5), (6, 7), (18, 3)] {
            elements[row * 12 + column] = 1
            for (dy, dx) in [(-1, 0), (1, 0), (0, -1), (0, 1)] { elements[(row + dy) * 12 + column + dx] = 0.5 }
        }
        let x = try Tensor(shape: [1, 1, 40, 12], elements: elements)
        let c = Case(size: (40, 12), kernel: [3, 3], stride: [1, 1], padding: [1, 1], temperature: 1, topK: 2, minValue: nil)
        let expected = try dense(x, c)
        XCTAssertEqual(expected.map(\.y).map { $0.rounded() }, [6, 18], "equal values: first in position order")
        for rows in [1, 4, 7] {
            let banded = try convSoftArgmax2dKeypoints(x, kernelSize: [3, 3], stride: [1, 1], padding: [1, 1], temperature: 1,
                                                       suppression: [5, 5], topK: 2, minValue: nil, bandElements: rows * 12)
            XCTAssertEqual(banded.keypoints, expected)
        }
    }

    func testAMapThatIsNotOneMapIsRefused() throws {
        let x = Tensor<Float>(shape: [2, 1, 8, 8], repeating: 0)
        XCTAssertThrowsError(try convSoftArgmax2dKeypoints(x, kernelSize: [3, 3], stride: [1, 1], padding: [1, 1], temperature: 1,
                                                           suppression: [5, 5], topK: 5, minValue: nil)) {
            XCTAssertEqual("\($0)", "conv_soft_argmax2d: expected one map of shape (1, 1, H, W) for banded keypoints, got (2, 1, 8, 8)")
        }
    }
}
