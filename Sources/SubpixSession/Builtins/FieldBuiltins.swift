import Subpix
import SubpixLanguage

/// The sub-pixel decoders of pose estimation (mmpose: argmax, quarter offset,
/// DARK, UDP), particle image velocimetry (OpenPIV's three-point fits) and
/// astronomy (photutils' centroids), under their library names and defaults.
/// Heatmaps are `(B, K, H, W)`; points `(B, K, 2)` or `(B, K, N, 2)` in `(x, y)`.
enum FieldBuiltins {
    static let pointsHelp = "coords: (B, K, 2) or (B, K, N, 2) in (x, y), or keypoints (e.g. keypoints(x, mask=\(Method.suppression(rank: 4).name)(x, (3, 3), mask_only=True))), refined on their own maps and returned as keypoints."

    static let all: [Builtin] = [
        Builtin("heatmap_maximum", [.init("input")], category: .field,
                summary: "first maximum of each (B, K, H, W) map -> coords (B, K, 2) in (x, y), values (B, K) (mmpose get_heatmap_maximum)",
                details: "coords are (-1, -1) where the maximum is <= 0 (no keypoint).") { a, _ in
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                let (coords, values) = try heatmapMaximum(x)
                return .tuple([.tensor(AnyTensor(coords)), .tensor(AnyTensor(values))])
            }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("refine_quarter", [.init("input"), .init("coords")], category: .field,
                summary: "move each point 1/4 pixel toward its higher neighbour per axis (mmpose refine_keypoints)",
                details: "x += 0.25·sign(h[y,x+1] - h[y,x-1]) when 1 < x < W-1 and 0 < y < H; y likewise. Other points stay. \(pointsHelp)") { a, _ in
            func run<S: SubpixScalar>(_ x: Tensor<S>, _ coords: AnyTensor) throws -> AnyTensor { AnyTensor(try refineQuarter(x, coords: coords.tensor())) }
            return try refining(a) { maps, coords in try maps.visit({ try run($0, coords) }, { try run($0, coords) }) }
        },
        Builtin("gaussian_blur", [.init("input"), .init("kernel_size", .int(11))], category: .field,
                summary: "DARK's modulation: OpenCV Gaussian blur (sigma 0) with zero padding, rescaled to each map's maximum",
                details: "sigma = 0.3·((kernel_size-1)/2 - 1) + 0.8; sizes up to 7 use OpenCV's fixed table. kernel_size is odd.") { a, _ in
            let size = try a.int("kernel_size")
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value { .tensor(AnyTensor(try gaussianBlur(x, kernelSize: size))) }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("refine_dark", [.init("input"), .init("coords"), .init("blur_kernel_size", .int(11))], category: .field,
                summary: "DARK: Newton step on the log of the blurred map (mmpose refine_keypoints_dark)",
                details: "L = log(max(gaussian_blur(input), 1e-10)); central gradient, step-2 Hessian; (x, y) -= H⁻¹g when det H ≠ 0 and 1 < x < W-2, 1 < y < H-2. \(pointsHelp)") { a, _ in
            let size = try a.int("blur_kernel_size")
            func run<S: SubpixScalar>(_ x: Tensor<S>, _ coords: AnyTensor) throws -> AnyTensor {
                AnyTensor(try refineDark(x, coords: coords.tensor(), blurKernelSize: size))
            }
            return try refining(a) { maps, coords in try maps.visit({ try run($0, coords) }, { try run($0, coords) }) }
        },
        Builtin("refine_dark_udp", [.init("input"), .init("coords"), .init("blur_kernel_size", .int(11))], category: .field,
                summary: "UDP's DARK: clip to [1e-3, 50], edge padding, step-1 Hessian + eps (mmpose refine_keypoints_dark_udp)",
                details: "L = log(clip(gaussian_blur(input), 1e-3, 50)); (x, y) -= (H + eps·I)⁻¹g. Points outside the map stay. \(pointsHelp)") { a, _ in
            let size = try a.int("blur_kernel_size")
            func run<S: SubpixScalar>(_ x: Tensor<S>, _ coords: AnyTensor) throws -> AnyTensor {
                AnyTensor(try refineDarkUDP(x, coords: coords.tensor(), blurKernelSize: size))
            }
            return try refining(a) { maps, coords in try maps.visit({ try run($0, coords) }, { try run($0, coords) }) }
        },
        Builtin("subpixel_peak", [.init("input"), .init("method", .string(SubpixelPeakMethod.openPIVDefault.rawValue)), .init("coords", Value.none)], category: .field,
                summary: "OpenPIV's 3-point peak fit per axis at each map's first maximum -> (B, K, 2) in (x, y)",
                details: "method: \(SubpixelPeakMethod.choices). NaN when the maximum is on the border. With coords, the fit runs at those pixels instead (multi-peak maps). \(pointsHelp)") { a, _ in
            let name = try a.string("method")
            guard let method = SubpixelPeakMethod(rawValue: name) else {
                let names = SubpixelPeakMethod.allCases.map { "'\($0.rawValue)'" }
                throw a.error("method", names.dropLast().joined(separator: ", ") + " or " + (names.last ?? ""))
            }
            func run<S: SubpixScalar>(_ x: Tensor<S>, _ coords: AnyTensor) throws -> AnyTensor {
                AnyTensor(try subpixelPeak(x, coords: coords.tensor(), method: method))
            }
            func whole<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value { .tensor(AnyTensor(try subpixelPeak(x, method: method))) }
            if a["coords"].isNone { return try a.tensor("input").visit(whole, whole) }
            return try refining(a) { maps, coords in try maps.visit({ try run($0, coords) }, { try run($0, coords) }) }
        },
        Builtin("centroid_com", [.init("input")], category: .field,
                summary: "centre of mass of each (B, K, H, W) map -> (B, K, 2) in (x, y) (photutils centroid_com)",
                details: "Σ(x, y)·h / Σh over all pixels, non-finite values as 0; NaN when |Σh| < 1e-30.") { a, _ in
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value { .tensor(AnyTensor(try centroidCOM(x))) }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("centroid_quadratic", [.init("input"), .init("fit_boxsize", .int(5)), .init("coords", Value.none)], category: .field,
                summary: "maximum of a least-squares 2D quadratic around each map's peak -> (B, K, 2) in (x, y) (photutils centroid_quadratic)",
                details: "fit_boxsize is odd, >= 3. NaN when the fit has no maximum or it falls outside the map; a peak on the edge is returned unfitted. With coords, the fit is around those pixels instead (photutils' xpeak, ypeak). \(pointsHelp)") { a, _ in
            let box = try a.int("fit_boxsize")
            func run<S: SubpixScalar>(_ x: Tensor<S>, _ coords: AnyTensor) throws -> AnyTensor {
                AnyTensor(try centroidQuadratic(x, coords: coords.tensor(), fitBoxSize: box))
            }
            func whole<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value { .tensor(AnyTensor(try centroidQuadratic(x, fitBoxSize: box))) }
            if a["coords"].isNone { return try a.tensor("input").visit(whole, whole) }
            return try refining(a) { maps, coords in try maps.visit({ try run($0, coords) }, { try run($0, coords) }) }
        },
    ]
}

extension FieldBuiltins {
    /// Runs a refiner on the builtin's `input` and `coords`: a `(B, K, 2)` /
    /// `(B, K, N, 2)` tensor of coordinates comes back refined; keypoints (e.g.
    /// `keypoints(x, mask=nms2d(x, (3, 3), mask_only=True))`) come back as keypoints,
    /// each refined on its own `(batch, channel)` map (``KeypointList/refined(on:op:by:)``).
    static func refining(_ a: Arguments, _ refine: @escaping (AnyTensor, AnyTensor) throws -> AnyTensor) throws -> Value {
        let maps = try a.tensor("input")
        switch a["coords"] {
        case .tensor(let coords):
            return .tensor(try refine(maps, coords))
        case .keypoints(let list):
            func refined<S: SubpixScalar>(_ maps: Tensor<S>) throws -> Value {
                .keypoints(try list.refined(on: maps, op: a.function) { maps, coords in try refine(AnyTensor(maps), AnyTensor(coords)).tensor() })
            }
            return try maps.visit(refined, refined)
        default:
            throw a.error("coords", "a (B, K, 2) or (B, K, N, 2) tensor, or keypoints")
        }
    }
}
