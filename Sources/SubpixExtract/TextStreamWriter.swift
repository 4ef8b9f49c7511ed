/// The table as CSV or JSON Lines to a stream (stdout): the header once, then each input's rows.
public final class TextStreamWriter: RowWriter {
    private let format: RowFormat
    private let sink: (String) -> Void

    public init(format: RowFormat, perChannel: Bool, sink: @escaping (String) -> Void) {
        (self.format, self.sink) = (format, sink)
        if let header = format.header(perChannel: perChannel) { sink(header) }
    }

    public var completed: Set<String> { [] }

    public func commit(_ inputs: [(input: String, rows: [KeypointRow])]) throws {
        var text = ""
        for (_, rows) in inputs {
            for row in rows { text += format.line(row) }
        }
        if !text.isEmpty { sink(text) }
    }

    public func finish() throws {}
}
