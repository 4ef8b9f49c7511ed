import XCTest
@testable import Subpix

/// The float32 kernels behind the field's decoders against their Swift references,
/// bit for bit on every kernel path: DARK's blur (rows then columns, zero outside the
/// map, taps added in order) with its rescale, and photutils' centre-of-mass sums.
final class FieldKernelTests: XCTestCase {
    /// Maps narrower and shorter than the kernel, widths around the 16 lanes, and
    /// maps holding NaN, infinities, huge and subnormal values.
    private func planes() -> [(String, HeatPlane<Float>)] {
        var random = SeededGenerator(seed: 41)
        var planes: [(String, HeatPlane<Float>)] = []
        for (height, width) in [(1, 1), (3, 17), (8, 5), (23, 40), (33, 64), (19, 47)] {
            let values = (0..<(height * width)).map { _ in Float(random.nextUnitInterval()) }
            planes.append(("\(height)×\(width)", HeatPlane(values: values, height: height, width: width)))
        }
        var awkward = planes[4].1
        for (index, value) in [(100, Float.infinity), (700, -.infinity), (1_000, 3e38), (1_500, Float.leastNormalMagnitude / 1_000)] { awkward.values[index] = value }
        planes.append(("infinite", awkward))
        awkward.values[333] = .nan
        planes.append(("NaN", awkward))
        return planes
    }

    /// The bits of `value`, every NaN alike (which NaN an infinity minus an infinity gives is not the point).
    private func bits(_ value: Float) -> UInt32 { value.isNaN ? Float.nan.bitPattern : value.bitPattern }

    func testTheBlurMatchesTheSwiftReferenceOnEveryPath() throws {
        for kernelSize in [1, 3, 5, 7, 11, 17] {
            let blur = try GaussianModulation<Float>(kernelSize: kernelSize, op: "test")
            for (name, plane) in planes() {
                let want = blur.reference(plane)
                // The rescale's maxima are over finite values (a NaN or ±inf pixel spoils only its neighbourhood).
                let finiteMaximum = { (plane: HeatPlane<Float>) in plane.values.filter(\.isFinite).max() ?? .nan }
                let wantScale = finiteMaximum(plane) / finiteMaximum(want)
                for path in KernelPath.allCases {
                    withKernelPath(path) {
                        let got = blur(plane)
                        let label = "\(path) k=\(kernelSize) \(name)"
                        XCTAssertEqual(got.blurred.values.map(bits), want.values.map(bits), label)
                        XCTAssertEqual(bits(got.scale), bits(wantScale), label)
                    }
                }
            }
        }
    }

    /// The float32 sums against the float64 path on the same values, widened exactly.
    func testTheCentreOfMassSumsMatchTheSwiftReference() {
        for (name, plane) in planes() {
            let got = centreOfMassSums(plane)
            let want = centreOfMassSums(HeatPlane(values: plane.values.map(Double.init), height: plane.height, width: plane.width))
            XCTAssertEqual([got.mass, got.x, got.y].map(\.bitPattern), [want.mass, want.x, want.y].map(\.bitPattern), name)
        }
    }
}
