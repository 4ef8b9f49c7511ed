import Subpix
import SubpixLanguage

extension ScriptViewSettings {
    /// The view fields a successful call of `builtin` sets for its input variable:
    ///
    /// - the call a keypoint method is selected by (``KeypointMethod/scriptCall``):
    ///   `view.method`, and each argument the call writes that is a setting of the
    ///   method under the same name (``KeypointMethod/Setting/fieldNames``, and
    ///   `normalized_coordinates`; a 3D window's depth goes to `depth_*`);
    ///   arguments left at kornia's default leave the view's value alone;
    /// - `compare(...)`: compare mode with everything it measured with — its
    ///   temperature, kernel (padding kernel // 2), `min_value`, and `top_k` = the
    ///   most true points of one map — so the panel's errors are its table's;
    /// - `keypoints(...)`: `top_k` and `min_value` as written, and no relative threshold.
    static func fields(of builtin: String, _ a: Arguments, session: Session) -> [(String, Value)] {
        func written(_ names: [String]) -> [(String, Value)] {
            names.filter(a.isGiven).map { ($0, a[$0]) }
        }
        if let method = KeypointMethod.all.first(where: { selects($0.scriptCall, builtin, a) }) {
            let settings = method.settings.flatMap(\.fieldNames) + ["normalized_coordinates"]
            let window = ["kernel_size", "stride", "padding"]
            guard method.settings.contains(.depthWindow) else { return [("method", .string(method.name))] + written(settings) }
            // A 3D window: its depth goes to depth_*.
            return [("method", .string(method.name))] + window.filter(a.isGiven).flatMap { depthSplit($0, a[$0]) }
                + written(settings.filter { !window.contains($0) })
        }
        switch builtin {
        case "compare":
            return compareFields(a, session: session)
        case "keypoints":
            return written(["top_k", "min_value"]).filter { $0.1 != .none } + [("threshold", .none)]
        default:
            return []
        }
    }

    /// Whether a call of `builtin` with `a` is `call`: its op, and its choice argument when it has one.
    private static func selects(_ call: KeypointMethod.ScriptCall, _ builtin: String, _ a: Arguments) -> Bool {
        guard call.op == builtin else { return false }
        guard let choice = call.choice else { return true }
        return a[choice.parameter] == .string(choice.value)
    }

    /// `kernel_size=(3, 5, 5)` of a 3D op as `depth_kernel` 3 and `kernel_size` (5, 5).
    static func depthSplit(_ name: String, _ value: Value) -> [(String, Value)] {
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

extension KeypointMethod.Setting {
    /// The `view.<field>` names of the setting.
    var fieldNames: [String] {
        switch self {
        case .temperature: ["temperature"]
        case .kernelSize: ["kernel_size"]
        case .stride: ["stride"]
        case .padding: ["padding"]
        case .depthWindow: ["depth_kernel", "depth_stride", "depth_padding"]
        case .strictMaximaBonus: ["strict_maxima_bonus"]
        case .nIters: ["n_iters"]
        case .threshold: ["threshold"]
        case .minValue: ["min_value"]
        case .topK: ["top_k"]
        }
    }
}
