import XCTest
@testable import Subpix

/// The float32 kernel behind `iterative_quad_interp3d` against the Swift `Refiner`
/// run maximum by maximum, bit for bit, on every kernel path: smooth volumes whose
/// maxima refine, step and get rejected, noise, starts on the outermost voxels
/// (fitted at the clamped centre), every iteration count and threshold, scale
/// steps on and off, and volumes holding NaN, infinities, huge and subnormal values.
final class IterativeQuadKernelTests: XCTestCase {
    func testKernelMatchesTheSwiftRefinerOnEveryPath() throws {
        var random = SeededGenerator(seed: 31)
        let shape = [2, 2, 5, 23, 29]
        let smooth = try Tensor<Float>(shape: shape, elements: blobs(shape, &random))
        let noise = try Tensor<Float>(shape: shape, elements: (0..<shape.reduce(1, *)).map { _ in Float.random(in: -1...1, using: &random) })
        var awkward = smooth.elements
        for (index, value) in [(301, Float.nan), (2_000, .infinity), (4_100, -.infinity), (5_555, 3e38), (6_001, 1e-40), (7_777, -1e-39)] {
            awkward[index] = value
        }
        let volumes = [("smooth", smooth), ("noise", noise), ("awkward", try Tensor<Float>(shape: shape, elements: awkward))]
        for (name, volume) in volumes {
            // The 3×3×3 maxima, plus starts anywhere (the border included) as a precomputed mask would give.
            let maxima = try nms3dMask(volume, kernelSize: [3, 3, 3])
            let starts = try Mask(shape: shape, elements: (0..<volume.count).map { $0 % 37 == 0 || maxima.elements[$0] })
            for (mask, nIters, maxShift, scaleSteps) in [(maxima, 5, 0.6, true), (starts, 5, 0.6, true), (starts, 1, 0.6, true),
                                                          (starts, 0, 0.6, true), (starts, 3, 0.3, false), (maxima, 8, 0.9, true),
                                                          (starts, 2, 0.0, true)] {
                let want = reference(volume, mask: mask, nIters: nIters, maxShift: maxShift, scaleSteps: scaleSteps)
                for path in KernelPath.allCases {
                    try withKernelPath(path) {
                        let got = try iterativeQuadInterp3d(
                            volume, nIters: nIters, maxSubpixelShift: maxShift, allowScaleSteps: scaleSteps, precomputedNMSMask: mask)
                        let label = "\(path) \(name) n_iters=\(nIters) shift=\(maxShift) scale_steps=\(scaleSteps)"
                        XCTAssertEqual(got.coords.elements.map(\.bitPattern), want.coords.map(\.bitPattern), "\(label): coords")
                        XCTAssertEqual(got.values.elements.map(\.bitPattern), want.values.map(\.bitPattern), "\(label): values")
                    }
                }
            }
        }
    }

    /// kornia 0.9's `conv_quad_interp3d` runs the same kernel with a reach: the kernel and
    /// the Swift `Refiner` reject the same maxima, bit for bit, for every dilation radius.
    func testKernelMatchesTheSwiftRefinerWithAReachOnEveryPath() throws {
        var random = SeededGenerator(seed: 32)
        let shape = [2, 1, 5, 19, 23]
        let volume = try Tensor<Float>(shape: shape, elements: blobs(shape, &random))
        let maxima = try nms3dMask(volume, kernelSize: [3, 3, 3])
        let starts = try Mask(shape: shape, elements: (0..<volume.count).map { $0 % 29 == 0 || maxima.elements[$0] })
        for (mask, radius, maxShift) in [(maxima, 1, 0.6), (starts, 0, 0.3), (starts, 1, 0.2), (starts, 2, 0.0), (maxima, -1, 0.6)] {
            let want = reference(volume, mask: mask, nIters: 5, maxShift: maxShift, scaleSteps: true, reach: QuadReach(radius: radius))
            for path in KernelPath.allCases {
                try withKernelPath(path) {
                    let got = try convQuadInterp3d(volume, nIters: 5, maxSubpixelShift: maxShift, precomputedNMSMask: mask, dilationRadius: radius)
                    let label = "\(path) dilation_radius=\(radius) shift=\(maxShift)"
                    XCTAssertEqual(got.coords.elements.map(\.bitPattern), want.coords.map(\.bitPattern), "\(label): coords")
                    XCTAssertEqual(got.values.elements.map(\.bitPattern), want.values.map(\.bitPattern), "\(label): values")
                }
            }
        }
    }

    /// A few Gaussian blobs at sub-voxel centres in every map, with a little noise.
    private func blobs(_ shape: [Int], _ random: inout SeededGenerator) -> [Float] {
        let (maps, depth, height, width) = (shape[0] * shape[1], shape[2], shape[3], shape[4])
        var out = [Float](repeating: 0, count: maps * depth * height * width)
        for map in 0..<maps {
            let centres = (0..<6).map { _ in
                (Double.random(in: 0...Double(depth - 1), using: &random), Double.random(in: 0...Double(height - 1), using: &random),
                 Double.random(in: 0...Double(width - 1), using: &random), Double.random(in: 0.5...2, using: &random))
            }
            for d in 0..<depth { for y in 0..<height { for x in 0..<width {
                var value = Double.random(in: -0.01...0.01, using: &random)
                for (cd, cy, cx, amplitude) in centres {
                    let r2 = (Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy)
                    value += amplitude * exp(-r2 / 8 - (Double(d) - cd) * (Double(d) - cd) / 2)
                }
                out[((map * depth + d) * height + y) * width + x] = Float(value)
            } } }
        }
        return out
    }

    /// The op's outputs built with the Swift `Refiner`, maximum by maximum.
    private func reference(
        _ x: Tensor<Float>, mask: Mask, nIters: Int, maxShift: Double, scaleSteps: Bool, reach: QuadReach? = nil
    ) -> (coords: [Float], values: [Float]) {
        let volume = VoxelMaxima.Volume(x.shape)
        var coords = (VoxelMaxima.gridCoordinates(shape: x.shape) as Tensor<Float>).elements
        var values = x.elements
        let refiner = Refiner<Float>(volume: volume, iterations: nIters, maxShift: Float(maxShift), scaleSteps: scaleSteps, reach: reach)
        x.withUnsafeBufferPointer { source in mask.withUnsafeBufferPointer { maxima in
            for flat in mask.elements.indices where mask.elements[flat] {
                let (map, local) = flat.quotientAndRemainder(dividingBy: volume.mapSize)
                guard let point = refiner.refine(
                    source.baseAddress! + map * volume.mapSize, from: volume.position(local), maxima: maxima.baseAddress! + map * volume.mapSize)
                else { continue }
                values[flat] = point.value
                let base = map * 3 * volume.mapSize + local
                (coords[base], coords[base + volume.mapSize], coords[base + 2 * volume.mapSize]) = (point.d, point.x, point.y)
            }
        } }
        return (coords, values)
    }
}
