import Foundation
import Subpix
import SubpixFiles
import SubpixLanguage

/// `subpix run`: runs a script file (or standard input) in a session and
/// reports errors as `FILE:LINE:COL: error: message` with the line and a caret.
///
/// ```swift
/// let status = ScriptRunner(path: "extract.subpix", arguments: ["in.npy", "out.csv"], keepGoing: false)
///     .run { message in FileHandle.standardError.write(Data((message + "\n").utf8)) }
/// ```
public struct ScriptRunner {
    /// The script file, or `-` for standard input.
    public var path: String
    /// The script's `args`.
    public var arguments: [String]
    /// Report every failing statement and go on, instead of stopping at the first.
    public var keepGoing: Bool

    /// The kornia release the command line chose (`--kornia`, or `SUBPIX_KORNIA`);
    /// nil lets the script's first line (``ScriptHeader``) choose, else the session's stands.
    public var kornia: KorniaVersion?

    public init(path: String, arguments: [String], keepGoing: Bool, kornia: KorniaVersion? = nil) {
        self.path = path
        self.arguments = arguments
        self.keepGoing = keepGoing
        self.kornia = kornia
    }

    /// Runs the script (in `session`, or a fresh one); returns the exit status:
    /// 0 when every statement succeeded, 1 otherwise. `errors` receives each
    /// formatted diagnostic.
    public func run(in session: Session? = nil, errors: @escaping (String) -> Void) -> Int32 {
        guard let source = readSource(errors: errors) else { return 1 }
        let session = session ?? Session()
        session.arguments = arguments
        guard follow(source, in: session, errors: errors) else { return 1 }
        return execute(source, in: session, errors: errors) ? 0 : 1
    }

    /// Runs the script once per frame of `frames` (`subpix run SCRIPT --each-frame STREAM`),
    /// with the frame in `variable` and its place in the stream, from 0, in `frame_index`;
    /// variables persist from one frame to the next. Every array the stream holds counts,
    /// good or bad, so `frame_index + 1` is the number the stream's errors give
    /// (`STREAM: frame 3: ...`), and keypoints printed as CSV carry it in a `frame`
    /// column under one header (``StreamFrame``).
    ///
    /// A bad frame is reported and skipped; a failing
    /// statement stops the run unless ``keepGoing``. Returns 0 when every frame
    /// was good and every statement succeeded, 1 otherwise.
    public func runEachFrame(of frames: LiveSource, variable: String = "frame", in session: Session? = nil,
                             errors: @escaping (String) -> Void) -> Int32 {
        guard let source = readSource(errors: errors) else { return 1 }
        let session = session ?? Session()
        session.arguments = arguments
        guard follow(source, in: session, errors: errors) else { return 1 }
        var failed = false
        var read = 0
        while let event = frames.next() {
            switch event {
            case .frame(let tensor):
                read += 1
                session.assign(variable, .tensor(tensor))
                session.assign("frame_index", .int(read - 1))
                session.streamFrame = StreamFrame(number: read, printedKeypointHeader: session.streamFrame?.printedKeypointHeader ?? false)
                if !execute(source, in: session, errors: errors) {
                    failed = true
                    guard keepGoing else { return 1 }
                }
                // The journal is for replaying a viewer session; a long stream must not grow it.
                session.clearJournal()
            case .problem(let error):
                read += 1
                errors("\(error)")
                failed = true
            case .ended:
                break
            }
        }
        return failed ? 1 : 0
    }

    /// Sets the session's kornia release: ``kornia``, else the one the script's first
    /// line names, else the session's own. When ``kornia`` and the first line disagree,
    /// a one-line note (a status message) says which runs. False (reported) for a first
    /// line naming no release there is.
    private func follow(_ source: String, in session: Session, errors: (String) -> Void) -> Bool {
        let written: KorniaVersion?
        do {
            written = try ScriptHeader.kornia(in: source)
        } catch {
            errors("\(scriptName):1: error: \(error)")
            return false
        }
        if let kornia, let written, kornia != written {
            session.report("note: \(scriptName) was written for kornia \(written.rawValue) (its first line); running kornia \(kornia.rawValue) as --kornia says")
        }
        if let version = kornia ?? written { session.kornia = version }
        return true
    }

    private var scriptName: String { path == "-" ? "<stdin>" : path }

    /// Runs `source`, reporting each failing statement; true when all succeeded.
    private func execute(_ source: String, in session: Session, errors: @escaping (String) -> Void) -> Bool {
        let name = scriptName
        var failed = false
        do {
            try session.execute(source, onError: keepGoing ? { error in
                failed = true
                errors(Diagnostic.format(error, file: name, source: source))
            } : nil)
        } catch {
            errors(Diagnostic.format(error, file: name, source: source))
            return false
        }
        return !failed
    }

    /// The script's text, or `nil` (reported) when the file cannot be read.
    private func readSource(errors: (String) -> Void) -> String? {
        if path == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        guard let data = FileManager.default.contents(atPath: path) else {
            let problem = FileManager.default.fileExists(atPath: path) ? "cannot read the script file" : MissingFile.message(path)
            errors("\(path): error: \(problem)")
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }
}
