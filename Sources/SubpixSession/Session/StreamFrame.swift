import Subpix
import SubpixLanguage

/// The frame of a stream a script runs on (`subpix run --each-frame`), numbered from 1
/// over every array the stream held, good or bad, as the stream's errors number them.
public struct StreamFrame: Sendable {
    public var number: Int
    /// Whether a keypoint CSV header was printed already in this run (it is printed once).
    var printedKeypointHeader = false

    public init(number: Int, printedKeypointHeader: Bool = false) {
        self.number = number
        self.printedKeypointHeader = printedKeypointHeader
    }

    /// `points` as CSV rows with a leading `frame` column; the header only the first
    /// time. Nil when there is nothing to print (no points, header already printed).
    mutating func csv(_ points: KeypointList) -> String? {
        let text = KeypointText.csv(points, frame: number, header: !printedKeypointHeader).trimmingCharacters(in: .newlines)
        printedKeypointHeader = true
        return text.isEmpty ? nil : text
    }
}
