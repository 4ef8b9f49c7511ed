import Foundation
import SubpixLanguage

/// `glob(pattern)`: the paths a shell pattern matches, for `for path in glob("maps/*.npy"):`.
enum GlobBuiltin {
    static let builtin = Builtin(
        "glob", [.init("pattern")], category: .file,
        summary: "the paths matching a shell pattern (* ? [...]), sorted, as Python's sorted(glob.glob(pattern)): for path in glob(\"maps/*.npy\")",
        details: "A pattern that matches nothing gives an empty list. ~ is not expanded."
    ) { a, _ in
        let pattern = try a.string("pattern")
        var matches = glob_t()
        defer { globfree(&matches) }
        switch Foundation.glob(pattern, 0, nil, &matches) {
        case 0: break
        case GLOB_NOMATCH: return .list([])
        default: throw a.error("pattern", "a pattern of readable directories")
        }
        let paths = (0..<Int(matches.gl_pathc)).compactMap { matches.gl_pathv[$0].map { String(cString: $0) } }
        return .list(paths.sorted().map(Value.string))
    }
}
