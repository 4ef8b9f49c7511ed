import Foundation
import Subpix
import SubpixSession

/// The `x` pane: the active method's formula with the numbers of the window,
/// voxel or pixel under the cursor plugged in.
struct ExplainPane {
    let model: ViewerModel

    /// The lines to show, or a one-line reason when the method has nothing to explain here.
    var lines: [String] {
        let view = model.session.view
        guard let slice = model.slice else { return ["no tensor"] }
        if WholeMapExplanation.explains(view.method) {
            return WholeMapExplanation(method: view.method, slice: slice, view: view, x: model.cursorX, y: model.cursorY).lines
        }
        switch view.method.explanation(in: view.kornia) {
        case .window: return windowLines(slice, view)
        case .quadraticStep: return quadLines(view)
        case .iteratedQuadraticSteps: return iterativeLines(view)
        case .threePointFit, .darkStep, .quarterStep, .wholeMap:
            guard let tensor = model.viewed?.tensor else { return ["no tensor"] }
            return FieldExplanation(method: view.method, tensor: tensor, view: view, x: model.cursorX, y: model.cursorY).lines
        case .none:
            return ["x explains \(KeypointMethod.names(explainedBy: .window)) (a window), the quad-interp methods (a voxel), the field's",
                    "decoders (samples, parabola, DARK's step) and the whole-map sums of spatial_soft_argmax2d and centroid_com:",
                    "press m to select one; the cursor picks the pixel."]
        }
    }

    private func grid(_ rows: [[Double?]], _ format: String) -> [String] {
        rows.map { "    " + $0.map { $0.map { String(format: format, $0) } ?? "     ·" }.joined(separator: " ") }
    }

    private func windowLines(_ slice: MapSlice, _ view: ViewSettings) -> [String] {
        let (cx, cy) = (model.cursorX, model.cursorY)
        guard let weights = WindowWeights(slice, x: cx, y: cy, view: view) else { return ["windows larger than 7×7 are not shown"] }
        let (kh, kw) = (view.kernelSize[0], view.kernelSize[1])
        // kornia 0.9 takes each window's softmax on its own; 0.7.4 subtracts the map's maximum and adds eps.
        let perWindow = view.kornia >= .v0_9
        var lines = [String(format: "window %d×%d centred on (%d, %d), T = %.4g (divides), kornia %@", kh, kw, cx, cy, view.temperature, view.kornia.rawValue),
                     "values x:"] + grid(weights.values, "%6.3f")
        lines += [perWindow ? "e = exp((x − window max) / T):" : "e = exp((x − map max) / T):"] + grid(weights.exponentials, "%6.3f")
        lines += [perWindow ? "p = e / Σe:" : "p = e / (Σe + eps):"] + grid(weights.rows, "%6.3f")
        let (window, columns) = (weights.window, weights.axes[1])
        lines.append("offsets \(columns.offsets.formula): x " + columns.cellOffsets.map { String(format: "%.2g", $0) }.joined(separator: " "))
        for (axis, name) in [(0, "x̂"), (1, "ŷ")] {
            let centre = String(format: "%.10g", window.centre[axis])
            lines.append("\(name) = \(centre) + Σ p·offset_\(axis == 0 ? "x" : "y") = \(centre) "
                         + String(format: "%+.4f = %.4f", window.meanOffset[axis], window.coordinate[axis]))
        }
        return lines
    }

    /// kornia 0.9's loop: fit, solve, step one voxel along each axis whose |δ| exceeds
    /// max_subpixel_shift, fit again — until the centre stays put or n_iters run out.
    private func iterativeLines(_ view: ViewSettings) -> [String] {
        guard let tensor = model.viewed?.tensor, tensor.shape.count == 5 else { return ["quad-interp needs a (B, C, D, H, W) volume"] }
        let (cx, cy, depth) = (model.cursorX, model.cursorY, view.depth)
        func trace<S: SubpixScalar>(_ volume: Tensor<S>) -> IterativeQuadTrace? {
            IterativeQuadTrace(volume, batch: view.batch, channel: view.channel, depth: depth, y: cy, x: cx, nIters: view.nIters)
        }
        guard let trace = tensor.visit(trace, trace) else {
            return ["the volume is too small for a 3×3×3 fit"]
        }
        func vector(_ v: [Double]) -> String { "(" + v.map { String(format: "%.3g", $0) }.joined(separator: ", ") + ")" }
        func voxel(_ c: [Int]) -> String { "(\(c[2]), \(c[1]), \(c[0]))" }
        var lines = [String(format: "%@: n_iters %d, max_subpixel_shift %.2g", view.method.name, view.nIters, trace.maxSubpixelShift),
                     "the loop at the cursor, voxels as (x, y, scale); the op runs",
                     "it at strict 3×3×3 maxima"]
        for (index, step) in trace.iterations.enumerated() {
            lines.append("\(index + 1). at \(voxel(step.centre)) g = \(vector(step.gradient))")
            guard let shift = step.shift else {
                lines.append("   H is singular: no shift; the voxel is kept")
                break
            }
            let moves = zip(["x", "y", "s"], shift).filter { abs($0.1) > trace.maxSubpixelShift }.map { "\($0.0)\($0.1 > 0 ? "+1" : "−1")" }
            guard let next = step.next else {
                lines.append("   δ = \(vector(shift)): a step would reach the border; kept")
                break
            }
            lines.append("   δ = \(vector(shift)) " + (moves.isEmpty ? "→ all |δ| ≤ \(String(format: "%.2g", trace.maxSubpixelShift)): stays"
                                                                 : "→ \(moves.joined(separator: " ")): \(voxel(next))"))
        }
        if let point = trace.refined {
            lines.append(String(format: "refined → (%.3f, %.3f, %.3f)", point[1], point[2], point[0]))
            lines.append(String(format: "value f + ½ gᵀδ = %.5g", point[3]))
        } else if let last = trace.iterations.last, let next = last.next {
            lines.append(next != last.centre ? "not refined: still moving after n_iters; kept" : "not refined: a final |δ| > 1.5; kept")
        }
        return lines
    }

    private func quadLines(_ view: ViewSettings) -> [String] {
        guard let tensor = model.viewed?.tensor, tensor.shape.count == 5 else { return ["quad-interp needs a (B, C, D, H, W) volume"] }
        let (cx, cy, depth) = (model.cursorX, model.cursorY, view.depth)
        func explain<S: SubpixScalar>(_ volume: Tensor<S>) -> QuadraticStep? {
            QuadraticStep(volume, batch: view.batch, channel: view.channel, depth: depth, y: cy, x: cx)
        }
        guard let step = tensor.visit(explain, explain) else {
            return ["voxel (\(cx), \(cy), \(depth)) touches the border: no 3×3×3 neighbourhood"]
        }
        func vector(_ v: [Double]) -> String { "(" + v.map { String(format: "%.4g", $0) }.joined(separator: ", ") + ")" }
        var lines = [String(format: "voxel x %d, y %d, scale %d: f = %.5g", cx, cy, depth, step.value),
                     "gradient g (x, y, s) = " + vector(step.gradient), "Hessian H ="]
        lines += step.hessian.map { "    " + $0.map { String(format: "%9.4g", $0) }.joined(separator: " ") }
        guard let shift = step.shift else { return lines + ["H is singular: no shift"] }
        lines.append("solve H·d = −g:  d = " + vector(shift))
        let largest = shift.map(abs).max() ?? 0
        lines.append(step.rejected
            ? String(format: "max |d| = %.3f > 0.7: rejected, the extremum belongs to a neighbour", largest)
            : String(format: "max |d| = %.3f ≤ 0.7: accepted → (%.3f, %.3f, %.3f)", largest, Double(cx) + shift[0], Double(cy) + shift[1], Double(depth) + shift[2]))
        lines.append(String(format: "value f + ½ gᵀd = %.5g", step.interpolatedValue))
        return lines
    }
}
