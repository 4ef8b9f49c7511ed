import Subpix
import SubpixLanguage

/// The `view.<field>`s that set a kornia parameter of the keypoint methods
/// (`temperature`, `kernel_size`, ..., `n_iters`), derived from the methods:
/// each field's kind, bound, error messages and doc line come from the parameter
/// of its keyword in the kornia ops the keypoint methods run
/// (``KeypointMethod/kornia``). Only where the view keeps each value is said here.
///
/// ```swift
/// try session.execute("view.temperature = 0")   // view.temperature: expected a number > 0, got 0
/// ```
enum MethodSettingFields {
    /// A field of ``ViewSettings``.
    typealias Path<Value> = WritableKeyPath<ViewSettings, Value> & Sendable

    /// Where the view keeps a field, which says which kind of parameter it follows.
    enum Storage: Sendable {
        /// A number (`temperature`).
        case number(Path<Double>)
        /// A number, or None for each method's kornia default (`strict_maxima_bonus`).
        case optionalNumber(Path<Double?>)
        /// An integer (`n_iters`).
        case integer(Path<Int>)
        /// `True` or `False`.
        case flag(Path<Bool>)
        /// The (H, W) of a 2D window's parameter (`kernel_size`); one integer sets both.
        case pair(Path<[Int]>)
        /// The D of a 3D window's parameter (`depth_kernel` is the D of `kernel_size`).
        case depth(Path<Int>)

        /// Whether a parameter of `kind` is one this storage follows.
        func follows(_ kind: Method.Parameter.Kind) -> Bool {
            switch self {
            case .number, .optionalNumber: kind == .number
            case .integer: kind == .integer
            case .flag: kind == .flag
            case .pair: kind == .integers(count: 2)
            case .depth: kind == .integers(count: 3)
            }
        }
    }

    /// One field: its name, the kornia keyword it sets and where the view keeps it.
    struct Row: Sendable {
        let field: String
        let keyword: String
        let storage: Storage

        /// A field named after the keyword it sets.
        init(_ keyword: String, _ storage: Storage) {
            self.init(keyword, of: keyword, storage)
        }

        init(_ field: String, of keyword: String, _ storage: Storage) {
            (self.field, self.keyword, self.storage) = (field, keyword, storage)
        }
    }

    /// The fields, in the order `help(view)` lists them.
    static let rows: [Row] = [
        Row("temperature", .number(\.temperature)),
        Row("kernel_size", .pair(\.kernelSize)),
        Row("stride", .pair(\.stride)),
        Row("padding", .pair(\.padding)),
        Row("depth_kernel", of: "kernel_size", .depth(\.depthKernel)),
        Row("depth_stride", of: "stride", .depth(\.depthStride)),
        Row("depth_padding", of: "padding", .depth(\.depthPadding)),
        Row("normalized_coordinates", .flag(\.normalizedCoordinates)),
        Row("strict_maxima_bonus", .optionalNumber(\.strictMaximaBonus)),
        Row("n_iters", .integer(\.nIters)),
    ]

    /// Every field, as `view.<field>` reads, writes and documents it.
    static var all: [ViewSettingField] { rows.map(field) }

    /// The keypoint methods whose kornia op has the row's parameter in the shape
    /// the view keeps it, each with that parameter, in the order `m` cycles.
    static func sources(_ row: Row) -> [(method: KeypointMethod, parameter: Method.Parameter)] {
        KeypointMethod.all.compactMap { method in
            guard let parameter = method.kornia?.parameter(row.keyword), row.storage.follows(parameter.kind) else { return nil }
            return (method, parameter)
        }
    }

    private static func field(_ row: Row) -> ViewSettingField {
        let sources = sources(row)
        let bound = sources.first?.parameter.bound
        let expectation = expectation(row.storage, bound)
        return ViewSettingField(
            name: row.field, doc: doc(row, sources, expectation: expectation),
            current: { ViewChange(field: row.field, value: value(of: row.storage, in: $0)) },
            write: { view, value, _ in try write(value, to: &view, row.storage, bound, expectation: expectation) })
    }

    /// What the field takes, as its doc and its error messages say it: `a number > 0`.
    private static func expectation(_ storage: Storage, _ bound: Method.Parameter.Bound?) -> String {
        let phrase = { (integers: Bool) in bound.map { " " + $0.phrase(integers: integers) } ?? "" }
        return switch storage {
        case .number: "a number" + phrase(false)
        case .optionalNumber: "a number or None"
        case .integer, .depth: "an integer" + phrase(true)
        case .flag: "True or False"
        case .pair: "two integers" + phrase(true) + ", e.g. (3, 3)"
        }
    }

    /// The parameters' docs (with the methods of each, where they differ), then what the field takes:
    /// `window (H, W); two integers >= 1, e.g. (3, 3); one integer sets both`.
    private static func doc(_ row: Row, _ sources: [(method: KeypointMethod, parameter: Method.Parameter)], expectation: String) -> String {
        var groups: [(doc: String, names: [String])] = []
        for (method, parameter) in sources {
            if let index = groups.firstIndex(where: { $0.doc == parameter.doc }) {
                groups[index].names.append(method.name)
            } else {
                groups.append((parameter.doc, [method.name]))
            }
        }
        let what = groups.count == 1 ? groups[0].doc : groups.map { "\($0.doc) (\($0.names.joined(separator: ", ")))" }.joined(separator: "; ")
        return switch row.storage {
        case .depth: "along D: \(what); \(expectation)"
        case .pair: "\(what); \(expectation); one integer sets both"
        case .optionalNumber: "\(what); \(expectation) (None: each method's kornia default)"
        case .number, .integer, .flag: "\(what); \(expectation)"
        }
    }

    private static func value(of storage: Storage, in view: ViewSettings) -> Value {
        switch storage {
        case .number(let path): .float(view[keyPath: path])
        case .optionalNumber(let path): view[keyPath: path].map(Value.float) ?? .none
        case .integer(let path), .depth(let path): .int(view[keyPath: path])
        case .flag(let path): .bool(view[keyPath: path])
        case .pair(let path): .tuple(view[keyPath: path].map(Value.int))
        }
    }

    private static func write(
        _ value: FieldValue, to view: inout ViewSettings, _ storage: Storage, _ bound: Method.Parameter.Bound?, expectation: String
    ) throws {
        switch storage {
        case .number(let path): view[keyPath: path] = try value.number(keeping: bound, expectation)
        case .optionalNumber(let path): view[keyPath: path] = try value.optionalNumber()
        case .integer(let path), .depth(let path): view[keyPath: path] = try value.int(keeping: bound, expectation)
        case .flag(let path): view[keyPath: path] = try value.bool()
        case .pair(let path): view[keyPath: path] = try value.pair(keeping: bound, expectation)
        }
    }
}
