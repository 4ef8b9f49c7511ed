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
        let view = keywords.view, rule = keywords.view.confidenceRule
        let statistics = TensorStatistics(tensor, spread: rule.readsSpread)
        let filters = statistics.maps.map { map -> KeypointMethod.MapFilter in
            guard rule.verdict(map, tallestHeight: statistics.tallestHeight).isConfident else { return .skip }
            return .keep(minValue: method.minimumValue(
                view, mapMaximum: { map.maximum > -.infinity ? map.maximum : nil }, tensorMaximum: { statistics.maximum },
                noiseFloor: rule.noiseFloor(map)))
        }
        var settings = view.keypointSettings(minValue: nil)
        if let eps = keywords.eps { settings.eps = eps }
        let found = try method.keypointsOfEveryMap(tensor, with: settings, filters: filters)
        return found.indices.flatMap { map in
            let (batch, channel) = map.quotientAndRemainder(dividingBy: statistics.channels)
            return rows(found[map], batch: batch, channel: channel, hasPeak: filters[map] != .skip, from: origin)
        }
    }
}
