import Foundation
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

    public init(path: String, arguments: [String], keepGoing: Bool) {
        self.path = path
        self.arguments = arguments
        self.keepGoing = keepGoing
    }

    /// Runs the script (in `session`, or a fresh one); returns the exit status:
    /// 0 when every statement succeeded, 1 otherwise. `errors` receives each
    /// formatted diagnostic.
    public func run(in session: Session? = nil, errors: @escaping (String) -> Void) -> Int32 {
        guard let source = readSource(errors: errors) else { return 1 }
        let session = session ?? Session()
        session.arguments = arguments
        return execute(source, in: session, errors: errors) ? 0 : 1
    }

    /// Runs the script once per frame of `frames` (`subpix run SCRIPT --each-frame STREAM`),
    /// with the frame in `variable` and its number, from 0, in `frame_index`; variables
    /// persist from one frame to the next.
    ///
    /// A bad frame is reported (`STREAM: frame 3: ...`) and skipped; a failing
    /// statement stops the run unless ``keepGoing``. Returns 0 when every frame
    /// was good and every statement succeeded, 1 otherwise.
    public func runEachFrame(of frames: LiveSource, variable: String = "frame", in session: Session? = nil,
                             errors: @escaping (String) -> Void) -> Int32 {
        guard let source = readSource(errors: errors) else { return 1 }
        let session = session ?? Session()
        session.arguments = arguments
        var failed = false
        var index = 0
        while let event = frames.next() {
            switch event {
            case .frame(let tensor):
                session.assign(variable, .tensor(tensor))
                session.assign("frame_index", .int(index))
                index += 1
                if !execute(source, in: session, errors: errors) {
                    failed = true
                    guard keepGoing else { return 1 }
                }
                // The journal is for replaying a viewer session; a long stream must not grow it.
                session.clearJournal()
            case .problem(let error):
                errors("\(error)")
                failed = true
            case .ended:
                break
            }
        }
        return failed ? 1 : 0
    }

    /// Runs `source`, reporting each failing statement; true when all succeeded.
    private func execute(_ source: String, in session: Session, errors: @escaping (String) -> Void) -> Bool {
        let name = path == "-" ? "<stdin>" : path
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
