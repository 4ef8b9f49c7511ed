/// A way to decode one sub-pixel point per heatmap, under the name the accuracy
/// lab uses (the keypoint method's, for the methods the viewer also has). Each
/// decoder is declared beside its method; ``all`` (in `Methods/MethodRegistry.swift`)
/// lists them in the order the lab reports them.
public struct HeatmapDecoder: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    /// One letter-like glyph, for plots without colour.
    public let glyph: Character
    /// What a decoder may read besides the heatmaps: `spatial_soft_argmax2d`'s
    /// temperature and the kornia release the kornia ops follow.
    public struct Reading: Sendable {
        public var temperature: Double
        public var version: KorniaVersion

        public init(temperature: Double = 1, version: KorniaVersion = .default) {
            (self.temperature, self.version) = (temperature, version)
        }
    }

    /// `(x, y)` per map, `(B, K, 2)` pixels, of `(B, K, H, W)` heatmaps, in each element type.
    let float32: @Sendable (Tensor<Float>, Reading) throws -> Tensor<Float>
    let float64: @Sendable (Tensor<Double>, Reading) throws -> Tensor<Double>

    public init(
        name: String, glyph: Character,
        float32: @escaping @Sendable (Tensor<Float>, Reading) throws -> Tensor<Float>,
        float64: @escaping @Sendable (Tensor<Double>, Reading) throws -> Tensor<Double>
    ) {
        (self.name, self.glyph, self.float32, self.float64) = (name, glyph, float32, float64)
    }

    /// The decoder called `name`, if there is one.
    public static func named(_ name: String) -> HeatmapDecoder? {
        all.first { $0.name == name }
    }

    public var description: String { name }

    /// `(x, y)` per map, `(B, K, 2)` pixels, of `(B, K, H, W)` heatmaps.
    /// `reading.temperature` is `spatial_soft_argmax2d`'s, which divides the map (in kornia
    /// 0.7 it multiplies): the kornia ops read in `reading.version`.
    public func decode<S: SubpixScalar>(_ heatmaps: Tensor<S>, reading: Reading = Reading()) throws -> Tensor<S> {
        if let maps = heatmaps as? Tensor<Float> { return AnyTensor.float32(try float32(maps, reading)).tensor() }
        if let maps = heatmaps as? Tensor<Double> { return AnyTensor.float64(try float64(maps, reading)).tensor() }
        throw SubpixError(name, "expected float32 or float64 heatmaps")
    }

    public static func == (lhs: HeatmapDecoder, rhs: HeatmapDecoder) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

extension HeatmapDecoder {
    /// The first maximum, integer pixels (mmpose `get_heatmap_maximum`).
    public static let argmax = HeatmapDecoder(
        name: "argmax", glyph: "a", float32: { maps, _ in try heatmapMaximum(maps).coords }, float64: { maps, _ in try heatmapMaximum(maps).coords })
}
