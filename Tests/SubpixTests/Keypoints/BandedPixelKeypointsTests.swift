import XCTest
@testable import Subpix

/// The band-by-band strict-maxima search of the viewer's nms2d and field decoders
/// (issue 11, item 18) gives the dense path's list bit for bit: nms2dMask of the
/// whole map, then keypoints(pixelsOf:mask:...).
final class BandedPixelKeypointsTests: XCTestCase {
    private struct Case {
        var size: (h: Int, w: Int)
        var kernel: [Int]
        var topK: Int?
        var minValue: Double?
    }

    private func dense(_ x: Tensor<Float>, _ c: Case) throws -> KeypointList {
        try keypoints(pixelsOf: x, mask: nms2dMask(x, kernelSize: c.kernel), topK: c.topK, minValue: c.minValue)
    }

    /// The map with +infinity at one pixel (a strict maximum that is dropped and counted).
    private func withInfinity(_ x: Tensor<Float>) throws -> Tensor<Float> {
        var elements = x.elements
        elements[elements.count / 3 + 2] = .infinity
        return try Tensor(shape: x.shape, elements: elements)
    }

    func testEveryBandSizeGivesTheDenseList() throws {
        let cases = [
            Case(size: (37, 29), kernel: [3, 3], topK: 50, minValue: nil),
            Case(size: (41, 23), kernel: [5, 5], topK: 7, minValue: nil),
            Case(size: (50, 31), kernel: [5, 3], topK: nil, minValue: 0.2),
            Case(size: (95, 81), kernel: [9, 7], topK: 3, minValue: 0.1),
            Case(size: (33, 40), kernel: [4, 4], topK: 1, minValue: nil),
            Case(size: (64, 17), kernel: [2, 6], topK: 0, minValue: nil),
            Case(size: (29, 26), kernel: [1, 1], topK: 20, minValue: -0.1),
            Case(size: (7, 5), kernel: [11, 3], topK: nil, minValue: nil),
        ]
        var compared = 0
        for (index, c) in cases.enumerated() {
            for (seed, levels, special) in [(UInt64(index), Int?.none, 0), (UInt64(index + 100), 4, 0), (UInt64(index + 200), nil, 1), (UInt64(index + 300), nil, 2)] {
                var x = seededMap(c.size.h, c.size.w, seed: seed, levels: levels, nan: special == 1)
                if special == 2 { x = try withInfinity(x) }
                let expected = try dense(x, c)
                for rows in [1, 2, 3, 5, 8, 1_000] {
                    // One thread (one run of bands), or one run per core.
                    Parallelism.maxThreads = rows % 2
                    defer { Parallelism.maxThreads = 0 }
                    let banded = try nms2dKeypoints(pixelsOf: x, kernelSize: c.kernel, topK: c.topK, minValue: c.minValue,
                                                    bandElements: rows * c.size.w)
                    XCTAssertEqual(banded, expected, "\(banded.count) vs \(expected.count) case \(index) seed \(seed) levels \(String(describing: levels)) special \(special), \(rows) rows a band")
                    XCTAssertEqual(banded.droppedNonFinite, expected.droppedNonFinite)
                    compared += 1
                }
                if c.topK != 0, c.kernel[0] < c.size.h, levels == nil { XCTAssertFalse(expected.isEmpty, "case \(index) finds keypoints") }
                if special == 2, c.topK != 0, c.kernel == [3, 3] { XCTAssertEqual(expected.droppedNonFinite, 1, "the infinity is a maximum, dropped") }
            }
        }
        XCTAssertEqual(compared, cases.count * 4 * 6)
    }

    /// Equal maxima in different bands keep position order across the band edges,
    /// and a plateau (two equal neighbours) is no strict maximum.
    func testTiedPeaksInDifferentBandsKeepPositionOrder() throws {
        var elements = [Float](repeating: 0, count: 40 * 12)
        for (row, column) in [(30, 5), (6, 7), (18, 3)] { elements[row * 12 + column] = 1 }
        elements[24 * 12 + 4] = 2   // a plateau of two, larger than the peaks
        elements[24 * 12 + 5] = 2
        let x = try Tensor(shape: [1, 1, 40, 12], elements: elements)
        let c = Case(size: (40, 12), kernel: [3, 3], topK: 2, minValue: nil)
        let expected = try dense(x, c)
        XCTAssertEqual(expected.map { [$0.x, $0.y, $0.value] }, [[7, 6, 1], [3, 18, 1]], "equal values: first in position order; no plateau")
        for rows in [1, 4, 7, 19] {
            let banded = try nms2dKeypoints(pixelsOf: x, kernelSize: [3, 3], topK: 2, minValue: nil, bandElements: rows * 12)
            XCTAssertEqual(banded, expected, "\(rows) rows a band")
        }
    }

    func testBadArgumentsAreRefusedAsTheDensePathRefusesThem() throws {
        let x = Tensor<Float>(shape: [1, 1, 8, 8], repeating: 0)
        for (kernel, topK) in [([0, 3], 5), ([3], 5), ([3, 3], -1)] {
            var denseError = "", bandedError = ""
            XCTAssertThrowsError(try keypoints(pixelsOf: x, mask: nms2dMask(x, kernelSize: kernel), topK: topK)) { denseError = "\($0)" }
            XCTAssertThrowsError(try nms2dKeypoints(pixelsOf: x, kernelSize: kernel, topK: topK, minValue: nil)) { bandedError = "\($0)" }
            XCTAssertEqual(bandedError, denseError)
        }
        let two = Tensor<Float>(shape: [2, 1, 8, 8], repeating: 0)
        XCTAssertThrowsError(try nms2dKeypoints(pixelsOf: two, kernelSize: [3, 3], topK: 5, minValue: nil)) {
            XCTAssertEqual("\($0)", "nms2d: expected one map of shape (1, 1, H, W) for banded keypoints, got (2, 1, 8, 8)")
        }
    }
}
