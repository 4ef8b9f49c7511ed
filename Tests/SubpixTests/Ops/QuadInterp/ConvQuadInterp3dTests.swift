import XCTest
@testable import Subpix

final class ConvQuadInterp3dTests: XCTestCase {
    /// coords[b, c, axis, d, y, x] for the single map of the fixtures.
    private func point<S: SubpixScalar>(_ coords: Tensor<S>, _ d: Int, _ y: Int, _ x: Int) -> [Double] {
        (0..<3).map { Double(coords[0, 0, $0, d, y, x]) }
    }

    private func checkParaboloid<S: SubpixScalar>(_ type: S.Type, tolerance: Double) throws {
        // Peak at d = 2.3, x = 4.2, y = 3.6: nearest voxel (d 2, y 4, x 4).
        let volume = try QuadVolumes.paraboloid(S.self, peak: (2.3, 4.2, 3.6))
        let (coords, values) = try convQuadInterp3d(volume, strictMaximaBonus: 10)
        let refined = point(coords, 2, 4, 4)
        for (got, want) in zip(refined, [2.3, 4.2, 3.6]) { XCTAssertEqual(got, want, accuracy: tolerance) }
        // f(p) + ½ gᵀδ is the paraboloid's top, 0, plus the bonus.
        XCTAssertEqual(Double(values[0, 0, 2, 4, 4]), 10, accuracy: tolerance)
        // Every other voxel keeps its grid position (d, x, y) and its input value.
        XCTAssertEqual(point(coords, 1, 7, 3), [1, 3, 7])
        XCTAssertEqual(values[0, 0, 1, 7, 3], volume[0, 0, 1, 7, 3])
        XCTAssertEqual(try nms3dMask(volume, kernelSize: [3, 3, 3]).elements.filter { $0 }.count, 1)
    }

    func testOneStepRecoversTheExtremumOfAQuadratic() throws {
        try checkParaboloid(Float.self, tolerance: 1e-5)
        try checkParaboloid(Double.self, tolerance: 1e-12)
    }

    func testBonusIsAddedOnlyWhenPositive() throws {
        let volume = try QuadVolumes.paraboloid(Double.self, peak: (2.3, 4.2, 3.6), offset: 1)
        XCTAssertEqual(try convQuadInterp3d(volume, strictMaximaBonus: 0).values[0, 0, 2, 4, 4], 1, accuracy: 1e-12)
        XCTAssertEqual(try convQuadInterp3d(volume, strictMaximaBonus: -5).values[0, 0, 2, 4, 4], 1, accuracy: 1e-12)
        XCTAssertEqual(try convQuadInterp3d(volume, strictMaximaBonus: 2.5).values[0, 0, 2, 4, 4], 3.5, accuracy: 1e-12)
        // The module carries the same defaults as kornia (bonus 10).
        XCTAssertEqual(try ConvQuadInterp3d()(volume).values[0, 0, 2, 4, 4], 11, accuracy: 1e-12)
    }

    func testShiftBeyondSevenTenthsIsDiscardedButTheBonusStays() throws {
        // δ = (2, 2, 0) (see QuadVolumes.coupled): the maximum keeps its voxel, value 0 + bonus.
        let volume = try QuadVolumes.coupled(Double.self, singular: false)
        let (coords, values) = try convQuadInterp3d(volume, strictMaximaBonus: 10)
        XCTAssertEqual(point(coords, 1, 1, 1), [1, 1, 1])
        XCTAssertEqual(values[0, 0, 1, 1, 1], 10)
    }

    func testSingularHessianIsNotSolvedAndGetsNoBonus() throws {
        let volume = try QuadVolumes.coupled(Float.self, singular: true)
        let (coords, values) = try convQuadInterp3d(volume, strictMaximaBonus: 10)
        XCTAssertEqual(point(coords, 1, 1, 1), [1, 1, 1])
        XCTAssertEqual(values[0, 0, 1, 1, 1], 0)
    }

    /// kornia 0.7.4 adds `½ gᵀ0` to every unrefined voxel, which is NaN where the
    /// central-difference gradient overflows: here between `+max` and `−max`.
    func testOverflowingGradientsTurnUnrefinedValuesNaN() throws {
        var elements = [Float](repeating: 0, count: 3 * 3 * 5)
        elements[(1 * 3 + 1) * 5 + 1] = .greatestFiniteMagnitude
        elements[(1 * 3 + 1) * 5 + 3] = -.greatestFiniteMagnitude
        let volume = try Tensor<Float>(shape: [1, 1, 3, 3, 5], elements: elements)
        let values = try convQuadInterp3d(volume).values
        // gx = ½ (−max − max) = −∞ at x = 2; ½ (0 − (−max)) = max / 2 is finite at x = 4.
        XCTAssertTrue(values[0, 0, 1, 1, 2].isNaN)
        XCTAssertEqual(values[0, 0, 1, 1, 4], 0)
        // Half the largest magnitude cannot overflow a difference: nothing turns NaN.
        let half = try Tensor<Float>(shape: [1, 1, 3, 3, 5], elements: elements.map { $0 / 2 })
        XCTAssertFalse(try convQuadInterp3d(half).values.elements.contains { $0.isNaN })
    }

    /// A fit with the given Hessian entries (gradient 0).
    private func fit<S: SubpixScalar>(
        _ type: S.Type, dxx: S, dyy: S, dss: S, dxy: S, dxs: S, dys: S
    ) -> QuadraticFit3d<S> {
        let zeros = [S](repeating: 0, count: 27)
        var fit = zeros.withUnsafeBufferPointer { QuadraticFit3d($0.baseAddress! + 13, at: 0, planeStride: 9, rowStride: 3) }
        (fit.dxx, fit.dyy, fit.dss, fit.dxy, fit.dxs, fit.dys) = (dxx, dyy, dss, dxy, dxs, dys)
        return fit
    }

    func testBothSolversMatchAHandSolvedSystem() throws {
        // H = [[1, 2, 0], [2, 1, 1], [0, 1, 3]] and r = H·(1, 1, 1) = (3, 4, 4): the solution is
        // (1, 1, 1). |Hxy| = 2 > |Hxx| = 1, so the LU swaps rows x and y first; det = −10.
        let system = fit(Double.self, dxx: 1, dyy: 1, dss: 3, dxy: 2, dxs: 0, dys: 1)
        let rhs = Shift3<Double>(x: 3, y: 4, s: 4)
        for solution in [Symmetric3x3Solve.luPivoted(system, rhs: rhs), Symmetric3x3Solve.cramer(system, rhs: rhs)] {
            let solved = try XCTUnwrap(solution)
            for component in [solved.x, solved.y, solved.s] { XCTAssertEqual(component, 1, accuracy: 1e-12) }
        }
        // Cramer's floor is relative (|det| > 1e-7 · max|Hᵢⱼ|³): the same system 2⁻⁶⁰ smaller is
        // still solved in float32, where its unscaled determinant (~1e-54) would underflow to 0.
        let f: Float = 0x1p-60
        let tiny = fit(Float.self, dxx: f, dyy: f, dss: 3 * f, dxy: 2 * f, dxs: 0, dys: f)
        let scaled = try XCTUnwrap(Symmetric3x3Solve.cramer(tiny, rhs: Shift3(x: 3 * f, y: 4 * f, s: 4 * f)))
        for component in [scaled.x, scaled.y, scaled.s] { XCTAssertEqual(component, 1, accuracy: 1e-6) }
    }

    func testBothSolversRefuseASingularSystem() {
        // Rows x and y are equal: det = 0, and the LU meets an exactly zero pivot.
        let singular = fit(Double.self, dxx: 1, dyy: 1, dss: 2, dxy: 1, dxs: 0, dys: 0)
        XCTAssertNil(Symmetric3x3Solve.luPivoted(singular, rhs: Shift3(x: 1, y: 1, s: 1)))
        XCTAssertNil(Symmetric3x3Solve.cramer(singular, rhs: Shift3(x: 1, y: 1, s: 1)))
        // Nearly singular: det = 1e-9 against the floor 1e-7 · 1³ — refused by Cramer, solved by LU.
        let nearly = fit(Double.self, dxx: 1, dyy: 1 + 1e-9, dss: 1, dxy: 1, dxs: 0, dys: 0)
        XCTAssertNil(Symmetric3x3Solve.cramer(nearly, rhs: Shift3(x: 1, y: 1, s: 1)))
        XCTAssertNotNil(Symmetric3x3Solve.luPivoted(nearly, rhs: Shift3(x: 1, y: 1, s: 1)))
    }

    func testRejectsAnInputThatIsNotAVolume() throws {
        let flat = try Tensor<Float>(shape: [1, 1, 4, 4], elements: Array(repeating: 0, count: 16))
        XCTAssertThrowsError(try convQuadInterp3d(flat)) { error in
            XCTAssertEqual("\(error)", "conv_quad_interp3d: expected input of shape (B, C, D, H, W), got (1, 1, 4, 4)")
        }
    }
}
