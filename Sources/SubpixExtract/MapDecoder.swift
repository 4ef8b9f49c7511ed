import Subpix
import SubpixSession

/// Where a map came from: the row fields a decoder's keypoints are filed under.
public struct MapOrigin: Sendable {
    public var file: String
    public var member: String
    public var frame: Int
}

/// What turns one loaded array into rows: a keypoint method with its settings
/// (``MethodDecoder``), or a script (``ScriptDecoder``).
public protocol MapDecoder: Sendable {
    /// The name the `method` column shows.
    var name: String { get }
    /// Whether each `(batch, channel)` gets exactly one row (`--per-channel`).
    var perChannel: Bool { get }
    /// A decoder for one worker thread: a script's session is not shared between threads.
    func forWorker() -> any MapDecoder
    /// The rows of `tensor`, one array of the input `origin` names.
    func rows(of tensor: AnyTensor, from origin: MapOrigin) throws -> [KeypointRow]
}

extension MapDecoder {
    /// `keypoints` of one map as rows: all of them, or with ``perChannel`` the best one,
    /// or an empty row marked not confident when there is none or the map has no peak
    /// (`hasPeak`: the viewer's confidence rule, ``ConfidenceRule``).
    func rows(_ keypoints: KeypointList, batch: Int, channel: Int, hasPeak: Bool, from origin: MapOrigin) -> [KeypointRow] {
        let row = { (point: Keypoint?) in
            KeypointRow(file: origin.file, member: origin.member, frame: origin.frame, batch: batch, channel: channel,
                        x: point?.x, y: point?.y, value: point?.value, method: name, confident: perChannel ? point != nil : nil)
        }
        guard perChannel else { return keypoints.points.map(row) }
        return [row(hasPeak ? keypoints.points.first : nil)]
    }
}

/// A keypoint method of the registry with its settings (`--method NAME --temperature ...`),
/// run on each `(batch, channel)` map as the viewer runs it on the map it shows: judged
/// first by the view's confidence rule against the whole array (a flat, faint or
/// noise-only map lists no keypoint), then the same threshold, noise floor,
/// `min_value` and `top_k`.
public struct MethodDecoder: MapDecoder {
    public let keywords: MethodKeywords
    public let perChannel: Bool

    public init(_ keywords: MethodKeywords, perChannel: Bool) {
        (self.keywords, self.perChannel) = (keywords, perChannel)
    }

    public var name: String { keywords.method.name }

    public func forWorker() -> any MapDecoder { self }

    public func rows(of array: AnyTensor, from origin: MapOrigin) throws -> [KeypointRow] {
        let method = keywords.method
        // A stack of maps one rank short, (K, H, W), is one batch of them, as the viewer shows it.
        let tensor = array.shape.count == method.inputRank - 1 ? try array.reshaped([1] + array.shape) : array
        guard tensor.shape.count == method.inputRank else {
            let expected = method.isVolumetric ? "(B, C, D, H, W)" : "(B, C, H, W)"
            throw SubpixError(method.name, "expected a \(expected) array, got shape \(formatShape(tensor.shape))")
        }
        let view = keywords.view, rule = keywords.view.confidenceRule
        func run<S: SubpixScalar>(_ maps: Tensor<S>) throws -> [KeypointRow] {
            let statistics = TensorStatistics(maps)
            var rows: [KeypointRow] = []
            for batch in 0..<maps.shape[0] {
                for channel in 0..<maps.shape[1] {
                    guard statistics.verdict(batch: batch, channel: channel, rule: rule).isConfident else {
                        rows += self.rows([], batch: batch, channel: channel, hasPeak: false, from: origin)
                        continue
                    }
                    let map = try MapSelection.map(maps, batch: batch, channel: channel)
                    let minValue = method.minimumValue(view, map: map, tensorMaximum: { statistics.maximum },
                                                       noiseFloor: rule.noiseFloor(statistics[batch, channel]))
                    var settings = view.keypointSettings(minValue: minValue)
                    if let eps = keywords.eps { settings.eps = eps }
                    let found = try method.keypoints(of: AnyTensor(map), with: settings).keypoints
                    rows += self.rows(found, batch: batch, channel: channel, hasPeak: true, from: origin)
                }
            }
            return rows
        }
        return try tensor.visit(run, run)
    }
}
