import Foundation
import Subpix
import SubpixSession

/// The `x` pane for the methods that take one point from the whole map: the
/// spatial soft-argmax's softmax expectation and photutils' centre of mass,
/// with the sums over the map and the cursor pixel's share of them. Worked out
/// here in doubles from the shown map, independently of the ops.
struct WholeMapExplanation {
    let method: KeypointMethod
    let slice: MapSlice
    let view: ViewSettings
    let x: Int, y: Int

    /// The methods explained here.
    static func explains(_ method: KeypointMethod) -> Bool { method == .spatialSoftArgmax2d || method == .centroidCOM }

    var lines: [String] {
        method == .centroidCOM ? centreOfMassLines : softArgmaxLines
    }

    /// Every pixel with its weight, NaN and ±inf left out (as both ops do for their sums).
    private func weighted(_ weight: (Double) -> Double) -> (total: Double, x: Double, y: Double) {
        var (total, sumX, sumY) = (0.0, 0.0, 0.0)
        for row in 0..<slice.height {
            for column in 0..<slice.width where slice[column, row].isFinite {
                let w = weight(slice[column, row])
                (total, sumX, sumY) = (total + w, sumX + w * Double(column), sumY + w * Double(row))
            }
        }
        return (total, sumX, sumY)
    }

    private var centreOfMassLines: [String] {
        let sums = weighted { $0 }
        let here = slice[x, y]
        var lines = ["centroid_com: x̂ = Σ x·h / Σ h,  ŷ = Σ y·h / Σ h",
                     "over all \(slice.width)×\(slice.height) pixels (photutils: no threshold, so",
                     "the background pulls it toward the map's centre)",
                     String(format: "Σ h = %.6g  Σ x·h = %.6g  Σ y·h = %.6g", sums.total, sums.x, sums.y)]
        guard abs(sums.total) >= 1e-30 else { return lines + ["|Σ h| < 1e-30: the centroid is NaN (no keypoint)"] }
        lines.append(String(format: "→ (%.4f, %.4f)", sums.x / sums.total, sums.y / sums.total))
        lines.append(String(format: "cursor (%d, %d): h = %.4g, h / Σ h = %.4g", x, y, here, here / sums.total))
        return lines
    }

    private var softArgmaxLines: [String] {
        let multiplies = method.temperatureMultiplies(in: view.kornia)
        let scale = multiplies ? view.temperature : 1 / view.temperature
        let peak = slice.high
        let sums = weighted { exp(($0 - peak) * scale) }
        let (meanX, meanY) = (sums.x / sums.total, sums.y / sums.total)
        var lines = ["spatial_soft_argmax2d: p = " + (multiplies ? "softmax(T · x)" : "softmax(x / T)"),
                     String(format: "over all %d×%d pixels, T = %.4g (%@)", slice.width, slice.height, view.temperature,
                            multiplies ? "multiplies: kornia 0.7" : "divides"),
                     String(format: "Σ exp((x − %.4g) %@ T) = %.6g", peak, multiplies ? "·" : "/", sums.total),
                     String(format: "→ (%.4f, %.4f): x̂ = Σ p·x, ŷ = Σ p·y in pixels", meanX, meanY),
                     String(format: "normalised to [-1, 1]: (%.4f, %.4f)", normalised(meanX, slice.width), normalised(meanY, slice.height))]
        let here = slice[x, y]
        let p = here.isFinite ? exp((here - peak) * scale) / sums.total : 0
        lines.append(String(format: "cursor (%d, %d): x = %.4g, p = %.4g", x, y, here, p))
        if let top = slice.peak {
            lines.append(String(format: "maximum (%d, %d): p = %.4g (a flat softmax spreads", top.x, top.y, 1 / sums.total))
            lines.append("p over the map and pulls x̂, ŷ toward its centre)")
        }
        return lines
    }

    /// kornia's pixel → [-1, 1]: `2 · x / (size − 1) − 1`.
    private func normalised(_ value: Double, _ size: Int) -> Double { size > 1 ? 2 * value / Double(size - 1) - 1 : 0 }
}
