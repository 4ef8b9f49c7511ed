import Subpix
import SubpixLanguage
import SubpixPictures

/// One field of ``ViewSettings`` as scripts see it: `view.<name>`.
public struct ViewSettingField: Sendable {
    /// The snake_case name (`kernel_size`).
    public let name: String
    /// What it sets and which values it takes, for `help(view)` and the docs.
    public let doc: String
    /// The field of a view, as the change that sets it to that value.
    let current: @Sendable (ViewSettings) -> ViewChange
    let write: @Sendable (inout ViewSettings, FieldValue, Session) throws -> Void

    /// The field's value in `view`, as a script reads it.
    func read(_ view: ViewSettings) -> Value { current(view).value }
}

/// `view.<field>` reads and writes: each ``ViewSettings`` field by its
/// snake_case name, checked so that an invalid value changes nothing. The
/// rules are the same for a statement and for a typed ``ViewChange``:
///
/// ```swift
/// try session.execute("view.temperature = 2.5")
/// try session.apply([.kernelSize([5, 5])])
/// ```
public enum ViewSettingsFields {
    /// Every field, in the order `help(view)` lists them: what is shown, the
    /// methods' settings (derived from their kornia parameters), then the viewer's own.
    public static let all: [ViewSettingField] = subject + MethodSettingFields.all + viewer

    /// What the viewer shows: the tensor, the method, all methods at once.
    private static let subject: [ViewSettingField] = [
        field("name of the tensor variable shown (None: the last assigned tensor)", { .input($0.input) }) { view, value, session in
            view.input = try value.optionalString()
            if let name = view.input, session.tensor(named: name) == nil {
                throw ScriptError("view.input: expected the name of a tensor variable, got '\(name)'\(session.tensorHint(for: name))")
            }
        },
        field("keypoint method: " + KeypointMethod.all.map(\.name).joined(separator: ", "), { .method($0.method) }) { view, value, _ in
            let name = try value.choice(among: KeypointMethod.all.map(\.name))
            view.method = try KeypointMethod.named(name) ?? { throw ScriptError("view.method: no method '\(name)'") }()
        },
        field("overlay every applicable method at once (True/False)", { .compare($0.compare) }) { view, value, _ in
            view.compare = try value.bool()
        },
    ]

    /// The viewer's own settings: the selection, the keypoint filters, the picture.
    private static let viewer: [ViewSettingField] = [
        field("selected batch index, >= 0", { .batch($0.batch) }) { view, value, _ in
            view.batch = try value.int(minimum: 0)
        },
        field("selected channel index, >= 0", { .channel($0.channel) }) { view, value, _ in
            view.channel = try value.int(minimum: 0)
        },
        field("selected depth slice of a volume, >= 0", { .depth($0.depth) }) { view, value, _ in
            view.depth = try value.int(minimum: 0)
        },
        field("3D keypoints within this many slices of depth are shown, >= 0", { .depthBand($0.depthBand) }) { view, value, _ in
            view.depthBand = try value.int(minimum: 0)
        },
        field("at most this many keypoints per map, >= 1", { .topK($0.topK) }) { view, value, _ in
            view.topK = try value.int(minimum: 1)
        },
        field("windowed methods drop keypoints below this fraction of the map's maximum, 0...1 (None: off); see threshold_mode",
              { .threshold($0.threshold) }) { view, value, _ in
            view.threshold = try value.optionalNumber()
        },
        field("what threshold is measured against: 'map' (a fraction of the map's maximum), 'tensor' (of the tensor's), 'absolute' (a value)",
              { .thresholdMode($0.thresholdMode) }) { view, value, _ in
            view.thresholdMode = try value.choice(ThresholdMode.self)
        },
        field("a map lists keypoints only when its peak stands this many noise σ (1.4826 × MAD) over its median, >= 0 (None: not checked)",
              { .confidence($0.confidence) }) { view, value, _ in
            view.confidence = try value.optionalNonNegative()
        },
        field("…and when its height over its median is at least this share of the tensor's tallest, 0...1 (None: not checked)",
              { .confidenceShare($0.confidenceShare) }) { view, value, _ in
            view.confidenceShare = try value.optionalFraction()
        },
        field("drop keypoints whose value is below this (None: keep all)", { .minValue($0.minValue) }) { view, value, _ in
            view.minValue = try value.optionalNumber()
        },
        field("colour ramp: " + PaletteName.allCases.map(\.rawValue).joined(separator: ", "), { .palette($0.palette) }) { view, value, _ in
            view.palette = try value.choice(PaletteName.self)
        },
        field("colour scale: None (each map its own min…max), \"tensor\" (the whole tensor's), or (low, high)",
              { .range($0.range) }) { view, value, _ in
            view.range = try value.colorRange()
        },
        field("a screen pixel covering several data pixels shows their max (by magnitude on signed maps) or mean",
              { .resample($0.resample) }) { view, value, _ in
            view.resample = try value.choice(BlockReduction.self)
        },
        field("draw the keypoint and ground-truth markers (True/False)", { .markers($0.markers) }) { view, value, _ in
            view.markers = try value.bool()
        },
        field("gradient overlay: ∂(x or y of the keypoint nearest the cursor)/∂map — 'x', 'y' or None (off)",
              { .influence($0.influence) }) { view, value, _ in
            view.influence = value.value == .none ? nil : try value.choice(CoordinateAxis.self)
        },
    ]

    /// The field names, in the order `help(view)` lists them.
    public static let names = all.map(\.name)

    /// The current value of `view.<field>`.
    static func value(of field: String, in view: ViewSettings) throws -> Value {
        try named(field).read(view)
    }

    /// Sets `view.<field>` on `view` (checking the value itself; call
    /// ``validate(_:)`` once all fields of a statement are set).
    static func apply(_ field: String, _ value: Value, to view: inout ViewSettings, session: Session) throws {
        try named(field).write(&view, FieldValue(field: field, value: value), session)
    }

    /// Checks what no single field can, once every field of a statement is set
    /// on `view` (the settings before it were `previous`): padding at most half
    /// the kernel, and a selection inside the viewed tensor. A batch, channel or
    /// depth the statement assigns must fit; one that only a change of
    /// `view.input` put out of range goes back to 0.
    static func validate(_ view: inout ViewSettings, previous: ViewSettings, session: Session) throws {
        for axis in 0..<2 where view.padding[axis] > WindowAxis.largestPadding(kernel: view.kernelSize[axis]) {
            throw ScriptError(
                "view: padding \(formatShape(view.padding)) exceeds half the kernel \(formatShape(view.kernelSize)); lower the padding first (or set both: view.kernel_size, view.padding = (1, 1), (0, 0))")
        }
        if view.thresholdMode.isRelative, let threshold = view.threshold, !(0...1).contains(threshold) {
            throw ScriptError(
                "view.threshold: expected a fraction from 0 to 1 or None in threshold_mode '\(view.thresholdMode.rawValue)', got \(threshold) (view.threshold_mode = 'absolute' takes a value)")
        }
        if view.depthPadding > WindowAxis.largestPadding(kernel: view.depthKernel) {
            throw ScriptError("view: depth_padding \(view.depthPadding) exceeds half the depth_kernel \(view.depthKernel)")
        }
        guard let (name, tensor) = session.viewedTensor(input: view.input) else { return }
        let shape = tensor.shape
        let axes: [(field: String, axis: Int, keyPath: WritableKeyPath<ViewSettings, Int>)] =
            [("batch", 0, \.batch), ("channel", 1, \.channel), ("depth", 2, \.depth)]
        for (field, axis, keyPath) in axes {
            let size = shape.count >= 4 && (axis < 2 || shape.count == 5) ? shape[axis] : 1
            guard view[keyPath: keyPath] >= size else { continue }
            guard view[keyPath: keyPath] == previous[keyPath: keyPath] else {
                throw ScriptError("view.\(field): expected an index below \(size) (\(name) is \(formatShape(shape))), got \(view[keyPath: keyPath])")
            }
            view[keyPath: keyPath] = 0
        }
    }

    private static func named(_ field: String) throws -> ViewSettingField {
        if let found = all.first(where: { $0.name == field }) { return found }
        let hint = Suggestion.closest(to: field, among: names).map { "did you mean '\($0)'? " } ?? ""
        throw ScriptError("view has no setting '\(field)'; \(hint)settings: \(names.joined(separator: ", "))")
    }

    /// A field named after the change `current` makes (`.temperature` → `temperature`).
    private static func field(
        _ doc: String, _ current: @escaping @Sendable (ViewSettings) -> ViewChange,
        write: @escaping @Sendable (inout ViewSettings, FieldValue, Session) throws -> Void
    ) -> ViewSettingField {
        ViewSettingField(name: current(ViewSettings()).field, doc: doc, current: current, write: write)
    }
}

/// One value assigned to a view field, with checks whose messages name the field.
struct FieldValue {
    let field: String
    let value: Value

    private func error(_ expectation: String, hint: String = "") -> ScriptError {
        ScriptError("view.\(field): expected \(expectation), got \(value.repr)\(hint)")
    }

    func optionalString() throws -> String? {
        switch value {
        case .none: return nil
        case .string(let text): return text
        default: throw error("a string or None")
        }
    }

    /// One of an enumeration's raw values, with a suggestion for a near miss.
    func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type) throws -> Choice where Choice.RawValue == String {
        let name = try choice(among: Choice.allCases.map(\.rawValue))
        return try Choice(rawValue: name) ?? { throw error("one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))") }()
    }

    /// One of `names`, with a suggestion for a near miss.
    func choice(among names: [String]) throws -> String {
        guard case .string(let text) = value, names.contains(text) else {
            let near = value.description.isEmpty ? nil : Suggestion.closest(to: value.description, among: names)
            throw error("one of \(names.joined(separator: ", "))", hint: near.map { "; did you mean '\($0)'?" } ?? "")
        }
        return text
    }

    func bool() throws -> Bool {
        guard case .bool(let flag) = value else { throw error("True or False") }
        return flag
    }

    /// A finite number (not True or False) that keeps `bound`; `expectation` says so when it does not.
    func number(keeping bound: Method.Parameter.Bound?, _ expectation: String) throws -> Double {
        if case .bool = value { throw error(expectation) }
        guard let number = value.number, number.isFinite, bound?.admits(number) ?? true else { throw error(expectation) }
        return number
    }

    func colorRange() throws -> ColorRange {
        switch value {
        case .none, .string("map"): return .map
        case .string("tensor"): return .tensor
        default:
            guard let items = value.items, items.count == 2, let low = items[0].number, let high = items[1].number,
                  low.isFinite, high.isFinite, low < high
            else { throw error("None, \"tensor\" or (low, high) with low < high") }
            return .fixed(low, high)
        }
    }

    func optionalFraction() throws -> Double? {
        if case .none = value { return nil }
        guard let number = value.number, number >= 0, number <= 1 else { throw error("a number from 0 to 1 or None") }
        return number
    }

    func optionalNumber() throws -> Double? {
        if case .none = value { return nil }
        guard let number = value.number, number.isFinite else { throw error("a number or None") }
        return number
    }

    func optionalNonNegative() throws -> Double? {
        if case .none = value { return nil }
        guard let number = value.number, number.isFinite, number >= 0 else { throw error("a number >= 0 or None") }
        return number
    }

    func int(minimum: Int) throws -> Int {
        try int(keeping: .atLeast(Double(minimum)), "an integer >= \(minimum)")
    }

    /// An integer that keeps `bound`; `expectation` says so when it does not.
    func int(keeping bound: Method.Parameter.Bound?, _ expectation: String) throws -> Int {
        guard case .int(let number) = value, bound?.admits(Double(number)) ?? true else { throw error(expectation) }
        return number
    }

    /// `(h, w)`, or one integer for both axes, each keeping `bound`.
    func pair(keeping bound: Method.Parameter.Bound?, _ expectation: String) throws -> [Int] {
        let keeps = { (number: Int) in bound?.admits(Double(number)) ?? true }
        if case .int(let single) = value, keeps(single) { return [single, single] }
        guard let items = value.items, items.count == 2,
              case .int(let h) = items[0], case .int(let w) = items[1], keeps(h), keeps(w)
        else { throw error(expectation) }
        return [h, w]
    }
}
