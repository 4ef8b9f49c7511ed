import Subpix

extension GoldenOps {
    /// The field's decoders, by the `op` of their fixture files (made by mmpose,
    /// OpenPIV and photutils).
    static var field: [String: GoldenRunner] { ([
        "heatmap_maximum": GoldenHeatmapMaximum.self,
        "refine_quarter": GoldenRefineQuarter.self,
        "gaussian_blur": GoldenGaussianBlur.self,
        "refine_dark": GoldenRefineDark.self,
        "refine_dark_udp": GoldenRefineDarkUDP.self,
        "subpixel_peak": GoldenSubpixelPeak.self,
        "centroid_com": GoldenCentroidCOM.self,
        "centroid_quadratic": GoldenCentroidQuadratic.self,
    ] as [String: any GoldenOp.Type]).mapValues(runner) }
}

/// mmpose's `get_heatmap_maximum(heatmaps)`.
enum GoldenHeatmapMaximum: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        let (coords, values) = try heatmapMaximum(golden.input() as Tensor<S>)
        return [GoldenResult(coords), GoldenResult(values)]
    }
}

/// mmpose's `refine_keypoints(keypoints, heatmaps)`.
enum GoldenRefineQuarter: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        [GoldenResult(try refineQuarter(golden.input() as Tensor<S>, coords: golden.input("coords")))]
    }
}

/// mmpose's `gaussian_blur(heatmaps, kernel)`.
enum GoldenGaussianBlur: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        [GoldenResult(try gaussianBlur(golden.input() as Tensor<S>, kernelSize: golden.int("kernel_size")))]
    }
}

/// mmpose's `refine_keypoints_dark(keypoints, heatmaps, blur_kernel_size)`.
enum GoldenRefineDark: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        [GoldenResult(try refineDark(
            golden.input() as Tensor<S>, coords: golden.input("coords"), blurKernelSize: golden.int("blur_kernel_size")))]
    }
}

/// mmpose's `refine_keypoints_dark_udp(keypoints, heatmaps, blur_kernel_size)`.
enum GoldenRefineDarkUDP: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        [GoldenResult(try refineDarkUDP(
            golden.input() as Tensor<S>, coords: golden.input("coords"), blurKernelSize: golden.int("blur_kernel_size")))]
    }
}

/// OpenPIV's `find_subpixel_peak_position(corr, subpixel_method)` per map.
enum GoldenSubpixelPeak: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        guard let name = golden.args["method"] as? String, let method = SubpixelPeakMethod(rawValue: name) else {
            throw GoldenError("\(golden.label): unknown method \(golden.args["method"] ?? "nil")")
        }
        return [GoldenResult(try subpixelPeak(golden.input() as Tensor<S>, method: method))]
    }
}

/// photutils' `centroid_com(data)` per map.
enum GoldenCentroidCOM: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        [GoldenResult(try centroidCOM(golden.input() as Tensor<S>))]
    }
}

/// photutils' `centroid_quadratic(data, fit_boxsize)` per map.
enum GoldenCentroidQuadratic: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        [GoldenResult(try centroidQuadratic(golden.input() as Tensor<S>, fitBoxSize: golden.int("fit_boxsize")))]
    }
}
