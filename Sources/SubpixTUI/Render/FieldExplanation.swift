import Foundation
import Subpix
import SubpixSession

/// The `x` pane for the field's decoders at the cursor pixel: the three samples
/// per axis and the parabola through them (the 3-point fits), the neighbours and
/// the quarter step, or DARK's gradient, Hessian and Newton step.
struct FieldExplanation {
    let method: KeypointMethod
    let tensor: AnyTensor
    let view: ViewSettings
    let x: Int, y: Int

    var lines: [String] {
        tensor.visit(lines, lines)
    }

    private func lines<S: SubpixScalar>(_ maps: Tensor<S>) -> [String] {
        guard maps.shape.count == 4, view.batch < maps.shape[0], view.channel < maps.shape[1] else {
            return ["\(method.name) needs a (B, C, H, W) map with the selected batch and channel"]
        }
        switch method.explanation {
        case .threePointFit(let fit):
            guard let samples = ThreePointSamples(maps, batch: view.batch, channel: view.channel, x: x, y: y) else {
                return ["pixel (\(x), \(y)) is on the border: OpenPIV gives NaN there"]
            }
            return threePointLines(samples, fit)
        case .darkStep(let udp):
            guard let step = DarkStep.at(maps, batch: view.batch, channel: view.channel, x: x, y: y, udp: udp) else {
                return ["pixel (\(x), \(y)) is too near the border: DARK needs 1 < x < W − 2 and 1 < y < H − 2"]
            }
            return darkLines(step, udp: udp)
        case .quarterStep:
            return quarterLines(maps)
        default:
            return ["\(method.name) uses the whole map (or a fit box around its maximum): nothing per pixel to show"]
        }
    }

    private func threePointLines<S: SubpixScalar>(_ samples: ThreePointSamples<S>, _ fit: SubpixelPeakMethod) -> [String] {
        let applied = samples.applied(fit)
        let logs = applied.fitsLogs
        var out = ["\(method.name) at pixel (\(x), \(y)); the decoder itself starts at the map's maximum", applied.curve]
        for (axis, centre, triple) in [("x", x, samples.row), ("y", y, samples.column)] {
            let values = [triple.0, triple.1, triple.2].map(Double.init)
            let fitted = logs ? values.map { Foundation.log($0) } : values
            let offset = Double(ThreePointSamples<S>.offset(triple, applied))
            out.append(String(format: "%@: samples at %d, %d, %d = %.4f  %.4f  %.4f%@", axis, centre - 1, centre, centre + 1,
                              values[0], values[1], values[2], logs ? String(format: "  (ln %.4f  %.4f  %.4f)", fitted[0], fitted[1], fitted[2]) : ""))
            out.append(String(format: "   shift %+.4f → %@ = %.4f", offset, axis, Double(centre) + offset))
            if applied.fitsCurve { out += Self.sketch(fitted, vertex: offset) }
        }
        return out
    }

    /// A 37 × 5 text plot of the parabola through samples at −1, 0, 1 (`o`), its curve (`·`)
    /// and its vertex (`|`).
    static func sketch(_ samples: [Double], vertex: Double) -> [String] {
        let (width, height) = (37, 5)
        let curve = { (t: Double) in samples[1] + (samples[2] - samples[0]) / 2 * t + (samples[0] - 2 * samples[1] + samples[2]) / 2 * t * t }
        let ts = (0..<width).map { -1.5 + 3 * Double($0) / Double(width - 1) }
        let values = ts.map(curve)
        let (low, high) = (values.min() ?? 0, values.max() ?? 1)
        let row = { (v: Double) in high > low ? Int(((high - v) / (high - low) * Double(height - 1)).rounded()) : height / 2 }
        var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
        for (column, value) in values.enumerated() where value.isFinite { grid[row(value)][column] = "·" }
        if vertex.isFinite, abs(vertex) <= 1.5 {
            let column = Int(((vertex + 1.5) / 3 * Double(width - 1)).rounded())
            for line in 0..<height where grid[line][column] == " " { grid[line][column] = "|" }
        }
        for (index, t) in [-1.0, 0, 1].enumerated() where samples[index].isFinite {
            grid[row(samples[index])][Int(((t + 1.5) / 3 * Double(width - 1)).rounded())] = "o"
        }
        return grid.map { "      " + String($0) }
    }

    private func darkLines<S: SubpixScalar>(_ step: DarkStep<S>, udp: Bool) -> [String] {
        let g = (Double(step.gradient.x), Double(step.gradient.y))
        let h = (Double(step.hessian.xx), Double(step.hessian.xy), Double(step.hessian.yy))
        var out = [!udp
                   ? "DARK at pixel (\(x), \(y)): L = log(max(blur(h), 1e-10)), blur kernel 11"
                   : "UDP at pixel (\(x), \(y)): L = log(clip(blur(h), 1e-3, 50)), edge padding, blur kernel 11",
                   String(format: "gradient g = (%.5f, %.5f)", g.0, g.1),
                   !udp ? "Hessian H (step-2 differences) =" : "Hessian H (step-1 differences, + ε on the diagonal) =",
                   String(format: "    %10.5f %10.5f", h.0, h.1), String(format: "    %10.5f %10.5f", h.1, h.2),
                   String(format: "det H = %.6g", h.0 * h.2 - h.1 * h.1)]
        guard let offset = step.newtonOffset else { return out + ["det H = 0: the point stays"] }
        out.append(String(format: "step −H⁻¹g = (%+.4f, %+.4f) → (%.4f, %.4f)", Double(offset.x), Double(offset.y),
                          Double(x) + Double(offset.x), Double(y) + Double(offset.y)))
        return out
    }

    private func quarterLines<S: SubpixScalar>(_ maps: Tensor<S>) -> [String] {
        let (height, width) = (maps.shape[2], maps.shape[3])
        let base = (view.batch * maps.shape[1] + view.channel) * height * width
        let at = { (yy: Int, xx: Int) -> Double in Double(maps.elements[base + yy * width + xx]) }
        var out = ["\(method.name) at pixel (\(x), \(y)): a 0.25 step toward the higher neighbour (mmpose's guards)"]
        if 1 < x, x < width - 1, 0 < y, y < height {
            let (left, right) = (at(y, x - 1), at(y, x + 1))
            out.append(String(format: "x: h[x−1] = %.4f, h[x+1] = %.4f → x̂ = %d %@ 0.25", left, right, x, right > left ? "+" : right < left ? "−" : "+ 0 ·"))
        } else { out.append("x: 1 < x < W − 1 fails, x stays") }
        if 1 < y, y < height - 1, 0 < x, x < width {
            let (up, down) = (at(y - 1, x), at(y + 1, x))
            out.append(String(format: "y: h[y−1] = %.4f, h[y+1] = %.4f → ŷ = %d %@ 0.25", up, down, y, down > up ? "+" : down < up ? "−" : "+ 0 ·"))
        } else { out.append("y: 1 < y < H − 1 fails, y stays") }
        return out
    }
}
