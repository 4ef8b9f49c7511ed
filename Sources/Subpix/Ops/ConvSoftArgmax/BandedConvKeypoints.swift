import Foundation

/// The keypoints of ``convSoftArgmax2d(_:kernelSize:stride:padding:temperature:normalizedCoordinates:eps:outputValue:version:)``
/// on one `(1, 1, H, W)` map with non-maxima suppression of its pooled values —
/// the same list, bit for bit, as
///
///     let (coords, values) = try convSoftArgmax2d(map, ..., normalizedCoordinates: false, outputValue: true)
///     try keypoints(coords: coords, values: values!, mask: nms2dMask(values!, kernelSize: suppression),
///                   topK: topK, minValue: minValue)
///
/// computed band by band: a block of output rows at a time (about `bandElements`
/// outputs), suppression over the rows whose whole window is computed (keeping the
/// rows the next band's windows reach back to), each band's best `topK` merged into
/// the list. Memory is the map plus a few bands, not the dense coordinates and values
/// (a 4096² float32 map: 64 MB, where the dense outputs take 192 MB).
///
/// Each band runs the C kernel on the band's rows alone, starting where a work item
/// of the dense op starts a window-sum group, so its numbers are the dense op's
/// (kornia `version`'s, with the same windows computed on their own in 0.9).
/// `Double` maps (which have no C kernel) take the dense path.
///
/// - Returns: the keypoints in pixels, best first, and the dense op's coordinate shape `(1, 1, 2, H_out, W_out)`.
/// - Throws: ``SubpixError`` as `convSoftArgmax2d`, `nms2dMask` and `keypoints` do, or
///   for a map that is not `(1, 1, H, W)`.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func convSoftArgmax2dKeypoints<S: SubpixScalar>(
    _ map: Tensor<S>, kernelSize: [Int], stride: [Int], padding: [Int], temperature: Double,
    eps: Double = 1e-8, suppression: [Int], topK: Int?, minValue: Double?, bandElements: Int = 1 << 16,
    version: KorniaVersion = .default
) throws -> (keypoints: KeypointList, outputShape: [Int]) {
    let op = Method.convSoftArgmax2d.name
    try map.requireShape(rank: 4, layout: "(B, C, H, W)", op: op)
    guard map.shape[0] == 1, map.shape[1] == 1 else {
        throw SubpixError(op, "expected one map of shape (1, 1, H, W) for banded keypoints, got \(formatShape(map.shape))")
    }
    let axes = try WindowAxis.validated(
        op: op, input: map.shape, kernel: kernelSize, stride: stride, padding: padding, temperature: temperature, version: version)
    let engine = WindowedSoftArgmax<S>(
        depth: .single, height: axes[0], width: axes[1], temperature: temperature, eps: eps,
        normalized: false, volumetric: false, version: version)
    let outputShape = [1, 1, 2, axes[0].outputs, axes[1].outputs]
    let centres = ColumnCentres<S>(axes[1])   // the kernel reads them: kept alive to the end
    defer { withExtendedLifetime(centres) {} }
    guard let kernel = WindowKernel(engine, centres: centres) else {
        let points = try convSoftArgmax2dDenseKeypoints(
            map, kernelSize: kernelSize, stride: stride, padding: padding, temperature: temperature, eps: eps,
            suppression: suppression, topK: topK, minValue: minValue, version: version)
        return (points, outputShape)
    }
    let blocks = engine.rowBlocks(maxRows: Swift.max(1, bandElements / axes[1].outputs))
    let bandSearch = try BandSearch<S>(columns: axes[1].outputs, rows: axes[0].outputs, suppression: suppression, topK: topK, minValue: minValue)
    let points = try map.withUnsafeBufferPointer { elements in
        guard let x = elements.baseAddress else { return [] as KeypointList }
        let peak = MapReduction.maximum(x, count: elements.count)
        return try bandSearch.search(blocks: blocks, work: elements.count) { block in
            guard let band = engine.band(x, peak: peak, rows: block, kernel: kernel) else {
                throw SubpixError(op, "could not allocate the scratch memory of a band of \(block.count) rows")
            }
            return band
        }
    }
    return (points, outputShape)
}

/// The keypoints of `conv_soft_argmax2d` on every map of a `(B, C, H, W)` tensor from
/// its whole dense outputs: the op, non-maxima suppression of its pooled values,
/// ``keypoints(coords:values:mask:topK:minValue:)``. What ``convSoftArgmax2dKeypoints(_:kernelSize:stride:padding:temperature:eps:suppression:topK:minValue:bandElements:version:)``
/// computes band by band on one map; on many small maps (a pose network's `(1, 17, 64, 48)`)
/// one call on all of them costs less than a call per map.
///
/// `mapFloors`, when given, is each map's own `minValue` (batch-major; −∞ keeps all
/// of a map's keypoints, +∞ none), applied with `minValue`. A float32 map's output
/// rows whose windows cannot reach its floor are then not computed (a pose map's
/// few rows around its peak are, the noise around them is not), and the list is
/// still the one the dense outputs give: see ``WindowedSoftArgmax/run(_:maps:floors:coords:values:)``.
///
/// - Throws: as ``keypoints(coords:values:mask:topK:minValue:)`` does, or when
///   `mapFloors` does not hold one floor per map or holds a NaN.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func convSoftArgmax2dDenseKeypoints<S: SubpixScalar>(
    _ maps: Tensor<S>, kernelSize: [Int], stride: [Int], padding: [Int], temperature: Double,
    eps: Double = 1e-8, suppression: [Int], topK: Int?, minValue: Double?, mapFloors: [Double]? = nil,
    version: KorniaVersion = .default
) throws -> KeypointList {
    guard let mapFloors else {
        let (coords, values) = try convSoftArgmax2d(
            maps, kernelSize: kernelSize, stride: stride, padding: padding, temperature: temperature, normalizedCoordinates: false,
            eps: eps, outputValue: true, version: version)
        let pooled = values ?? coords
        return try keypoints(coords: coords, values: pooled, mask: nms2dMask(pooled, kernelSize: suppression), topK: topK, minValue: minValue)
    }
    let op = Method.convSoftArgmax2d.name
    try maps.requireShape(rank: 4, layout: "(B, C, H, W)", op: op)
    let (batch, channels) = (maps.shape[0], maps.shape[1])
    guard mapFloors.count == batch * channels, !mapFloors.contains(where: \.isNaN) else {
        throw SubpixError(op, "expected one floor (a number or ±inf) per map of \(formatShape(maps.shape)), got \(mapFloors)")
    }
    try validateKeypointFilters(topK: topK, minValue: minValue)
    let floors = mapFloors.map { Swift.max($0, minValue ?? -.infinity) }
    guard let lowest = floors.min(), lowest < .infinity else { return [] }
    let axes = try WindowAxis.validated(
        op: op, input: maps.shape, kernel: kernelSize, stride: stride, padding: padding, temperature: temperature, version: version)
    let engine = WindowedSoftArgmax<S>(
        depth: .single, height: axes[0], width: axes[1], temperature: temperature, eps: eps,
        normalized: false, volumetric: false, version: version)
    try NMSRunner.validate(kernelSize: suppression, axes: 2, op: Method.suppression(rank: 4).name)
    let (height, width) = (axes[0].outputs, axes[1].outputs)
    var values = Tensor<S>(shape: [0], repeating: 0)
    var computed: [[Range<Int>]] = []
    let coords = maps.withUnsafeBufferPointer { x in
        Tensor<S>(validShape: [batch, channels, 2, height, width]) { coords in
            values = Tensor<S>(validShape: [batch, channels, height, width]) { values in
                computed = engine.run(
                    x.baseAddress!, maps: batch * channels, floors: floors.map { S($0) }, coords: coords.baseAddress!, values: values.baseAddress!)
            }
        }
    }
    // Suppression on the computed rows alone: the others are −∞, below every floor.
    let mask = values.withUnsafeBufferPointer { values in
        Mask(validShape: [batch, channels, height, width]) { mask in
            StrictMaxima(kernel: (1, suppression[0], suppression[1]), rule: .interior)
                .run(values.baseAddress!, maps: batch * channels, depth: 1, height: height, width: width, rows: computed, output: .mask(mask.baseAddress!))
        }
    }
    let found = try keypoints(coords: coords, values: values, mask: mask, topK: topK, minValue: lowest > -.infinity ? lowest : nil)
    // Each map's topK best above the lowest floor, cut to its own floor, are its topK best above its own.
    return KeypointList(found.points.filter { $0.value >= floors[$0.batch * channels + $0.channel] })
}
