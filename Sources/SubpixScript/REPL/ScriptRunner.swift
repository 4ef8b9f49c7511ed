import Foundation

/// `subpix run`: runs a script file (or standard input) in a fresh session and
/// reports errors as `FILE:LINE:COL: error: message` with the line and a caret.
public struct ScriptRunner {
    public var path: String
    public var arguments: [String]
    public var keepGoing: Bool

    public init(path: String, arguments: [String], keepGoing: Bool) {
        self.path = path
        self.arguments = arguments
        self.keepGoing = keepGoing
    }

    /// Runs the script; returns the process exit status (0 on success, 1 on any error).
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
        let session = session ?? Session(arguments: arguments)
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
