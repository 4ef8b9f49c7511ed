import XCTest
@testable import Subpix

/// `convSoftArgmax2dDenseKeypoints(..., mapFloors:)` leaves out the output rows whose
/// windows cannot reach a map's floor (the weighted mean of cells all below `f > 0`
/// is below `f`) and still gives, bit for bit, the dense list cut by each map's floor.
final class FlooredConvKeypointsTests: XCTestCase {
    /// `(2, 3, h, w)` maps: per map a few Gaussian blobs (σ 1.5, heights 0.3–1) over
    /// noise of ±`noise`, one map of mixed-sign noise with a NaN, one with a cell of
    /// −1e30 next to a blob.
    private func blobMaps(_ h: Int, _ w: Int, seed: UInt64, noise: Float) throws -> Tensor<Float> {
        var generator = SeededGenerator(seed: seed)
        func next() -> Float { Float(generator.nextUnitInterval()) }
        var elements = (0..<(6 * h * w)).map { _ in (next() * 2 - 1) * noise }
        for map in 0..<6 where map != 4 {
            for _ in 0..<(1 + map % 3) {
                let (cx, cy, height) = (next() * Float(w - 1), next() * Float(h - 1), 0.3 + 0.7 * next())
                for row in 0..<h {
                    for column in 0..<w {
                        let d2 = (Float(column) - cx) * (Float(column) - cx) + (Float(row) - cy) * (Float(row) - cy)
                        elements[(map * h + row) * w + column] += height * exp(-d2 / 4.5)
                    }
                }
            }
        }
        for cell in (4 * h * w)..<(5 * h * w) { elements[cell] = next() * 2 - 0.5 }
        elements[4 * h * w + (h / 2) * w + w / 3] = .nan
        elements[5 * h * w + (h / 3) * w + w / 2] = -1e30
        return try Tensor(shape: [2, 3, h, w], elements: elements)
    }

    func testEachMapsFloorGivesTheDenseListCutToIt() throws {
        let configurations: [(kernel: [Int], stride: [Int], padding: [Int], temperature: Double, topK: Int?)] = [
            ([3, 3], [1, 1], [1, 1], 1, nil),
            ([3, 3], [1, 1], [1, 1], 0.05, 2),
            ([5, 5], [1, 1], [2, 2], 0.5, 3),
            ([5, 3], [2, 1], [2, 0], 2, nil),
            ([4, 4], [1, 2], [2, 1], 1, 1),
            ([7, 7], [2, 1], [3, 1], 0.3, nil),
        ]
        // Per map: a floor between blobs, none, one left out, a negative one, zero, a high one.
        let floorSets: [[Double]] = [
            [0.5, -.infinity, .infinity, -0.2, 0, 0.9],
            [0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
            [0.35, 0.7, 0.2, 0.6, 0.25, 0.05],
        ]
        var compared = 0
        for (index, c) in configurations.enumerated() {
            for version in KorniaVersion.allCases {
                for (size, noise) in [((64, 48), Float(0.01)), ((37, 29), Float(0.2))] {
                    let maps = try blobMaps(size.0, size.1, seed: UInt64(index * 10 + size.0), noise: noise)
                    let (coords, values) = try convSoftArgmax2d(
                        maps, kernelSize: c.kernel, stride: c.stride, padding: c.padding, temperature: c.temperature,
                        normalizedCoordinates: false, outputValue: true, version: version)
                    let pooled = try XCTUnwrap(values)
                    let suppression = c.kernel.map { 2 * $0 - 1 }
                    let dense = try keypoints(coords: coords, values: pooled, mask: nms2dMask(pooled, kernelSize: suppression), topK: c.topK)
                    for floors in floorSets {
                        let expected = dense.points.filter { $0.value >= floors[$0.batch * 3 + $0.channel] }
                        let floored = try convSoftArgmax2dDenseKeypoints(
                            maps, kernelSize: c.kernel, stride: c.stride, padding: c.padding, temperature: c.temperature,
                            suppression: suppression, topK: c.topK, minValue: nil, mapFloors: floors, version: version)
                        XCTAssertEqual(floored.points, expected, "case \(index) \(version) \(size) floors \(floors)")
                        XCTAssertFalse(expected.isEmpty, "case \(index) finds keypoints")
                        compared += 1
                    }
                }
            }
        }
        XCTAssertEqual(compared, configurations.count * 2 * 2 * floorSets.count)
    }

    /// A pose map (one blob of height 1 over noise of 0.01) with the floor 0.1 computes
    /// only the rows whose windows reach the blob's cells of at least 0.1 (within 4.3 px
    /// of its centre): 64 rows fall to about 11.
    func testRowsOfWindowsBelowTheFloorAreLeftOut() throws {
        let (h, w) = (64, 48)
        var elements = [Float](repeating: 0.01, count: h * w)
        for row in 0..<h {
            for column in 0..<w {
                let d2 = Float((column - 20) * (column - 20) + (row - 30) * (row - 30))
                elements[row * w + column] += exp(-d2 / 8)
            }
        }
        let engine = try threeByThree(h, w, .v0_9)
        let rows = elements.withUnsafeBufferPointer { engine.rowsReaching([0.1], of: $0.baseAddress!, maps: 1) }[0]
        let computed = Set(rows.flatMap { $0 })
        // Cells ≥ 0.1 lie in rows 26–34 (exp(−16/8) = 0.135, exp(−25/8) = 0.044); a window reaches one row further.
        XCTAssertTrue(Set(25...35).isSubset(of: computed), "\(rows)")
        XCTAssertLessThanOrEqual(computed.count, 15, "\(rows)")
        // A floor of +∞ computes nothing, a floor of 0 or −∞ everything.
        let three = elements + elements + elements
        let none = three.withUnsafeBufferPointer { engine.rowsReaching([.infinity, 0, -.infinity], of: $0.baseAddress!, maps: 3) }
        XCTAssertEqual(none[0], [])
        XCTAssertEqual(Set(none[1].flatMap { $0 }), Set(0..<h))
        XCTAssertEqual(Set(none[2].flatMap { $0 }), Set(0..<h))
    }

    /// Rows are left out in whole blocks of the window's period (47 rows for a 47-row
    /// window), and a window of more than 2048 cells is computed whole: on a 300-row
    /// map with one blob at row 30, a 45 × 45 window (2025 cells) leaves out the blocks
    /// far from it, a 47 × 47 one (2209 cells, whose sums' rounding could pass the
    /// margin) none.
    func testAWindowOfMoreThan2048CellsIsComputedWhole() throws {
        let (h, w) = (300, 48)
        var elements = [Float](repeating: 0.01, count: h * w)
        for row in 26...34 { for column in 16...24 { elements[row * w + column] = 1 } }
        func computedRows(_ size: Int) throws -> (rows: Set<Int>, outputs: Int) {
            let axes = try WindowAxis.validated(
                op: "test", input: [1, 1, h, w], kernel: [size, size], stride: [1, 1], padding: [size / 2, size / 2], temperature: 1, version: .v0_9)
            let engine = WindowedSoftArgmax<Float>(
                depth: .single, height: axes[0], width: axes[1], temperature: 1, eps: 1e-8, normalized: false, volumetric: false, version: .v0_9)
            let rows = elements.withUnsafeBufferPointer { engine.rowsReaching([0.1], of: $0.baseAddress!, maps: 1) }[0]
            return (Set(rows.flatMap { $0 }), axes[0].outputs)
        }
        let (narrower, outputs) = try computedRows(45)
        XCTAssertTrue(narrower.count < outputs / 2, "\(narrower.count) of \(outputs)")
        let (wider, all) = try computedRows(47)
        XCTAssertEqual(wider, Set(0..<all))
    }

    /// A NaN, and a cell so far below zero that its product could carry the sums'
    /// rounding over the floor, make their rows computed however low the rest is.
    func testANaNOrAHugeNegativeCellIsComputed() throws {
        let (h, w) = (30, 8)
        var elements = [Float](repeating: 0, count: h * w)
        elements[5 * w + 3] = .nan
        elements[20 * w + 6] = -1e30
        let engine = try threeByThree(h, w, .v0_7)
        let rows = elements.withUnsafeBufferPointer { engine.rowsReaching([0.5], of: $0.baseAddress!, maps: 1) }[0]
        let computed = Set(rows.flatMap { $0 })
        XCTAssertTrue(Set([4, 5, 6, 19, 20, 21]).isSubset(of: computed), "\(rows)")
        XCTAssertFalse(computed.contains(12), "\(rows)")
    }

    /// The engine of `conv_soft_argmax2d`'s defaults (3 × 3, stride 1, padding 1, T = 1) on an `h × w` map.
    private func threeByThree(_ h: Int, _ w: Int, _ version: KorniaVersion) throws -> WindowedSoftArgmax<Float> {
        let axes = try WindowAxis.validated(
            op: "test", input: [1, 1, h, w], kernel: [3, 3], stride: [1, 1], padding: [1, 1], temperature: 1, version: version)
        return WindowedSoftArgmax<Float>(
            depth: .single, height: axes[0], width: axes[1], temperature: 1, eps: 1e-8, normalized: false, volumetric: false, version: version)
    }
}
