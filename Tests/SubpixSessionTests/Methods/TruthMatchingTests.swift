import XCTest
import Subpix
import SubpixSession

/// One-to-one matching of keypoints to ground truth; distances are hand-derived.
final class TruthMatchingTests: XCTestCase {
    private func points(_ xy: [(Double, Double)]) -> KeypointList {
        KeypointList(xy.map { Keypoint(batch: 0, channel: 0, x: $0.0, y: $0.1, value: 1) })
    }

    func testTwoTruePointsFoundAsOneCountOneMissed() {
        // Both true points are 1 px from the one keypoint: nearest-neighbour errors would
        // report two matches (mean 1); one to one, one is matched and one missed.
        let match = TruthMatching(truth: [TruePoint(x: 10, y: 5), TruePoint(x: 12, y: 5)], keypoints: points([(11, 5)]))
        XCTAssertEqual(match.distances, [1])
        XCTAssertEqual(match.missed, 1)
        XCTAssertEqual(match.falsePositives, 0)
    }

    func testNearestPairsAreTakenFirstAndFarKeypointsAreFalse() {
        // Truth A (0, 0) and B (2, 0); keypoints P (1.5, 0) and Q (-0.5, 0).
        // Nearest first: B–P 0.5, then A–Q 0.5 (A–P at 1.5 comes later, P taken); R (20, 20) is beyond 3 px.
        let match = TruthMatching(truth: [TruePoint(x: 0, y: 0), TruePoint(x: 2, y: 0)], keypoints: points([(1.5, 0), (-0.5, 0), (20, 20)]))
        XCTAssertEqual(match.distances, [0.5, 0.5])
        XCTAssertEqual(match.missed, 0)
        XCTAssertEqual(match.falsePositives, 1)
        XCTAssertEqual(match.error?.max, 0.5)
    }

    func testNothingWithinTheRadiusIsAllMissed() {
        let match = TruthMatching(truth: [TruePoint(x: 0, y: 0)], keypoints: points([(3.1, 0)]))
        XCTAssertEqual(match.missed, 1)
        XCTAssertEqual(match.falsePositives, 1)
        XCTAssertNil(match.error)
    }
}
