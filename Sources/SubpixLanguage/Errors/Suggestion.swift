/// "Did you mean" suggestions by edit distance.
package enum Suggestion {
    /// The closest candidate within an edit distance of a third of the name's
    /// length (at least 1), and fewer edits than the name has letters; ties go
    /// to the alphabetically first.
    ///
    ///     closest(to: "heet", among: ["heat", "x"])   // "heat"
    package static func closest(to name: String, among candidates: [String]) -> String? {
        let limit = min(max(1, name.count / 3), name.count - 1)
        let scored = candidates.map { ($0, distance(name, $0)) }.filter { $0.1 <= limit }
        return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    /// Levenshtein distance (insertions, deletions, substitutions).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}
