/// The softmax numerators of the input rows that one block of output rows reads:
/// for every plane of a map and every row in `rows`, `e = exp((x − peak) / T)`
/// and, when values are wanted, `e·x`. Each input element is exponentiated once.
final class ExponentialRows<S: SubpixScalar> {
    /// The input rows held, the same for every plane.
    let rows: Range<Int>
    /// Elements per row.
    let width: Int
    let exponentials: UnsafeMutablePointer<S>
    /// `e·x` per element; `nil` when values are not wanted.
    let products: UnsafeMutablePointer<S>?

    /// Exponentiates `rows` of every one of the `planes` planes of the map `x`
    /// (`planes × height × width`, row-major).
    init(map x: UnsafePointer<S>, planes: Int, height: Int, rows: Range<Int>, width: Int,
         peak: S, temperature: S, products wanted: Bool) {
        self.rows = rows
        self.width = width
        let count = planes * rows.count * width
        exponentials = .allocate(capacity: count)
        products = wanted ? .allocate(capacity: count) : nil
        for plane in 0..<planes {
            for row in rows {
                let line = x + (plane * height + row) * width
                let target = offset(plane: plane, row: row)
                S.exponentials(line, count: width, scale: 1 / temperature, offset: peak / temperature, into: exponentials + target)
                if let products {
                    let (e, p) = (exponentials + target, products + target)
                    for column in 0..<width { p[column] = e[column] * line[column] }
                }
            }
        }
    }

    deinit {
        exponentials.deallocate()
        products?.deallocate()
    }

    /// Where input row `row` of `plane` starts in ``exponentials`` and ``products``.
    @inline(__always) func offset(plane: Int, row: Int) -> Int {
        (plane * rows.count + row - rows.lowerBound) * width
    }
}
