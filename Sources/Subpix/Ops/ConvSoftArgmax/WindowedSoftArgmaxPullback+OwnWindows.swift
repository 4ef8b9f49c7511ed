/// The gradient of the kornia 0.9 windows that the forward computed on their own
/// (``WindowedSoftArgmax/ownWindows(_:rows:into:kernel:band:)``): with the window's softmax
/// `p = e / Σ e` (`e` from the window's own maximum), offsets `o_a` and normalisation
/// factors `f_a`, coordinates `c_a` and value `v = Σ p·x`, for cotangents `ḡ_a` and `v̄`
///
///     x̄(k) += p(k) · (Σ_a f_a · ḡ_a · (o_a(k) − Σ p·o_a) / T + v̄ · (1 + (x(k) − v) / T))
///
/// over the window's cells `k` inside the map.
extension WindowedSoftArgmaxPullback {
    func addOwnWindowGradients(
        _ input: Tensor<S>, _ windows: [Int], cotangents: (coords: Tensor<S>, values: Tensor<S>?), into gradient: inout Tensor<S>
    ) {
        let (axes, outputMap, mapSize) = (coordinateAxes, outputMap, mapSize)
        let (rows, columns) = (forward.height.outputs, forward.width.outputs)
        let volumetric = forward.volumetric
        let coords = cotangents.coords.elements
        input.withUnsafeBufferPointer { x in
            gradient.withUnsafeMutableBufferPointer { gradient in
                guard let x = x.baseAddress, let gradient = gradient.baseAddress else { return }
                for flat in windows {
                    let (map, local) = flat.quotientAndRemainder(dividingBy: outputMap)
                    let (od, plane) = local.quotientAndRemainder(dividingBy: rows * columns)
                    let (oy, ox) = plane.quotientAndRemainder(dividingBy: columns)
                    let base = map * axes * outputMap + local
                    let cotangent = (d: volumetric ? coords[base] : 0, x: coords[base + (volumetric ? 1 : 0) * outputMap],
                                     y: coords[base + (volumetric ? 2 : 1) * outputMap], value: cotangents.values?.elements[flat] ?? 0)
                    let window = OwnWindow(forward, x + map * mapSize, od: od, oy: oy, ox: ox)
                    addGradient(of: window, cotangent: cotangent, into: gradient + map * mapSize)
                }
            }
        }
    }

    private func addGradient(of window: OwnWindow<S>, cotangent: (d: S, x: S, y: S, value: S), into gradient: UnsafeMutablePointer<S>) {
        let sums = window.sums
        let reciprocal = 1 / sums.mass
        let (axes, inverseT) = (window.axes, 1 / forward.temperature)
        let mean = (d: axes.d.meanOffset(mass: sums.mass, moment: sums.d, reciprocal: reciprocal),
                    x: axes.x.meanOffset(mass: sums.mass, moment: sums.x, reciprocal: reciprocal),
                    y: axes.y.meanOffset(mass: sums.mass, moment: sums.y, reciprocal: reciprocal))
        let pooled = sums.value * reciprocal
        let weighted = (d: cotangent.d * axes.d.factor, x: cotangent.x * axes.x.factor, y: cotangent.y * axes.y.factor)
        window.forEachCell { cell, taps, e in
            let offsets = (d: axes.d.scale * S(taps.d) - axes.d.shift - mean.d, x: axes.x.scale * S(taps.x) - axes.x.shift - mean.x,
                           y: axes.y.scale * S(taps.y) - axes.y.shift - mean.y)
            let coordinates = (weighted.d * offsets.d + weighted.x * offsets.x + weighted.y * offsets.y) * inverseT
            gradient[cell] += e * reciprocal * (coordinates + cotangent.value * (1 + (window.map[cell] - pooled) * inverseT))
        }
    }
}

extension Tensor where Element: SubpixScalar {
    /// This tensor with zeros at `indices` of each of its `planes` per map: a flat
    /// index `m · planeSize + i` names element `i` of every plane of map `m`.
    func zeroing(_ indices: [Int], planes: Int, planeSize: Int) -> Tensor {
        var elements = self.elements
        for flat in indices {
            let (map, local) = flat.quotientAndRemainder(dividingBy: planeSize)
            for plane in 0..<planes { elements[(map * planes + plane) * planeSize + local] = 0 }
        }
        return Tensor(uncheckedShape: shape, elements: elements)
    }
}
