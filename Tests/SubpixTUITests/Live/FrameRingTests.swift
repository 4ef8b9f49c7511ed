import XCTest
import Subpix
@testable import SubpixTUI

final class FrameRingTests: XCTestCase {
    /// A float32 frame of `elements` values (4 bytes each), all equal to `value`.
    private func frame(_ elements: Int, _ value: Float = 0) throws -> AnyTensor {
        .float32(try Tensor(shape: [1, 1, 1, elements], elements: [Float](repeating: value, count: elements)))
    }

    func testTheOldestFramesArePushedOutToKeepTheBytesWithinTheBudget() throws {
        var ring = FrameRing(maxBytes: 1000)
        for number in 1...5 { ring.append(try frame(100, Float(number)), arrival: Date()) }   // 400 bytes each
        // 1000 bytes hold two 400-byte frames: frames 4 and 5 remain.
        XCTAssertEqual(ring.frames.map(\.number), [4, 5])
        XCTAssertEqual(ring.bytes, 800)
        XCTAssertEqual(ring.received, 5)
        XCTAssertEqual(ring.latest?.tensor.doubles.first, 5)
        XCTAssertNil(ring.frame(number: 3), "pushed out")
        XCTAssertEqual(ring.frame(number: 4)?.tensor.doubles.first, 4)
        XCTAssertNil(ring.frame(number: 6), "not received yet")
        // Shapes may change between frames: a 200-byte frame fills the budget exactly; a 400-byte one then pushes out the oldest (400 bytes).
        ring.append(try frame(50), arrival: Date())
        XCTAssertEqual(ring.frames.map(\.number), [4, 5, 6])
        XCTAssertEqual(ring.bytes, 1000)
        ring.append(try frame(100), arrival: Date())
        XCTAssertEqual(ring.frames.map(\.number), [5, 6, 7])
        XCTAssertEqual(ring.bytes, 1000)
        // A frame larger than the whole budget is kept alone.
        ring.append(try frame(300), arrival: Date())
        XCTAssertEqual(ring.frames.map(\.number), [8])
    }

    func testFramesEndingAtANumber() throws {
        var ring = FrameRing(maxBytes: 10_000)
        for number in 1...6 { ring.append(try frame(10, Float(number)), arrival: Date()) }
        XCTAssertEqual(ring.frames(endingAt: 4, count: 3).map(\.number), [2, 3, 4])
        XCTAssertEqual(ring.frames(endingAt: 2, count: 5).map(\.number), [1, 2])
        XCTAssertEqual(ring.frames(endingAt: 9, count: 2).map(\.number), [5, 6])
    }
}

final class KeypointTrailsTests: XCTestCase {
    func testEachKeypointFollowsTheNearestPointBackUntilAJumpIsTooLarge() {
        // Two peaks drifting right by 1 px per frame; a noise point far away in frame 2.
        let frames: [[SIMD2<Double>]] = [
            [SIMD2(10, 10), SIMD2(30, 5)],
            [SIMD2(31, 5), SIMD2(11, 10.5), SIMD2(50, 50)],
            [SIMD2(12, 10), SIMD2(32, 5)],
        ]
        let trails = KeypointTrails.trails(frames, maxStep: 4)
        XCTAssertEqual(trails, [
            [SIMD2(12, 10), SIMD2(11, 10.5), SIMD2(10, 10)],
            [SIMD2(32, 5), SIMD2(31, 5), SIMD2(30, 5)],
        ])
        // A point that appeared in the last frame (nothing within 4 px before) has a trail of one.
        XCTAssertEqual(KeypointTrails.trails([[SIMD2(0, 0)], [SIMD2(5, 0)]], maxStep: 4), [[SIMD2(5, 0)]])
        XCTAssertEqual(KeypointTrails.trails([]), [])
    }
}
