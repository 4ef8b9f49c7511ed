import XCTest
@testable import Subpix
import TestSupport

final class IterativeQuadInterp3dTests: XCTestCase {
    private func point<S: SubpixScalar>(_ coords: Tensor<S>, _ d: Int, _ y: Int, _ x: Int) -> [Double] {
        (0..<3).map { Double(coords[0, 0, $0, d, y, x]) }
    }

    /// One mask bit at (d, y, x) of a volume's shape.
    private func mask(like volume: Tensor<Double>, at d: Int, _ y: Int, _ x: Int) -> Mask {
        var mask = Mask(shape: volume.shape, repeating: false)
        mask[0, 0, d, y, x] = true
        return mask
    }

    func testRecoversTheExtremumOfAQuadraticWithoutBonus() throws {
        let volume = try QuadVolumes.paraboloid(Float.self, peak: (2.3, 4.2, 3.6), offset: 1)
        let (coords, values) = try iterativeQuadInterp3d(volume)
        assertClose(point(coords, 2, 4, 4), [2.3, 4.2, 3.6], within: .absolute(1e-5))
        XCTAssertEqual(Double(values[0, 0, 2, 4, 4]), 1, accuracy: 1e-5)
        XCTAssertEqual(point(coords, 0, 0, 0), [0, 0, 0])
        XCTAssertEqual(values[0, 0, 0, 0, 0], volume[0, 0, 0, 0, 0])
    }

    func testStepsToTheNextVoxelWhenTheShiftPointsThere() throws {
        // Start one column off: from x = 5 the fit says δx = 4.2 − 5 = −0.8 < −0.6, so the centre
        // steps to x = 4, where δx = 0.2 and the point converges on (2.3, 4.2, 3.6), value 0.
        let volume = try QuadVolumes.paraboloid(Double.self, peak: (2.3, 4.2, 3.6))
        let start = mask(like: volume, at: 2, 4, 5)
        let (coords, values) = try iterativeQuadInterp3d(volume, nIters: 5, precomputedNMSMask: start)
        assertClose(point(coords, 2, 4, 5), [2.3, 4.2, 3.6], within: .absolute(1e-12))
        XCTAssertEqual(values[0, 0, 2, 4, 5], 0, accuracy: 1e-12)
        // With one iteration the step happens on the last one: not converged, so not refined.
        let (once, onceValues) = try iterativeQuadInterp3d(volume, nIters: 1, precomputedNMSMask: start)
        XCTAssertEqual(point(once, 2, 4, 5), [2, 5, 4])
        XCTAssertEqual(onceValues[0, 0, 2, 4, 5], volume[0, 0, 2, 4, 5])
        // A larger threshold keeps the centre: δx = −0.8 is reported from x = 5.
        let (wide, _) = try iterativeQuadInterp3d(volume, nIters: 1, maxSubpixelShift: 0.9, precomputedNMSMask: start)
        assertClose(point(wide, 2, 4, 5), [2.3, 4.2, 3.6], within: .absolute(1e-12))
    }

    func testScaleStepsCanBeTurnedOff() throws {
        // Start one plane off: δs = 2.3 − 3 = −0.7. With scale steps the centre moves to d = 2;
        // without, it stays at d = 3 and reports d = 3 − 0.7 — the same point on a quadratic.
        let volume = try QuadVolumes.paraboloid(Double.self, peak: (2.3, 4.2, 3.6))
        let start = mask(like: volume, at: 3, 4, 4)
        for steps in [true, false] {
            let (coords, values) = try iterativeQuadInterp3d(volume, allowScaleSteps: steps, precomputedNMSMask: start)
            assertClose(point(coords, 3, 4, 4), [2.3, 4.2, 3.6], within: .absolute(1e-12))
            XCTAssertEqual(values[0, 0, 3, 4, 4], 0, accuracy: 1e-12)
        }
        // A start on the outermost plane is fitted at the clamped centre d = 1. There δs = 1.3
        // steps it inward (to 1, then 2) and it converges; with the peak at d = 0.6, δs = −0.4
        // does not step, the centre stays on the outermost plane and the point is rejected.
        let edge = mask(like: volume, at: 0, 4, 4)
        assertClose(point(try iterativeQuadInterp3d(volume, precomputedNMSMask: edge).coords, 0, 4, 4), [2.3, 4.2, 3.6], within: .absolute(1e-12))
        let low = try QuadVolumes.paraboloid(Double.self, peak: (0.6, 4.2, 3.6))
        XCTAssertEqual(point(try iterativeQuadInterp3d(low, precomputedNMSMask: edge).coords, 0, 4, 4), [0, 4, 4])
    }

    func testDiscardedAndSingularSystemsKeepTheirVoxel() throws {
        // δ = (2, 2, 0) steps the centre onto the outermost voxels: rejected; singular: not solved.
        for singular in [false, true] {
            let volume = try QuadVolumes.coupled(Double.self, singular: singular)
            let (coords, values) = try iterativeQuadInterp3d(volume)
            XCTAssertEqual(point(coords, 1, 1, 1), [1, 1, 1])
            XCTAssertEqual(values[0, 0, 1, 1, 1], 0)
        }
    }

    func testMaxCandidatesRefinesOnlyTheLargestMaxima() throws {
        // Two bumps: the left one peaks at 0, the right one at −1 (lower), far enough apart that
        // each 3×3×3 neighbourhood sees one quadratic only.
        var volume = try QuadVolumes.paraboloid(Double.self, width: 16, peak: (2.3, 4.2, 3.6))
        let right = try QuadVolumes.paraboloid(Double.self, width: 16, peak: (2.4, 11.3, 4.4), offset: -1)
        volume = try Tensor(shape: volume.shape, elements: zip(volume.elements, right.elements).map { max($0, $1) })
        let (all, _) = try iterativeQuadInterp3d(volume)
        assertClose(point(all, 2, 4, 4), [2.3, 4.2, 3.6], within: .absolute(1e-12))
        assertClose(point(all, 2, 4, 11), [2.4, 11.3, 4.4], within: .absolute(1e-12))
        let (best, _) = try iterativeQuadInterp3d(volume, maxCandidates: 1)
        assertClose(point(best, 2, 4, 4), [2.3, 4.2, 3.6], within: .absolute(1e-12))
        XCTAssertEqual(point(best, 2, 4, 11), [2, 11, 4])
        XCTAssertEqual(point(try iterativeQuadInterp3d(volume, maxCandidates: 0).coords, 2, 4, 4), [2, 4, 4])
        // The module carries the same settings.
        XCTAssertEqual(try IterativeQuadInterp3d(maxCandidates: 1)(volume).coords, best)
    }

    func testZeroIterationsAndSmallVolumesLeaveEverythingInPlace() throws {
        let volume = try QuadVolumes.paraboloid(Double.self, peak: (2.3, 4.2, 3.6))
        let (coords, values) = try iterativeQuadInterp3d(volume, nIters: 0)
        XCTAssertEqual(point(coords, 2, 4, 4), [2, 4, 4])
        XCTAssertEqual(values, volume)
        let thin = try QuadVolumes.paraboloid(Double.self, depth: 2, peak: (0.3, 4.2, 3.6))
        XCTAssertEqual(try iterativeQuadInterp3d(thin).values, thin)
    }

    func testHugeIterationCountsFinishWithTheSameResult() throws {
        let volume = try QuadVolumes.paraboloid(Double.self, peak: (2.3, 4.2, 3.6))
        XCTAssertEqual(try iterativeQuadInterp3d(volume, nIters: .max).coords, try iterativeQuadInterp3d(volume).coords)
        let coupled = try QuadVolumes.coupled(Double.self, singular: false)
        XCTAssertEqual(try iterativeQuadInterp3d(coupled, nIters: .max).values, coupled)
    }

    func testBadArgumentsThrowOneLineErrors() throws {
        let volume = try QuadVolumes.paraboloid(Float.self, peak: (2, 4, 4))
        let flat = try Tensor<Float>(shape: [1, 1, 4, 4], elements: Array(repeating: 0, count: 16))
        let cases: [(String, () throws -> Any)] = [
            ("iterative_quad_interp3d: expected input of shape (B, C, D, H, W), got (1, 1, 4, 4)", { try iterativeQuadInterp3d(flat) }),
            ("iterative_quad_interp3d: expected n_iters >= 0, got -1", { try iterativeQuadInterp3d(volume, nIters: -1) }),
            ("iterative_quad_interp3d: expected max_subpixel_shift >= 0, got -0.5", { try iterativeQuadInterp3d(volume, maxSubpixelShift: -0.5) }),
            ("iterative_quad_interp3d: expected max_subpixel_shift >= 0, got nan", { try iterativeQuadInterp3d(volume, maxSubpixelShift: .nan) }),
            ("iterative_quad_interp3d: expected max_candidates >= 0, got -2", { try iterativeQuadInterp3d(volume, maxCandidates: -2) }),
            ("iterative_quad_interp3d: expected precomputed_nms_mask of the input's shape (1, 1, 5, 9, 9), got (1, 1, 4, 4)", {
                try iterativeQuadInterp3d(volume, precomputedNMSMask: Mask(shape: [1, 1, 4, 4], repeating: true))
            }),
        ]
        for (message, call) in cases {
            XCTAssertThrowsError(try call(), message) { XCTAssertEqual("\($0)", message) }
        }
    }
}
