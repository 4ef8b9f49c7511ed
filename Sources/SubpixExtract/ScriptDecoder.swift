import Foundation
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixSession

/// `--script FILE`: a script run once per array, with the array bound to ``variable``
/// (and `file`, `member`, `frame` to where it came from); its rows are the
/// keypoints it leaves in ``keypointsVariable``, as `kp = keypoints(...)` does.
public struct ScriptDecoder: MapDecoder {
    public let path: String
    let source: String
    public let variable: String
    public let keypointsVariable: String
    public let kornia: KorniaVersion
    public let perChannel: Bool

    /// Reads the script at `path`.
    ///
    /// - Throws: ``FormatError`` when it cannot be read.
    public init(path: String, variable: String, keypointsVariable: String = "kp", kornia: KorniaVersion, perChannel: Bool) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormatError(path, FileManager.default.fileExists(atPath: path) ? "cannot read the script file" : MissingFile.message(path))
        }
        source = String(decoding: data, as: UTF8.self)
        (self.path, self.variable, self.keypointsVariable, self.kornia, self.perChannel) = (path, variable, keypointsVariable, kornia, perChannel)
    }

    public var name: String { (path as NSString).lastPathComponent }

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

    func rows(of tensor: AnyTensor, from origin: MapOrigin) throws -> [KeypointRow] {
        session.bind(script.variable, tensor: tensor)
        session.assign("file", .string(origin.file))
        session.assign("member", .string(origin.member))
        session.assign("frame", .int(origin.frame))
        do {
            _ = try session.execute(script.source)
        } catch let error as ScriptError {
            throw ScriptError(Diagnostic.format(error, file: script.path, source: script.source).split(separator: "\n").first.map(String.init) ?? error.message)
        }
        session.clearJournal()
        guard case .keypoints(let list)? = session.variables[script.keypointsVariable] else {
            throw ScriptError("\(script.path): expected the script to leave keypoints in '\(script.keypointsVariable)' (kp = keypoints(...)), got \(session.variables[script.keypointsVariable].map { $0.typeName } ?? "nothing")")
        }
        guard perChannel, tensor.shape.count >= 2 else {
            return list.points.flatMap { point in self.rows(KeypointList([point]), batch: point.batch, channel: point.channel, from: origin) }
        }
        var rows: [KeypointRow] = []
        for batch in 0..<tensor.shape[0] {
            for channel in 0..<tensor.shape[1] {
                rows += self.rows(list.filter { $0.batch == batch && $0.channel == channel }, batch: batch, channel: channel, from: origin)
            }
        }
        return rows
    }
}
