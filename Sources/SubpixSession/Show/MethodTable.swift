import Subpix
import SubpixLanguage

/// The table of kornia's functions in `docs/api.md`, one row per method of
/// ``Method/all``: its signature with kornia's defaults (the script builtin's,
/// which is the same) and what it computes, generated from the methods themselves.
public enum MethodTable {
    /// The Markdown table: signature, what it computes.
    public static var markdown: String {
        let rows = Method.all.map { method in
            "| `\(Builtin(method: method).signature)` | \(method.summary.replacingOccurrences(of: "|", with: "\\|")) |"
        }
        return (["| kornia (and the script builtin of the same name) | what it computes |", "|---|---|"] + rows).joined(separator: "\n")
    }
}
