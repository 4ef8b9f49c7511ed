import Foundation
import Subpix

/// A script's first line naming the kornia release it was written for:
/// `# subpix view --kornia 0.7, replay with: subpix run subpix-session.subpix`,
/// as the viewer's `w` writes it when the session follows another release than the
/// default, or just `# subpix --kornia 0.7`. `subpix run` (and `subpix view --script`)
/// runs the script in that release unless `--kornia` says otherwise. To the language
/// it is a comment.
public enum ScriptHeader {
    /// `# subpix COMMAND[ --kornia VERSION], REMARK`: the first line of a script that
    /// `command` wrote in kornia `version` (the release named only when it is not the default).
    public static func line(writtenBy command: String, in version: KorniaVersion, remark: String) -> String {
        "# subpix \(command)" + (version == .default ? "" : " --kornia \(version.rawValue)") + ", \(remark)"
    }

    /// The release `source`'s first line names: a comment starting `# subpix` with
    /// `--kornia VERSION` (or `--kornia=VERSION`) in it; nil when the first line is not such a comment.
    ///
    /// - Throws: ``SubpixError`` naming the versions there are, for a version that is none of them.
    public static func kornia(in source: String) throws -> KorniaVersion? {
        guard let first = source.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first else { return nil }
        let words = first.split(whereSeparator: { " \t\r=".contains($0) }).map { $0.trimmingCharacters(in: [",", ";"]) }
        guard words.count >= 4, words[0] == "#", words[1] == "subpix", let option = words.firstIndex(of: "--kornia"),
              option + 1 < words.count else { return nil }
        return try KorniaVersion(parsing: words[option + 1])
    }
}
