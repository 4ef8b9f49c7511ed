import Subpix

/// `view.<field>` reads and writes: each ``ViewSettings`` field by its
/// snake_case name, validated so that an invalid value changes nothing.
public enum ViewSettingsFields {
    /// The field names, in the order `help(view)` lists them.
    public static let names = [
        "input", "method", "compare", "temperature", "kernel_size", "stride", "padding",
        "depth_kernel", "depth_stride", "depth_padding", "normalized_coordinates", "strict_maxima_bonus",
        "n_iters", "batch", "channel", "depth", "depth_band", "top_k", "min_value", "palette",
    ]

    static func value(of field: String, in view: ViewSettings) throws -> Value {
        switch field {
        case "input": view.input.map { .string($0) } ?? .none
        case "method": .string(view.method.rawValue)
        case "compare": .bool(view.compare)
        case "temperature": .float(view.temperature)
        case "kernel_size": .tuple(view.kernelSize.map { .int($0) })
        case "stride": .tuple(view.stride.map { .int($0) })
        case "padding": .tuple(view.padding.map { .int($0) })
        case "depth_kernel": .int(view.depthKernel)
        case "depth_stride": .int(view.depthStride)
        case "depth_padding": .int(view.depthPadding)
        case "normalized_coordinates": .bool(view.normalizedCoordinates)
        case "strict_maxima_bonus": view.strictMaximaBonus.map { .float($0) } ?? .none
        case "n_iters": .int(view.nIters)
        case "batch": .int(view.batch)
        case "channel": .int(view.channel)
        case "depth": .int(view.depth)
        case "depth_band": .int(view.depthBand)
        case "top_k": .int(view.topK)
        case "min_value": view.minValue.map { .float($0) } ?? .none
        case "palette": .string(view.palette.rawValue)
        default: throw unknown(field)
        }
    }

    /// `view` with `field` set to `value`, after checking the whole result.
    static func setting(_ field: String, to value: Value, in view: ViewSettings) throws -> ViewSettings {
        let arguments = FieldValue(field: field, value: value)
        var next = view
        switch field {
        case "input": next.input = try arguments.optionalString()
        case "method":
            let name = try arguments.string()
            guard let method = ViewMethod(rawValue: name) else {
                throw ScriptError("view.method: expected one of \(ViewMethod.allCases.map(\.rawValue).joined(separator: ", ")), got '\(name)'")
            }
            next.method = method
        case "compare": next.compare = try arguments.bool()
        case "temperature": next.temperature = try arguments.positive()
        case "kernel_size": next.kernelSize = try arguments.pair()
        case "stride": next.stride = try arguments.pair()
        case "padding": next.padding = try arguments.pair(allowZero: true)
        case "depth_kernel": next.depthKernel = try arguments.int(minimum: 1)
        case "depth_stride": next.depthStride = try arguments.int(minimum: 1)
        case "depth_padding": next.depthPadding = try arguments.int(minimum: 0)
        case "normalized_coordinates": next.normalizedCoordinates = try arguments.bool()
        case "strict_maxima_bonus": next.strictMaximaBonus = try arguments.optionalNumber()
        case "n_iters": next.nIters = try arguments.int(minimum: 0)
        case "batch": next.batch = try arguments.int(minimum: 0)
        case "channel": next.channel = try arguments.int(minimum: 0)
        case "depth": next.depth = try arguments.int(minimum: 0)
        case "depth_band": next.depthBand = try arguments.int(minimum: 0)
        case "top_k": next.topK = try arguments.int(minimum: 1)
        case "min_value": next.minValue = try arguments.optionalNumber()
        case "palette":
            let name = try arguments.string()
            guard let palette = PaletteName(rawValue: name) else {
                throw ScriptError("view.palette: expected one of \(PaletteName.allCases.map(\.rawValue).joined(separator: ", ")), got '\(name)'")
            }
            next.palette = palette
        default: throw unknown(field)
        }
        try validate(next)
        return next
    }

    /// Checks the window: padding at most half the kernel on every axis.
    static func validate(_ view: ViewSettings) throws {
        for axis in 0..<2 where view.padding[axis] > view.kernelSize[axis] / 2 {
            throw ScriptError(
                "view: padding \(formatShape(view.padding)) exceeds half the kernel \(formatShape(view.kernelSize)); lower the padding first")
        }
        if view.depthPadding > view.depthKernel / 2 {
            throw ScriptError("view: depth_padding \(view.depthPadding) exceeds half the depth_kernel \(view.depthKernel)")
        }
    }

    private static func unknown(_ field: String) -> ScriptError {
        let hint = Suggestion.closest(to: field, among: names).map { "did you mean '\($0)'? " } ?? ""
        return ScriptError("view has no setting '\(field)'; \(hint)settings: \(names.joined(separator: ", "))")
    }
}

/// One value assigned to a view field, with checks that name the field.
private struct FieldValue {
    let field: String
    let value: Value

    private func error(_ expectation: String) -> ScriptError {
        ScriptError("view.\(field): expected \(expectation), got \(value.repr)")
    }

    func string() throws -> String {
        guard case .string(let text) = value else { throw error("a string") }
        return text
    }

    func optionalString() throws -> String? {
        if case .none = value { return nil }
        return try string()
    }

    func bool() throws -> Bool {
        guard case .bool(let flag) = value else { throw error("True or False") }
        return flag
    }

    func positive() throws -> Double {
        guard let number = value.number, number > 0, number.isFinite else { throw error("a number > 0") }
        return number
    }

    func optionalNumber() throws -> Double? {
        if case .none = value { return nil }
        guard let number = value.number, number.isFinite else { throw error("a number or None") }
        return number
    }

    func int(minimum: Int) throws -> Int {
        guard case .int(let number) = value, number >= minimum else { throw error("an integer >= \(minimum)") }
        return number
    }

    /// `(h, w)` or one integer for both axes.
    func pair(allowZero: Bool = false) throws -> [Int] {
        let minimum = allowZero ? 0 : 1
        if case .int(let single) = value, single >= minimum { return [single, single] }
        guard let items = value.items, items.count == 2,
              case .int(let h) = items[0], case .int(let w) = items[1], h >= minimum, w >= minimum
        else { throw error("two integers >= \(minimum), e.g. (3, 3)") }
        return [h, w]
    }
}
