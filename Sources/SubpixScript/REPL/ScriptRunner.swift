import Foundation

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
        let name = path == "-" ? "<stdin>" : path
        let source: String
        if path == "-" {
            source = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: path) else {
                errors("\(path): error: cannot read the script file")
                return 1
            }
            source = String(decoding: data, as: UTF8.self)
        }
        let session = session ?? Session()
        session.arguments = arguments
        var failed = false
        do {
            try session.execute(source, onError: keepGoing ? { error in
                failed = true
                errors(Diagnostic.format(error, file: name, source: source))
            } : nil)
        } catch {
            errors(Diagnostic.format(error, file: name, source: source))
            return 1
        }
        return failed ? 1 : 0
    }
}
