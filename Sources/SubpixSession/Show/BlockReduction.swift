/// How a block of data pixels becomes one screen pixel when a map is shown
/// smaller than it is (the viewer's pane, `show`'s inline picture).
public enum BlockReduction: String, Sendable, CaseIterable {
    /// The extreme of the block: the largest value, or on a signed map the one
    /// of largest magnitude, so a peak narrower than a screen pixel still shows.
    case max
    /// The block's mean (area averaging), which smooths noise but dims narrow peaks.
    case mean

    /// Reduces the pixels `xs × ys` that `value(x, y)` reads. A NaN or infinite
    /// pixel makes the result that value (the picture shows it, it never hides).
    public func reduce(xs: Range<Int>, ys: Range<Int>, signed: Bool, _ value: (Int, Int) -> Double) -> Double {
        var sum = 0.0, extreme = Double.nan
        for y in ys {
            for x in xs {
                let v = value(x, y)
                guard v.isFinite else { return v }
                switch self {
                case .mean: sum += v
                case .max: if extreme.isNaN || (signed ? Swift.abs(v) > Swift.abs(extreme) : v > extreme) { extreme = v }
                }
            }
        }
        return self == .mean ? sum / Double(Swift.max(1, xs.count * ys.count)) : extreme
    }
}
