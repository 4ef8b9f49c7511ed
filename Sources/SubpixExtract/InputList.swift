import Foundation
import SubpixFiles

/// One thing `subpix extract` reads: a file, or a stream of concatenated `.npy` frames.
public enum ExtractInput: Sendable, Hashable {
    /// A file of one of ``InputList/extensions``, decoded whole.
    case file(String)
    /// `-` (standard input) or a FIFO: `.npy` arrays one after another, as repeated `np.save` writes them.
    case stream(String)

    /// The path as the `file` column shows it.
    public var path: String {
        switch self {
        case .file(let path), .stream(let path): path
        }
    }
}

/// The inputs a command line names, expanded: files, directories (walked recursively),
/// quoted globs (`'maps/*.npy'`), `@list.txt` (one path a line; blank lines and
/// `#` comments skipped), and `-` or a FIFO for a stream of `.npy` frames.
///
/// The files come out sorted in byte order (as `LC_ALL=C sort`) without duplicates,
/// so a run, and each shard of it, reads the same files in the same order; streams
/// stay where they were named, after the files.
public enum InputList {
    /// The extensions a directory or glob yields: the tensor files ``TensorFile`` reads
    /// (not its `.json` keypoint tables).
    public static var extensions: [String] { TensorFile.readable.filter { $0 != "json" && $0 != "txt" } }

    /// The inputs `arguments` name.
    ///
    /// - Throws: ``FormatError`` for a path that does not exist, a glob that matches
    ///   nothing, an unreadable list, or a directory holding no input file.
    public static func expand(_ arguments: [String]) throws -> [ExtractInput] {
        var files: [String] = []
        var streams: [ExtractInput] = []
        for argument in arguments {
            if argument == "-" {
                streams.append(.stream("-"))
            } else if argument.hasPrefix("@") {
                files += try listed(in: String(argument.dropFirst()))
            } else if isGlob(argument) {
                let matches = try glob(argument)
                guard !matches.isEmpty else { throw FormatError(argument, "the pattern matches no file") }
                files += try matches.flatMap(paths)
            } else if isFIFO(argument) {
                streams.append(.stream(argument))
            } else {
                files += try paths(argument)
            }
        }
        return sortedUnique(files).map(ExtractInput.file) + streams
    }

    /// `path` itself, or the input files under it when it is a directory.
    private static func paths(_ path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FormatError(path, MissingFile.message(path))
        }
        guard isDirectory.boolValue else { return [path] }
        let found = walk(path)
        guard !found.isEmpty else {
            throw FormatError(path, "the directory holds no \(extensions.map { "." + $0 }.joined(separator: " ")) file")
        }
        return found
    }

    /// The input files under `directory`, at any depth (hidden files and folders skipped).
    private static func walk(_ directory: String) -> [String] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            guard extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
            let path = base + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { found.append(path) }
        }
        return found
    }

    /// The paths of a list file, one a line; each may itself be a directory or a glob.
    private static func listed(in list: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: list) else {
            throw FormatError(list, FileManager.default.fileExists(atPath: list) ? "cannot read the list" : MissingFile.message(list))
        }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        return try lines.flatMap { line in
            if isGlob(line) { return try glob(line).flatMap(paths) }
            return try paths(line)
        }
    }

    private static func isGlob(_ text: String) -> Bool {
        text.contains { "*?[".contains($0) } && !FileManager.default.fileExists(atPath: text)
    }

    private static func isFIFO(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO
    }

    /// The paths `pattern` matches, as the shell would expand it.
    private static func glob(_ pattern: String) throws -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        switch Glibc.glob(pattern, 0, nil, &matches) {
        case 0: break
        case GLOB_NOMATCH: return []
        default: throw FormatError(pattern, "cannot expand the pattern")
        }
        return (0..<Int(matches.gl_pathc)).compactMap { matches.gl_pathv[$0].map { String(cString: $0) } }
    }

    /// `paths` in byte order, each once.
    static func sortedUnique(_ paths: [String]) -> [String] {
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
