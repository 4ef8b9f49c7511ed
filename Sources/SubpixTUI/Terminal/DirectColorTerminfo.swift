import Foundation

/// A direct-colour terminfo entry derived from the user's terminal type, compiled
/// with `tic` into a private directory, for terminals that show 24-bit colour
/// (`COLORTERM=truecolor`) while their `TERM` entry declares 256 colours — the common
/// case, as few systems install `*-direct` entries (Debian's `ncurses-term` has them).
///
/// The entry is the user's own (`use=$TERM`: same keys, same everything) with
/// ncurses' direct-colour capabilities on top: `RGB`, 2²⁴ colours, and `setaf`/`setab`
/// sending `ESC[38;2;r;g;bm` / `ESC[48;2;r;g;bm`, which every true-colour terminal reads.
struct DirectColorTerminfo {
    /// The user's terminal type the entry extends.
    let base: String

    /// The entry's name: `subpix-direct+` and the base name.
    var name: String { "subpix-direct+" + base }

    /// The entry's terminfo source.
    var source: String {
        func sgr(_ code: Int) -> String { "\\E[\(code);2;%p1%{65536}%/%d;%p1%{256}%/%{255}%&%d;%p1%{255}%&%dm" }
        return """
        \(name)|\(base) with direct colour (made by subpix),
        \tRGB, colors#0x1000000, pairs#0x10000,
        \tsetaf=\(sgr(38)), setab=\(sgr(48)),
        \tinitc@, initp@, ccc@, oc@, setf@, setb@, scp@,
        \tuse=\(base),

        """
    }

    /// True for names safe to put into a terminfo source and a file name.
    static func isUsable(_ base: String) -> Bool {
        !base.isEmpty && base.count < 100 && base.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.+".contains($0)) }
    }

    /// Where compiled entries go: `$XDG_CACHE_HOME/subpix/terminfo` (or `~/.cache/…`), else the temporary directory.
    static func directory(environment: [String: String]) -> URL {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return URL(fileURLWithPath: cache).appendingPathComponent("subpix/terminfo")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return URL(fileURLWithPath: home).appendingPathComponent(".cache/subpix/terminfo")
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("subpix-terminfo-\(getuid())")
    }

    /// Compiles the entry into `directory` with `tic -x`; the directory, or nil when
    /// `tic` is missing or fails (the viewer then stays with 256 colours).
    func compile(into directory: URL) -> URL? {
        guard Self.isUsable(base), let tic = Self.executable("tic") else { return nil }
        let sourceFile = directory.appendingPathComponent("\(name).src")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(source.utf8).write(to: sourceFile)
            let process = Process()
            process.executableURL = tic
            process.arguments = ["-x", "-o", directory.path, sourceFile.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0 ? directory : nil
        } catch {
            return nil
        }
    }

    /// The first `name` on `PATH` that can be executed.
    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
