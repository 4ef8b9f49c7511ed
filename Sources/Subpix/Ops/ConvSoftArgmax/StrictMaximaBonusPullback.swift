/// The strict-maxima bonus of `conv_soft_argmax3d` in the backward pass:
/// `value = v · (1 + bonus · x(c))` where the centre voxel `c` of the window is
/// a strict maximum (kornia 0.7.4's rule, read at each window's own centre as
/// the forward does).
struct StrictMaximaBonusPullback<S: SubpixScalar> {
    let bonus: S
    let maxima: Mask
    /// Per map, each output window whose centre voxel is a strict maximum, with that voxel.
    let centres: [(output: Int, input: Int)]
    let inputMap: Int
    let outputMap: Int

    init(bonus: S, maxima: Mask, axes: [WindowAxis]) {
        self.bonus = bonus
        self.maxima = maxima
        let (depth, height, width) = (axes[0], axes[1], axes[2])
        inputMap = depth.length * height.length * width.length
        outputMap = depth.outputs * height.outputs * width.outputs
        var centres: [(output: Int, input: Int)] = []
        for od in 0..<depth.outputs {
            for oy in 0..<height.outputs {
                for ox in 0..<width.outputs {
                    guard let d = depth.centreCell(od), let y = height.centreCell(oy), let x = width.centreCell(ox) else { continue }
                    centres.append(((od * height.outputs + oy) * width.outputs + ox, (d * height.length + y) * width.length + x))
                }
            }
        }
        self.centres = centres
    }

    /// The cotangent of the pooled values `v`: `v̄ · (1 + bonus · x(c))` at strict maxima, `v̄` elsewhere.
    func windowCotangent(_ values: Tensor<S>, input: Tensor<S>) -> Tensor<S> {
        var scaled = values.elements
        forEachMaximum(maps: values.count / outputMap) { output, voxel in
            scaled[output] *= 1 + bonus * input.elements[voxel]
        }
        return Tensor(uncheckedShape: values.shape, elements: scaled)
    }

    /// Adds `v̄ · v · bonus` to the gradient of each strict-maximum centre voxel.
    func addCentreGradient(_ values: Tensor<S>, pooled: Tensor<S>, to gradient: inout Tensor<S>) {
        var elements = gradient.elements
        forEachMaximum(maps: values.count / outputMap) { output, voxel in
            elements[voxel] += values.elements[output] * pooled.elements[output] * bonus
        }
        gradient = Tensor(uncheckedShape: gradient.shape, elements: elements)
    }

    private func forEachMaximum(maps: Int, _ body: (_ output: Int, _ voxel: Int) -> Void) {
        for map in 0..<maps {
            for centre in centres where maxima.elements[map * inputMap + centre.input] {
                body(map * outputMap + centre.output, map * inputMap + centre.input)
            }
        }
    }
}
