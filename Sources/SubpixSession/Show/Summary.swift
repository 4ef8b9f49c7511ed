import Foundation
import Subpix

/// One-line summaries of tensors: shape, dtype, min, max, mean (NaN/inf counted apart).
public enum Summary {
    public static func line(_ name: String?, _ tensor: AnyTensor) -> String {
        let values = tensor.doubles
        let finite = values.filter(\.isFinite)
        let prefix = name.map { "\($0): " } ?? ""
        var text = "\(prefix)tensor \(formatShape(tensor.shape)) \(tensor.dtype)"
        if let low = finite.min(), let high = finite.max() {
            let mean = finite.reduce(0, +) / Double(finite.count)
            text += String(format: "  min %.4g  max %.4g  mean %.4g", low, high, mean)
        }
        let bad = values.count - finite.count
        if bad > 0 { text += "  (\(bad) NaN/inf)" }
        return text
    }
}
