import CSubpixKernels
import XCTest
@testable import Subpix

/// Kernel scratch survives calls: a thread takes its kept buffer again instead
/// of allocating (and faulting in) fresh memory on every call.
final class ScratchTests: XCTestCase {
    func testAThreadGetsItsKeptBufferBackAndGrowsItWhenTooSmall() throws {
        let first = try XCTUnwrap(subpix_scratch_acquire(1000))
        subpix_scratch_release(first)
        XCTAssertGreaterThanOrEqual(subpix_scratch_kept(), 1000)
        let again = try XCTUnwrap(subpix_scratch_acquire(500))
        XCTAssertEqual(again, first, "the same buffer, not a new allocation")
        subpix_scratch_release(again)

        let kept = subpix_scratch_kept()
        let larger = try XCTUnwrap(subpix_scratch_acquire(kept + 4096))
        larger[kept + 4095] = 1   // the whole count is usable
        subpix_scratch_release(larger)
        XCTAssertEqual(subpix_scratch_kept(), kept + 4096)
    }

    func testATakenBufferIsNotHandedOutTwiceAndHugeRequestsAreNotKept() throws {
        let outer = try XCTUnwrap(subpix_scratch_acquire(64))
        let inner = try XCTUnwrap(subpix_scratch_acquire(64))
        XCTAssertNotEqual(outer, inner, "a second take while the first is out gets its own memory")
        subpix_scratch_release(inner)
        subpix_scratch_release(outer)

        let kept = subpix_scratch_kept()
        let huge = try XCTUnwrap(subpix_scratch_acquire(Int(SUBPIX_SCRATCH_KEEP) + 1))
        subpix_scratch_release(huge)
        XCTAssertEqual(subpix_scratch_kept(), kept, "more than the limit is allocated for the call only")
    }

    /// conv_soft_argmax2d on the calling thread leaves its scratch kept, and a
    /// second call with the same geometry does not grow it.
    func testTheWindowKernelKeepsItsScratchBetweenCalls() throws {
        let previous = Parallelism.maxThreads
        Parallelism.maxThreads = 1
        defer { Parallelism.maxThreads = previous }
        try withKernelPath(.fastestAvailable) {
            var random = SeededGenerator(seed: 9)
            let map = try Tensor<Float>(shape: [1, 1, 96, 80], elements: (0..<(96 * 80)).map { _ in Float.random(in: -3...3, using: &random) })
            _ = try convSoftArgmax2d(map, kernelSize: [15, 15], stride: [1, 1], padding: [7, 7], outputValue: true)
            let kept = subpix_scratch_kept()
            XCTAssertGreaterThan(kept, 96 * 80, "the block's exponentials and sums stay kept")
            _ = try convSoftArgmax2d(map, kernelSize: [15, 15], stride: [1, 1], padding: [7, 7], outputValue: true)
            XCTAssertEqual(subpix_scratch_kept(), kept)
        }
    }
}
