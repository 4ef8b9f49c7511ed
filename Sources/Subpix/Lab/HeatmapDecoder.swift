/// A way to decode one sub-pixel point per heatmap: the field's decoders and
/// kornia's soft-argmax, under the names the accuracy lab and the viewer use.
public enum HeatmapDecoder: String, CaseIterable, Sendable {
    /// The first maximum, integer pixels (mmpose `get_heatmap_maximum`).
    case argmax
    /// The maximum moved a quarter pixel toward the higher neighbour (`refine_keypoints`).
    case quarter
    /// OpenPIV's 3-point parabola per axis.
    case parabola
    /// OpenPIV's 3-point Gaussian (log-parabola) per axis.
    case gaussian
    /// OpenPIV's 3-point centre of mass per axis.
    case centroid3
    /// photutils' centre of mass of the whole map.
    case centroidCOM = "centroid_com"
    /// photutils' least-squares quadratic around the maximum (5 × 5 box).
    case quadratic
    /// DARK's Newton step from the maximum (blur kernel 11).
    case dark
    /// UDP's DARK step from the maximum (blur kernel 11).
    case darkUDP = "dark_udp"
    /// kornia's soft-argmax over the whole map (temperature multiplies).
    case spatialSoftArgmax2d = "spatial_soft_argmax2d"
    /// kornia's windowed soft-argmax (3 × 3, stride 1, padding 1, temperature 1),
    /// read at the window centred on the maximum.
    case convSoftArgmax2d = "conv_soft_argmax2d"
    /// The strongest strict 3 × 3 maximum (kornia `nms2d`), integer pixels.
    case nms2d

    /// One letter-like glyph per decoder, for plots without colour and the viewer.
    public var glyph: Character {
        switch self {
        case .argmax: "a"
        case .quarter: "q"
        case .parabola: "p"
        case .gaussian: "g"
        case .centroid3: "c"
        case .centroidCOM: "m"
        case .quadratic: "Q"
        case .dark: "d"
        case .darkUDP: "u"
        case .spatialSoftArgmax2d: "s"
        case .convSoftArgmax2d: "w"
        case .nms2d: "n"
        }
    }

    /// `(x, y)` per map, `(B, K, 2)` pixels, of `(B, K, H, W)` heatmaps.
    /// `temperature` is `spatial_soft_argmax2d`'s (it multiplies the map).
    // Specialised like any generic here, so the field's decoders run at full speed
    // (the accuracy lab: 0.4 s in release instead of 1.4 s); only kornia's ops go
    // through `korniaDecode`, which is never specialised (see there).
    public func decode<S: SubpixScalar>(_ heatmaps: Tensor<S>, temperature: Double = 1) throws -> Tensor<S> {
        switch self {
        case .argmax: return try heatmapMaximum(heatmaps).coords
        case .quarter: return try refineQuarter(heatmaps, coords: heatmapMaximum(heatmaps).coords)
        case .parabola: return try subpixelPeak(heatmaps, method: .parabolic)
        case .gaussian: return try subpixelPeak(heatmaps, method: .gaussian)
        case .centroid3: return try subpixelPeak(heatmaps, method: .centroid)
        case .centroidCOM: return try Subpix.centroidCOM(heatmaps)
        case .quadratic: return try centroidQuadratic(heatmaps)
        case .dark: return try refineDark(heatmaps, coords: heatmapMaximum(heatmaps).coords)
        case .darkUDP: return try refineDarkUDP(heatmaps, coords: heatmapMaximum(heatmaps).coords)
        case .spatialSoftArgmax2d, .convSoftArgmax2d, .nms2d:
            return try korniaDecode(heatmaps, temperature: temperature)
        }
    }

    /// kornia's ops, called through their generic entry points (which dispatch to
    /// their exported float32/float64 specialisations at run time). Specialised into a
    /// caller in this module, the optimiser would reference exported specialisations
    /// that function merging removed: a release link error with this toolchain.
    @inline(never) @_semantics("optimize.sil.specialize.generic.never")
    private func korniaDecode<S: SubpixScalar>(_ heatmaps: Tensor<S>, temperature: Double) throws -> Tensor<S> {
        switch self {
        case .spatialSoftArgmax2d:
            return try Subpix.spatialSoftArgmax2d(heatmaps, temperature: temperature, normalizedCoordinates: false, eps: 1e-8)
        case .convSoftArgmax2d:
            let (windows, _) = try Subpix.convSoftArgmax2d(
                heatmaps, kernelSize: [3, 3], stride: [1, 1], padding: [1, 1], temperature: 1, normalizedCoordinates: false,
                eps: 1e-8, outputValue: false)
            return try Self.windowAtMaximum(windows, of: heatmaps)
        default:
            let suppressed = try Subpix.nms2d(heatmaps, kernelSize: [3, 3])
            return try heatmapMaximum(suppressed).coords
        }
    }

    /// The `(B, K, 2, H, W)` window coordinates read at each map's first maximum.
    private static func windowAtMaximum<S: SubpixScalar>(_ windows: Tensor<S>, of heatmaps: Tensor<S>) throws -> Tensor<S> {
        let (height, width) = (heatmaps.shape[2], heatmaps.shape[3])
        let peaks = try HeatmapBatch(heatmaps, op: "conv_soft_argmax2d")
        let plane = height * width
        var index = 0
        return peaks.pointPerMap { map in
            defer { index += 1 }
            let peak = map.firstMaximum
            let base = index * 2 * plane + peak.y * width + peak.x
            return (windows.elements[base], windows.elements[base + plane])
        }
    }
}
