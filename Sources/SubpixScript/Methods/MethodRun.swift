import Dispatch
import Subpix


/// The keypoints one method finds on the viewed tensor with the view's
/// parameters, in pixel coordinates, for the selected batch and channel
/// (and, for volumes, the depth slices within the band).
public struct MethodRun: Sendable {
    public var method: ViewMethod
    public var keypoints: [Keypoint] = []
    /// Shape of the op's coordinate output (the seed's formula), or nil on error.
    public var outputShape: [Int]?
    public var milliseconds: Double = 0
    /// Why the method could not run (shown in the side panel).
    public var error: String?
    /// The dense `conv_soft_argmax2d` output, kept for the cursor inspector.
    public var windowCoords: AnyTensor?

    /// The methods that apply to a tensor of this rank.
    public static func methods(forRank rank: Int) -> [ViewMethod] {
        ViewMethod.allCases.filter { $0.isVolumetric == (rank == 5) }
    }

    public init(method: ViewMethod, tensor: AnyTensor, view: ViewSettings) {
        self.method = method
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let expectedRank = method.isVolumetric ? 5 : 4
            guard tensor.shape.count == expectedRank else {
                throw SubpixError(method.rawValue, "needs a tensor of shape \(method.isVolumetric ? "(B, C, D, H, W)" : "(B, C, H, W)"), got \(formatShape(tensor.shape))")
            }
            // Computed in the tensor's own dtype (float32 stays float32).
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> [Keypoint] { try compute(x, view: view) }
            let all = try tensor.dtype == .float32 ? run(tensor.tensor(as: Float.self)) : run(tensor.tensor(as: Double.self))
            keypoints = all.filter { point in
                point.batch == view.batch && point.channel == view.channel
                    && (point.depth.map { abs($0 - Double(view.depth)) <= Double(view.depthBand) + 0.5 } ?? true)
            }
        } catch {
            self.error = "\(error)"
        }
        milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    private mutating func compute<S: SubpixScalar>(_ x: Tensor<S>, view: ViewSettings) throws -> [Keypoint] {
        let (k, s, p, t) = (view.kernelSize, view.stride, view.padding, view.temperature)
        switch method {
        case .spatialSoftArgmax2d:
            let coords = try spatialSoftArgmax2d(x, temperature: t, normalizedCoordinates: false)
            outputShape = coords.shape
            return try Subpix.keypoints(spatialSoftArgmax: coords)
        case .convSoftArgmax2d:
            let (coords, values) = try convSoftArgmax2d(
                x, kernelSize: k, stride: s, padding: p, temperature: t, normalizedCoordinates: false, outputValue: true)
            outputShape = coords.shape
            windowCoords = AnyTensor(coords)
            let pooled = values ?? coords
            return try Subpix.keypoints(coords: coords, values: pooled, mask: nms2dMask(pooled, kernelSize: k), topK: view.topK, minValue: view.minValue)
        case .nms2d:
            let mask = try nms2dMask(x, kernelSize: k)
            outputShape = mask.shape
            return try Subpix.keypoints(coords: PixelCoordinates.grid(for: x.shape) as Tensor<S>, values: x, mask: mask, topK: view.topK, minValue: view.minValue)
        case .convSoftArgmax3d:
            let kernel = [view.depthKernel] + k, stride = [view.depthStride] + s, padding = [view.depthPadding] + p
            let (coords, values) = try convSoftArgmax3d(
                x, kernelSize: kernel, stride: stride, padding: padding, temperature: t, normalizedCoordinates: false,
                outputValue: true, strictMaximaBonus: view.strictMaximaBonus ?? 0)
            outputShape = coords.shape
            let pooled = values ?? x
            return try Subpix.keypoints(coords: coords, values: pooled, mask: nms3dMask(pooled, kernelSize: [3, 3, 3]), topK: view.topK, minValue: view.minValue)
        case .convQuadInterp3d:
            let (coords, values) = try convQuadInterp3d(x, strictMaximaBonus: view.strictMaximaBonus ?? 10)
            outputShape = coords.shape
            return try Subpix.keypoints(coords: coords, values: values, mask: nms3dMask(x, kernelSize: [3, 3, 3]), topK: view.topK, minValue: view.minValue)
        case .iterativeQuadInterp3d:
            let mask = try nms3dMask(x, kernelSize: [3, 3, 3])
            let (coords, values) = try iterativeQuadInterp3d(x, nIters: view.nIters, precomputedNMSMask: mask)
            outputShape = coords.shape
            return try Subpix.keypoints(coords: coords, values: values, mask: mask, topK: view.topK, minValue: view.minValue)
        }
    }
}

/// Integer pixel coordinates laid out like a `conv_soft_argmax2d` output, so
/// integer NMS maxima become keypoints through the same `keypoints` call.
enum PixelCoordinates {
    /// `(B, C, 2, H, W)` holding (x, y) = (column, row) for a `(B, C, H, W)` shape.
    static func grid<S: SubpixScalar>(for shape: [Int]) -> Tensor<S> {
        let (maps, height, width) = (shape[0] * shape[1], shape[2], shape[3])
        return Tensor<S>(validShape: [shape[0], shape[1], 2, height, width]) { out in
            for map in 0..<maps {
                for row in 0..<height {
                    for column in 0..<width {
                        out[(map * 2) * height * width + row * width + column] = S(column)
                        out[(map * 2 + 1) * height * width + row * width + column] = S(row)
                    }
                }
            }
        }
    }
}
