import Foundation

/// The side panel's lines about a live source: which frame is shown, how many
/// arrived, the age of the newest, pause, drops, garbage skipped and the end of the stream.
enum LiveStatus {
    struct Line {
        var text: String
        var color: TerminalColor = .standard
        var bold = false
    }

    static func lines(_ live: LiveState) -> [Line] {
        let ring = live.ring
        guard let newest = ring.latest, let shown = live.shown else {
            return [Line(text: live.ended.map { "stream ended (\($0) frames)" } ?? "live \(live.source): no frame yet", color: 214, bold: true)]
        }
        var lines: [Line] = []
        let age = live.age.map { Self.age($0) } ?? "-"
        if live.isLive {
            lines.append(Line(text: "● live frame \(shown) · \(age) ago", color: 46, bold: true))
        } else {
            lines += Renderer.wrap("❚❚ frame \(shown) of \(newest.number) · newest \(age) ago", width: Layout.sidePanelWidth)
                .map { Line(text: $0, color: 214, bold: true) }
        }
        var kept = "kept \(ring.frames.count) (\(Self.megabytes(ring.bytes)) of \(Self.megabytes(ring.maxBytes)))"
        if live.dropped > 0 { kept += " · \(live.dropped) dropped" }
        lines.append(Line(text: kept, color: 245))
        if live.bytesSkipped > 0 { lines.append(Line(text: "skipped \(ViewerModel.bytes(live.bytesSkipped)) of garbage", color: 214)) }
        if let ended = live.ended { lines.append(Line(text: "stream ended (\(ended) frames)", color: 214, bold: true)) }
        return lines
    }

    private static func age(_ seconds: TimeInterval) -> String {
        seconds < 60 ? String(format: "%.1f s", max(0, seconds)) : String(format: "%.0f min", seconds / 60)
    }

    private static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.0f MiB", Double(bytes) / Double(1 << 20)) : String(format: "%.0f KiB", Double(bytes) / 1024)
    }
}
