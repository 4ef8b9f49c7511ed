import Subpix
import SubpixPictures

/// A small shaded picture of one 2D map for `show`: area-averaged down to at
/// most `maxWidth` columns, drawn with ANSI 256-colour half blocks (two rows
/// per line) on a terminal, or with the ``AsciiRamp`` otherwise.
public enum InlineHeatmap {
    /// The first 2D map of `tensor` (index 0 on every leading axis) as text lines.
    public static func render(_ tensor: AnyTensor, maxWidth: Int = 48, color: Bool) -> [String] {
        let shape = tensor.shape
        guard shape.count >= 2, let width = shape.last, width > 0, shape[shape.count - 2] > 0 else { return [] }
        let height = shape[shape.count - 2]
        let values = Array(tensor.doubles.prefix(height * width))
        let columns = min(width, maxWidth)
        let rows = max(1, Int((Double(height) * Double(columns) / Double(width) / (color ? 1 : 2)).rounded()))
        let cells = resample(values, height: height, width: width, rows: color ? rows + rows % 2 : rows, columns: columns)
        let finite = cells.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        func level(_ v: Double, _ steps: Int) -> Int? {
            guard v.isFinite else { return nil }
            return high > low ? min(steps - 1, Int((v - low) / (high - low) * Double(steps))) : steps / 2
        }
        if !color {
            return stride(from: 0, to: cells.count, by: columns).map { start in
                String(cells[start..<(start + columns)].map { v in level(v, AsciiRamp.characters.count).map { AsciiRamp.characters[$0] } ?? "?" })
            }
        }
        // Gray ramp 232...255 of the 256-colour palette; NaN/inf in red (196).
        func code(_ v: Double) -> Int { level(v, 24).map { 232 + $0 } ?? 196 }
        return stride(from: 0, to: cells.count, by: 2 * columns).map { start in
            (0..<columns).map { column in
                "\u{1B}[38;5;\(code(cells[start + column]))m\u{1B}[48;5;\(code(cells[start + columns + column]))m▀"
            }.joined() + "\u{1B}[0m"
        }
    }

    /// Area averaging of an `height × width` map to `rows × columns` (NaN-propagating).
    public static func resample(_ values: [Double], height: Int, width: Int, rows: Int, columns: Int) -> [Double] {
        var out = [Double](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            let top = row * height / rows, bottom = min(height, max(top + 1, (row + 1) * height / rows))
            for column in 0..<columns {
                let left = column * width / columns, right = min(width, max(left + 1, (column + 1) * width / columns))
                out[row * columns + column] = BlockReduction.mean.reduce(xs: left..<right, ys: top..<bottom, signed: false) { x, y in
                    values[y * width + x]
                }
            }
        }
        return out
    }
}
