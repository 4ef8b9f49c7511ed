import Foundation
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixSession

/// `--script FILE`: a script run once per map of each array, the map bound to
/// ``variable`` as a `(1, 1, H, W)` tensor (`(1, 1, D, H, W)` for a volume), `batch` and
/// `channel` to its place in the array, and `file`, `member`, `frame` to where the array
/// came from. Its rows are the keypoints it leaves in ``keypointsVariable``
/// (`kp = keypoints(...)`), filed under the map's batch and channel.
///
/// The maps of an array are those the viewer shows: a `(B, C, ...)` array of four or
/// more axes holds B·C of them, a `(K, H, W)` stack one batch of K, anything smaller one.
/// With `--per-channel` a map without a peak by the viewer's confidence rule, judged
/// against the whole array (`view.confidence` and `view.confidence_share` as the script
/// leaves them), gets an empty row whatever the script found in it.
public struct ScriptDecoder: MapDecoder {
    public let path: String
    let source: String
    /// The source parsed once, for every map.
    let parsed: ParsedScript
    public let variable: String
    public let keypointsVariable: String
    public let kornia: KorniaVersion
    public let perChannel: Bool

    /// Reads and parses the script at `path`.
    ///
    /// - Throws: ``FormatError`` when it cannot be read; ``ScriptError`` (`FILE:LINE:COL: message`)
    ///   for a syntax error, before any input is read.
    public init(path: String, variable: String, keypointsVariable: String = "kp", kornia: KorniaVersion, perChannel: Bool) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormatError(path, FileManager.default.fileExists(atPath: path) ? "cannot read the script file" : MissingFile.message(path))
        }
        source = String(decoding: data, as: UTF8.self)
        do {
            parsed = try ParsedScript(source)
        } catch let error as ScriptError {
            throw Self.oneLine(error, path: path, source: source)
        }
        (self.path, self.variable, self.keypointsVariable, self.kornia, self.perChannel) = (path, variable, keypointsVariable, kornia, perChannel)
    }

    public var name: String { (path as NSString).lastPathComponent }

    /// `error` as its first line, `FILE:LINE:COL: error: message`.
    static func oneLine(_ error: ScriptError, path: String, source: String) -> ScriptError {
        ScriptError(Diagnostic.format(error, file: path, source: source).split(separator: "\n").first.map(String.init) ?? error.message)
    }

    public func forWorker() -> any MapDecoder { ScriptWorker(self) }

    /// Not called: each worker runs the script in its own session (``forWorker()``).
    public func rows(of tensor: AnyTensor, from origin: MapOrigin) throws -> [KeypointRow] {
        try ScriptWorker(self).rows(of: tensor, from: origin)
    }
}

/// A ``ScriptDecoder`` with the session one worker thread runs it in.
final class ScriptWorker: MapDecoder, @unchecked Sendable {
    private let script: ScriptDecoder
    private let session: Session

    init(_ script: ScriptDecoder) {
        self.script = script
        session = Session(kornia: script.kornia, output: { _ in })
    }

    var name: String { script.name }
    var perChannel: Bool { script.perChannel }
    func forWorker() -> any MapDecoder { ScriptWorker(script) }

    func rows(of array: AnyTensor, from origin: MapOrigin) throws -> [KeypointRow] {
        let tensor = array.shape.count == 3 ? try array.reshaped([1] + array.shape) : array
        let (batches, channels) = tensor.shape.count >= 4 ? (tensor.shape[0], tensor.shape[1]) : (1, 1)
        let statistics = perChannel ? TensorStatistics(tensor) : nil
        session.assign("file", .string(origin.file))
        session.assign("member", .string(origin.member))
        session.assign("frame", .int(origin.frame))
        var rows: [KeypointRow] = []
        for batch in 0..<batches {
            for channel in 0..<channels {
                let map = tensor.shape.count >= 4 ? try MapSelection.map(tensor, batch: batch, channel: channel) : tensor
                let found = try keypoints(of: map, batch: batch, channel: channel)
                let hasPeak = statistics?.verdict(batch: batch, channel: channel, rule: session.view.confidenceRule).isConfident ?? true
                rows += self.rows(found, batch: batch, channel: channel, hasPeak: hasPeak, from: origin)
            }
        }
        return rows
    }

    /// What the script leaves in its keypoints variable when run on one map, filed
    /// under the map's `batch` and `channel`.
    private func keypoints(of map: AnyTensor, batch: Int, channel: Int) throws -> KeypointList {
        session.bind(script.variable, tensor: map)
        session.assign("batch", .int(batch))
        session.assign("channel", .int(channel))
        // A script that leaves no keypoints must not hand on the previous map's.
        session.assign(script.keypointsVariable, .none)
        do {
            _ = try session.execute(script.parsed)
        } catch let error as ScriptError {
            throw ScriptDecoder.oneLine(error, path: script.path, source: script.source)
        }
        session.clearJournal()
        guard case .keypoints(let list)? = session.variables[script.keypointsVariable] else {
            let left = session.variables[script.keypointsVariable].map { $0.typeName } ?? "nothing"
            throw ScriptError("\(script.path): expected the script to leave keypoints in '\(script.keypointsVariable)' (kp = keypoints(...)), got \(left)")
        }
        return list.relabelled(batch: batch, channel: channel)
    }
}
