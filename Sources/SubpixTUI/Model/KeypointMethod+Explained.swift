import Subpix

extension KeypointMethod.Explanation {
    /// What the `x` pane shows for this kind of explanation, and where the key
    /// table lists it; nil for the kinds with nothing to show per pixel.
    var shows: (order: Int, text: String)? {
        switch self {
        case .window: (0, "the window's values, exp weights, softmax weights, x̂ and ŷ")
        case .quadraticStep: (1, "gradient, Hessian, solved shift, the 0.7 rule")
        case .iteratedQuadraticSteps: (2, "each fit, its shift and the step to the neighbour voxel beyond max_subpixel_shift (0.6)")
        case .threePointFit: (3, "the three samples per axis and the fitted parabola")
        case .darkStep: (4, "gradient, Hessian and Newton step")
        case .quarterStep: (5, "the neighbours and the 0.25 step")
        case .wholeMap, .none: nil
        }
    }
}

extension KeypointMethod {
    /// Every method the `x` pane explains, grouped by what it shows:
    /// `conv_soft_argmax2d: the window's values, ...; dark/dark_udp: gradient, Hessian and Newton step; ...`.
    static var explained: String {
        let shown = all.compactMap { method in method.explanation.shows.map { (order: $0.order, text: $0.text, name: method.name) } }
        let groups = Dictionary(grouping: shown, by: \.order)
        let wholeMap = all.filter(WholeMapExplanation.explains).map(\.name).joined(separator: "/")
        return (groups.keys.sorted().compactMap { order in
            groups[order].map { group in group.map(\.name).joined(separator: "/") + ": " + group[0].text }
        } + [wholeMap + ": the sums over the map, the point and the cursor's share"]).joined(separator: "; ")
    }

    /// The methods whose explanation is `explanation`, as `a/b`.
    static func names(explainedBy explanation: Explanation) -> String {
        all.filter { $0.explanation == explanation }.map(\.name).joined(separator: "/")
    }

    /// The methods the viewer diagnoses when one is shown alone, as `a/b`.
    static var diagnosedNames: String {
        softArgmaxes.map(\.name).joined(separator: "/")
    }
}
