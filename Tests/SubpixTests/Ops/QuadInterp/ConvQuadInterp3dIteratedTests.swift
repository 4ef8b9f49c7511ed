import XCTest
import Subpix

/// kornia 0.9's `conv_quad_interp3d`: `iterative_quad_interp3d` limited to the
/// voxels within `dilation_radius` of a maximum, and the `AdaptiveQuadInterp3d`
/// module that chooses between the two.
final class ConvQuadInterp3dIteratedTests: XCTestCase {
    /// A paraboloid peaking at (d 2.3, x 4.2, y 3.6), refined from one start two voxels
    /// left of the peak: the centre steps to x = 3, then x = 4, two voxels from the start.
    private func startTwoVoxelsAway() throws -> (volume: Tensor<Double>, mask: Mask) {
        let volume = try QuadVolumes.paraboloid(Double.self, peak: (2.3, 4.2, 3.6))
        let start = (2 * 9 + 4) * 9 + 2
        return (volume, try Mask(shape: volume.shape, elements: (0..<volume.count).map { $0 == start }))
    }

    func testAMaximumThatMovesBeyondTheDilationRadiusIsNotRefined() throws {
        let (volume, mask) = try startTwoVoxelsAway()
        let near = try convQuadInterp3d(volume, nIters: 5, precomputedNMSMask: mask, dilationRadius: 1)
        XCTAssertEqual((0..<3).map { near.coords[0, 0, $0, 2, 4, 2] }, [2, 2, 4], "kept at its grid position (d, x, y)")
        XCTAssertEqual(near.values[0, 0, 2, 4, 2], volume[0, 0, 2, 4, 2])
        let far = try convQuadInterp3d(volume, nIters: 5, precomputedNMSMask: mask, dilationRadius: 2)
        for (got, want) in zip((0..<3).map { far.coords[0, 0, $0, 2, 4, 2] }, [2.3, 4.2, 3.6]) { XCTAssertEqual(got, want, accuracy: 1e-12) }
    }

    /// With a radius of at least `n_iters` nothing is out of reach: kornia documents
    /// that this gives `iterative_quad_interp3d`'s result.
    func testARadiusOfNItersGivesTheIterativeResult() throws {
        var random = SeededGenerator(seed: 5)
        let shape = [1, 2, 5, 12, 14]
        let noise = try Tensor<Float>(shape: shape, elements: (0..<shape.reduce(1, *)).map { _ in Float.random(in: -1...1, using: &random) })
        let iterated = try iterativeQuadInterp3d(noise, nIters: 3, maxSubpixelShift: 0.3)
        let conv = try convQuadInterp3d(noise, nIters: 3, maxSubpixelShift: 0.3, dilationRadius: 3)
        XCTAssertEqual(conv.coords, iterated.coords)
        XCTAssertEqual(conv.values, iterated.values)
        let limited = try convQuadInterp3d(noise, nIters: 3, maxSubpixelShift: 0.3, dilationRadius: 0)
        XCTAssertNotEqual(limited.coords, iterated.coords, "radius 0 refines only maxima that stay put")
    }

    func testTheAdaptiveModuleRunsTheModeItIsGiven() throws {
        let (volume, mask) = try startTwoVoxelsAway()
        let conv = try AdaptiveQuadInterp3d(mode: .conv, dilationRadius: 1)(volume, precomputedNMSMask: mask)
        XCTAssertEqual(conv.coords, try convQuadInterp3d(volume, nIters: 5, precomputedNMSMask: mask, dilationRadius: 1).coords)
        for mode in [AdaptiveQuadInterp3d.Mode.patch, .auto] {
            let patch = try AdaptiveQuadInterp3d(mode: mode, dilationRadius: 1)(volume, precomputedNMSMask: mask)
            XCTAssertEqual(patch.coords, try iterativeQuadInterp3d(volume, precomputedNMSMask: mask).coords, "\(mode)")
            XCTAssertNotEqual(patch.coords, conv.coords, "\(mode): no dilation limit")
        }
    }

    func testBadArgumentsNameTheOp() throws {
        let volume = try QuadVolumes.paraboloid(Float.self, peak: (2.3, 4.2, 3.6))
        XCTAssertThrowsError(try convQuadInterp3d(volume, nIters: -1)) {
            XCTAssertEqual("\($0)", "conv_quad_interp3d: expected n_iters >= 0, got -1")
        }
        XCTAssertThrowsError(try convQuadInterp3d(volume, nIters: 5, precomputedNMSMask: try Mask(shape: [1], elements: [true]))) {
            XCTAssertEqual("\($0)", "conv_quad_interp3d: expected precomputed_nms_mask of the input's shape (1, 1, 5, 9, 9), got (1,)")
        }
    }
}
