import XCTest
import Subpix

/// `keypointsOfEveryMap`: one search over all maps (conv_soft_argmax2d) or one per
/// map (the others), each map cut by its own floor and top_k, skipped maps empty.
final class EveryMapTests: XCTestCase {
    /// A `(2, 2, 24, 20)` tensor of isotropic Gaussian blobs (σ 1.5) centred on whole
    /// pixels, so a symmetric window's soft-argmax lands on the centre itself:
    /// map 0 has blobs of height 1 at (x 5, y 6) and 0.5 at (14, 17); map 1 one of
    /// 0.8 at (9, 9); map 2 is zero; map 3 has 1 at (3, 20) and 0.9 at (16, 4).
    static let blobs: [[(x: Int, y: Int, height: Float)]] = [
        [(5, 6, 1), (14, 17, 0.5)], [(9, 9, 0.8)], [], [(3, 20, 1), (16, 4, 0.9)],
    ]

    static func maps() throws -> AnyTensor {
        let (height, width) = (24, 20)
        var elements = [Float](repeating: 0, count: blobs.count * height * width)
        for (map, peaks) in blobs.enumerated() {
            for peak in peaks {
                for row in 0..<height {
                    for column in 0..<width {
                        let d2 = Float((column - peak.x) * (column - peak.x) + (row - peak.y) * (row - peak.y))
                        elements[(map * height + row) * width + column] += peak.height * exp(-d2 / (2 * 1.5 * 1.5))
                    }
                }
            }
        }
        return AnyTensor(try Tensor(shape: [2, 2, height, width], elements: elements))
    }

    /// Every map kept with no floor: each blob's centre, labelled with its map, strongest first.
    func testEveryBlobIsFoundAtItsCentreInItsMap() throws {
        let found = try KeypointMethod.convSoftArgmax2d.keypointsOfEveryMap(
            try Self.maps(), with: KeypointSettings(), filters: Array(repeating: .keep(minValue: 0.05), count: 4))
        XCTAssertEqual(found.count, 4)
        for (map, peaks) in Self.blobs.enumerated() {
            let expected = peaks.sorted { $0.height > $1.height }
            XCTAssertEqual(found[map].count, expected.count, "map \(map): \(found[map].points)")
            for (point, peak) in zip(found[map].points, expected) {
                XCTAssertEqual(point.x, Double(peak.x), accuracy: 1e-4)
                XCTAssertEqual(point.y, Double(peak.y), accuracy: 1e-4)
                XCTAssertEqual([point.batch, point.channel], [map / 2, map % 2])
            }
        }
    }

    /// A skipped map lists nothing; a floor between map 0's two blobs keeps the taller;
    /// top_k 1 keeps each map's best. The one search (conv_soft_argmax2d) and the map
    /// by map one (nms2d, which searches each map alone) agree with each map run on its own.
    func testEachMapIsCutByItsOwnFloorAndTopK() throws {
        let maps = try Self.maps()
        var settings = KeypointSettings()
        settings.topK = 1
        for method in [KeypointMethod.convSoftArgmax2d, .nms2d] {
            let alone = try (0..<4).map { map in
                try method.keypoints(of: try MapSelection.map(maps, batch: map / 2, channel: map % 2), with: KeypointSettings()).keypoints
            }
            // Map 0's floor sits between its blobs' values; map 3 keeps one of two by top_k.
            let floor = (alone[0][0].value + alone[0][1].value) / 2
            var unlimited = settings
            unlimited.topK = 50
            let filters: [KeypointMethod.MapFilter] = [.keep(minValue: floor), .keep(minValue: nil), .skip, .keep(minValue: nil)]
            let cut = try method.keypointsOfEveryMap(maps, with: unlimited, filters: filters)
            XCTAssertEqual(cut[0].points.map(\.x), [5], method.name)
            XCTAssertEqual(cut[1].count, alone[1].count, method.name)
            XCTAssertEqual(cut[2].count, 0, method.name)
            XCTAssertEqual(cut[3].points.map { [$0.x, $0.y] }, alone[3].points.map { [$0.x, $0.y] }, method.name)
            let best = try method.keypointsOfEveryMap(maps, with: settings, filters: Array(repeating: .keep(minValue: nil), count: 4))
            XCTAssertEqual(best.map(\.count), [1, 1, alone[2].isEmpty ? 0 : 1, 1], method.name)
            XCTAssertEqual(best[3].points.map(\.x), [3], method.name)
        }
    }

    func testAMapOfTheWrongRankIsRefused() throws {
        let flat = AnyTensor(try Tensor<Float>(shape: [4, 5], elements: Array(repeating: 0, count: 20)))
        XCTAssertThrowsError(try KeypointMethod.convSoftArgmax2d.keypointsOfEveryMap(flat, with: KeypointSettings(), filters: [.skip])) {
            XCTAssertEqual("\($0)", "conv_soft_argmax2d: expected a (B, C, H, W) array, got shape (4, 5)")
        }
        XCTAssertThrowsError(try KeypointMethod.nms2d.keypointsOfEveryMap(try Self.maps(), with: KeypointSettings(), filters: [.skip])) {
            XCTAssertEqual("\($0)", "nms2d: expected one filter per map of (2, 2, 24, 20), got 1")
        }
    }
}
