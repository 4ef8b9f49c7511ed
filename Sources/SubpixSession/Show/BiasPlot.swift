import Foundation
import Subpix

/// The accuracy lab's peak-locking chart: each decoder's mean x error
/// (estimate − truth) against the true sub-pixel phase of x, as a terminal line
/// chart with labelled axes.
///
/// In colour each decoder is a braille line in its own ANSI colour (2 × 4 dots per
/// character); without colour each is drawn with its own glyph (`HeatmapDecoder.glyph`),
/// one per character cell, so the lines stay apart in a log file too.
struct BiasPlot {
    var outcome: AccuracyLab.Outcome
    var color: Bool
    var width = 60
    var height = 15

    /// The eight bright-enough ANSI colours, then their bright variants: one per decoder.
    static let colors = [31, 32, 33, 34, 35, 36, 91, 92, 93, 94, 95, 96]

    /// Mean x error per phase bin (nil where no trial fell), per decoder.
    func binnedErrors(bins: Int) -> [[Double?]] {
        outcome.estimates.map { run in
            var sums = [Double](repeating: 0, count: bins)
            var counts = [Int](repeating: 0, count: bins)
            for (estimate, truth) in zip(run.points, outcome.truths) where estimate.x.isFinite {
                let phase = truth.x - truth.x.rounded(.down)
                let bin = min(Int(phase * Double(bins)), bins - 1)
                sums[bin] += estimate.x - truth.x
                counts[bin] += 1
            }
            return zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : nil }
        }
    }

    /// The chart's lines: a title, plot rows with the y axis, the x axis and its labels, the legend.
    func lines() -> [String] {
        let dotColumns = width * 2, dotRows = height * 4
        let bins = min(dotColumns, max(8, outcome.truths.count / 10))
        let series = binnedErrors(bins: bins)
        let extreme = series.joined().compactMap { $0 }.map(abs).max() ?? 0
        let limit = Self.niceLimit(extreme)
        var canvas = Canvas(width: width, height: height)
        for (index, errors) in series.enumerated() {
            var previousRow: Int?
            for (bin, error) in errors.enumerated() {
                guard let error else { previousRow = nil; continue }
                let row = Int(((limit - min(max(error, -limit), limit)) / (2 * limit) * Double(dotRows - 1)).rounded())
                let columns = (bin * dotColumns / bins)..<max(bin * dotColumns / bins + 1, (bin + 1) * dotColumns / bins)
                for column in columns { canvas.set(column, row, owner: index) }
                if let previousRow {
                    for between in min(previousRow, row)...max(previousRow, row) { canvas.set(columns.lowerBound, between, owner: index) }
                }
                previousRow = row
            }
        }
        let labels = [Self.label(limit), Self.label(0), Self.label(-limit)]
        let labelWidth = labels.map(\.count).max() ?? 0
        var out = ["mean x error (estimate − truth, px) against the true sub-pixel phase of x"]
        for row in 0..<height {
            let label = row == 0 ? labels[0] : row == height / 2 ? labels[1] : row == height - 1 ? labels[2] : ""
            let tick = row == 0 || row == height - 1 ? "┤" : row == height / 2 ? "┼" : "│"
            let padded = String(repeating: " ", count: labelWidth - label.count) + label
            out.append(padded + " " + tick + cells(canvas, row: row, zeroRow: row == height / 2))
        }
        out.append(String(repeating: " ", count: labelWidth + 1) + "└" + axisTicks())
        out.append(String(repeating: " ", count: labelWidth + 2) + axisLabels())
        out.append(String(repeating: " ", count: labelWidth + 2) + centred("true phase of x (x − ⌊x⌋)"))
        out.append(legend())
        return out
    }

    private func cells(_ canvas: Canvas, row: Int, zeroRow: Bool) -> String {
        (0..<width).map { column -> String in
            let cell = canvas.cells[row * width + column]
            guard let owner = cell.owner else { return zeroRow ? "·" : " " }
            let decoder = outcome.estimates[owner].decoder
            if !color { return String(decoder.glyph) }
            let braille = Character(UnicodeScalar(0x2800 + UInt32(cell.dots)) ?? " ")
            return "\u{1B}[\(Self.colors[owner % Self.colors.count])m\(braille)\u{1B}[0m"
        }.joined()
    }

    private func axisTicks() -> String {
        let quarters = Set((0...4).map { min(width - 1, $0 * (width - 1) / 4) })
        return String((0..<width).map { quarters.contains($0) ? "┬" : "─" })
    }

    private func axisLabels() -> String {
        var line = [Character](repeating: " ", count: width + 4)
        for (tick, text) in ["0", "0.25", "0.5", "0.75", "1"].enumerated() {
            let start = max(0, min(tick * (width - 1) / 4 - text.count / 2, line.count - text.count))
            for (offset, character) in text.enumerated() { line[start + offset] = character }
        }
        return String(line).trimmingCharacters(in: .whitespaces)
    }

    private func centred(_ text: String) -> String {
        String(repeating: " ", count: max(0, (width - text.count) / 2)) + text
    }

    private func legend() -> String {
        outcome.estimates.enumerated().map { index, run in
            let mark = color ? "\u{1B}[\(Self.colors[index % Self.colors.count])m━━\u{1B}[0m" : String(run.decoder.glyph)
            return "\(mark) \(run.decoder.name)"
        }.joined(separator: "   ")
    }

    /// The smallest of 0.01, 0.02, 0.05, 0.1, ... at or above `value` (0.01 for 0).
    static func niceLimit(_ value: Double) -> Double {
        var limit = 0.01
        while limit < value {
            for step in [2.0, 2.5, 2.0] where limit < value { limit *= step }
        }
        return limit
    }

    private static func label(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%+.2f", value)
    }

    /// Braille dots with the decoder that drew each character cell last.
    struct Canvas {
        let width: Int, height: Int
        var cells: [(dots: UInt8, owner: Int?)]

        init(width: Int, height: Int) {
            (self.width, self.height) = (width, height)
            cells = Array(repeating: (0, nil), count: width * height)
        }

        /// Dot `(column, row)` of the 2·width × 4·height grid.
        mutating func set(_ column: Int, _ row: Int, owner: Int) {
            guard column >= 0, row >= 0, column < width * 2, row < height * 4 else { return }
            let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
            let index = (row / 4) * width + column / 2
            cells[index].dots |= bits[column % 2][row % 4]
            cells[index].owner = owner
        }
    }
}
