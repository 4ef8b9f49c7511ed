/// The output pane of `:` (``ViewerModel/Mode/output(_:)``): a statement that
/// prints several lines — `print(kp)`, `compare(...)`, `diagnose(...)` — shows
/// them all in a pane that scrolls, not only on the one message line.
extension ViewerModel {
    /// The rows of output the pane shows at the current screen size.
    var outputPageRows: Int { max(1, layout.height - OutputPane.chromeRows) }

    /// Shows `report`: one line on the message line; several in the output pane,
    /// from the first, with the first line on the message line too.
    func showOutput(_ report: String) {
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        output = lines
        message = lines.count > 1 ? "\(lines.first ?? "") … (\(lines.count) lines)" : report
        if lines.count > 1 { mode = .output(0) }
    }

    /// ↑/↓ a line, PgUp/PgDn a page, Home/End the ends; any other key closes the pane.
    func scrollOutput(from offset: Int, _ key: Key) {
        let page = outputPageRows
        let last = max(0, output.count - page)
        let moved: Int? = switch key {
        case .up: offset - 1
        case .down: offset + 1
        case .pageUp: offset - page
        case .pageDown: offset + page
        case .home: 0
        case .end: last
        default: nil
        }
        mode = moved.map { .output(min(max(0, $0), last)) } ?? .normal
    }
}
