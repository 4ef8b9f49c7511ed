import Subpix

extension ScriptViewSettings {
    /// The view fields a successful call of `builtin` sets for its input variable:
    ///
    /// - the ops and the field's decoders: `view.method`, and each argument the
    ///   call writes that is a view field under the same name (`temperature`,
    ///   `kernel_size`, `stride`, `padding`, `normalized_coordinates`,
    ///   `strict_maxima_bonus`, `n_iters`; a 3D window's depth goes to `depth_*`);
    ///   arguments left at kornia's default leave the view's value alone;
    /// - `compare(...)`: compare mode with everything it measured with — its
    ///   temperature, kernel (padding kernel // 2), `min_value`, and `top_k` = the
    ///   most true points of one map — so the panel's errors are its table's;
    /// - `keypoints(...)`: `top_k` and `min_value` as written, and no relative threshold.
    static func fields(of builtin: String, _ a: Arguments, session: Session) -> [(String, Value)] {
        func written(_ names: [String]) -> [(String, Value)] {
            names.filter(a.isGiven).map { ($0, a[$0]) }
        }
        func method(_ method: ViewMethod) -> (String, Value) { ("method", .string(method.rawValue)) }
        switch builtin {
        case "spatial_soft_argmax2d":
            return [method(.spatialSoftArgmax2d)] + written(["temperature", "normalized_coordinates"])
        case "conv_soft_argmax2d":
            return [method(.convSoftArgmax2d)] + written(["kernel_size", "stride", "padding", "temperature", "normalized_coordinates"])
        case "nms2d":
            return [method(.nms2d)] + written(["kernel_size"])
        case "conv_soft_argmax3d":
            let windows = ["kernel_size", "stride", "padding"].filter(a.isGiven).flatMap { depthSplit($0, a[$0]) }
            return [method(.convSoftArgmax3d)] + windows + written(["temperature", "normalized_coordinates", "strict_maxima_bonus"])
        case "conv_quad_interp3d":
            return [method(.convQuadInterp3d)] + written(["strict_maxima_bonus"])
        case "iterative_quad_interp3d":
            return [method(.iterativeQuadInterp3d)] + written(["n_iters"])
        case "refine_quarter": return [method(.quarter)]
        case "refine_dark": return [method(.dark)]
        case "refine_dark_udp": return [method(.darkUDP)]
        case "centroid_com": return [method(.centroidCOM)]
        case "centroid_quadratic": return [method(.quadratic)]
        case "subpixel_peak":
            let decoders: [String: ViewMethod] = ["parabolic": .parabola, "gaussian": .gaussian, "centroid": .centroid3]
            guard case .string(let name) = a["method"], let decoder = decoders[name] else { return [] }
            return [method(decoder)]
        case "compare":
            return compareFields(a, session: session)
        case "keypoints":
            return written(["top_k", "min_value"]).filter { $0.1 != .none } + [("threshold", .none)]
        default:
            return []
        }
    }

    /// `kernel_size=(3, 5, 5)` of a 3D op as `depth_kernel` 3 and `kernel_size` (5, 5).
    private static func depthSplit(_ name: String, _ value: Value) -> [(String, Value)] {
        let depthField = ["kernel_size": "depth_kernel", "stride": "depth_stride", "padding": "depth_padding"][name] ?? name
        if case .int = value { return [(depthField, value), (name, value)] }
        guard let items = value.items, items.count == 3 else { return [] }
        return [(depthField, items[0]), (name, .tuple(Array(items[1...])))]
    }

    /// What `compare(input, ...)` measured with, as view settings.
    private static func compareFields(_ a: Arguments, session: Session) -> [(String, Value)] {
        var fields: [(String, Value)] = [
            ("compare", .bool(true)), ("temperature", a["temperature"]), ("min_value", a["min_value"]),
            ("threshold", ViewSettings().threshold.map(Value.float) ?? .none),
        ]
        if let kernel = a["kernel_size"].items, kernel.count == 2, case .int(let h) = kernel[0], case .int(let w) = kernel[1] {
            fields += [("kernel_size", a["kernel_size"]), ("padding", .tuple([.int(h / 2), .int(w / 2)]))]
        }
        if let points = truthPerMap(a, session: session) { fields.append(("top_k", .int(Swift.max(1, points)))) }
        return fields
    }

    /// The most true points `compare` measures in one map: the peaks of a
    /// `gaussians(...)` input, or a `truth=` list (all in the first map).
    private static func truthPerMap(_ a: Arguments, session: Session) -> Int? {
        switch a["truth"] {
        case .none:
            guard let name = a.variableName("input") else { return nil }
            return session.groundTruth[name]?.count
        case .list(let items), .tuple(let items):
            return items.count
        default:
            return nil
        }
    }
}
