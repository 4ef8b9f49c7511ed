import Foundation
import Subpix

/// One golden case produced by kornia or a field library (see `Tests/SubpixTests/Fixtures/README.md`).
struct GoldenCase {
    struct Array: CustomStringConvertible {
        var shape: [Int]
        var dtype: String
        var values: [Double]
        var description: String { "\(dtype)\(formatShape(shape))" }
    }

    var file: String
    var op: String
    var name: String
    /// The library and version that produced the case (`kornia` 0.7.4, `mmpose 1.3.2`, ...).
    var reference: String
    var dtype: DType
    var args: [String: Any]
    var inputs: [String: Array]
    var outputs: [Array]
    var atol: Double
    var rtol: Double

    var label: String { "\(file) [\(name), \(dtype)]" }

    /// The named input converted to a tensor of the case's dtype (or `S`).
    func input<S: SubpixScalar>(_ name: String = "input", as: S.Type = S.self) throws -> Tensor<S> {
        guard let array = inputs[name] else { throw GoldenError("\(label): no input named \(name)") }
        return try Tensor(shape: array.shape, elements: array.values.map { S($0) })
    }

    func int(_ key: String) throws -> Int {
        guard let value = args[key] as? NSNumber else { throw GoldenError("\(label): missing int arg \(key)") }
        return value.intValue
    }

    func double(_ key: String) throws -> Double {
        guard let value = args[key] as? NSNumber else { throw GoldenError("\(label): missing float arg \(key)") }
        return value.doubleValue
    }

    func bool(_ key: String) throws -> Bool {
        guard let value = args[key] as? NSNumber else { throw GoldenError("\(label): missing bool arg \(key)") }
        return value.boolValue
    }

    func ints(_ key: String) throws -> [Int] {
        guard let values = args[key] as? [NSNumber] else { throw GoldenError("\(label): missing int list arg \(key)") }
        return values.map(\.intValue)
    }

    /// True when the case names `key` among its args.
    func has(_ key: String) -> Bool { args[key] != nil && !(args[key] is NSNull) }
}

struct GoldenError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Reads every case of every `*.json` file in one fixture directory.
struct GoldenFixtures {
    /// The in-repo folder under `Tests/SubpixTests/Fixtures/`.
    var folder: String
    /// The environment variable that points the harness at another copy.
    var override: String
    /// The kornia release whose semantics the cases run in (`nil` for the field's libraries).
    var version: KorniaVersion? = nil

    /// kornia 0.7.4's outputs, run with `--kornia 0.7`; `$SUBPIX_FIXTURES` overrides.
    static let kornia = GoldenFixtures(folder: "kornia", override: "SUBPIX_FIXTURES", version: .v0_7)
    /// kornia 0.9's outputs, run with `--kornia 0.9`; `$SUBPIX_FIXTURES_09` overrides.
    static let kornia09 = GoldenFixtures(folder: "kornia-0.9", override: "SUBPIX_FIXTURES_09", version: .v0_9)
    /// mmpose's, OpenPIV's and photutils' outputs; `$SUBPIX_FIELD_FIXTURES` overrides.
    static let field = GoldenFixtures(folder: "field", override: "SUBPIX_FIELD_FIXTURES")
    /// torch autograd's vector-Jacobian products through kornia 0.7.4, run with
    /// `--kornia 0.7`; `$SUBPIX_GRAD_FIXTURES` overrides.
    static let grad = GoldenFixtures(folder: "grad", override: "SUBPIX_GRAD_FIXTURES", version: .v0_7)
    /// torch autograd's vector-Jacobian products through kornia 0.9, run with
    /// `--kornia 0.9`; `$SUBPIX_GRAD_FIXTURES_09` overrides.
    static let grad09 = GoldenFixtures(folder: "grad-0.9", override: "SUBPIX_GRAD_FIXTURES_09", version: .v0_9)

    /// The kornia release a case of this set runs in (the default for the field's sets).
    var mode: KorniaVersion { version ?? .default }

    /// The override when set, else the in-repo copy beside this file's target.
    var directory: URL {
        if let path = ProcessInfo.processInfo.environment[override], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(folder)")
    }

    func loadAll() throws -> [GoldenCase] {
        try jsonFiles().flatMap(Self.load)
    }

    /// The `*.json` files of the directory, by name; throws when there are none.
    func jsonFiles() throws -> [URL] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { throw GoldenError("no fixture files in \(directory.path)") }
        return files
    }

    static func load(_ url: URL) throws -> [GoldenCase] {
        try rawCases(url).map { try goldenCase($0.raw, op: $0.op, file: url.lastPathComponent) }
    }

    /// The fixture file's `op` and its cases as parsed JSON objects.
    static func rawCases(_ url: URL) throws -> [(op: String, raw: [String: Any])] {
        let file = url.lastPathComponent
        guard let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any],
              let op = root["op"] as? String, let cases = root["cases"] as? [[String: Any]]
        else { throw GoldenError("\(file): expected an object with op and cases") }
        return cases.map { (op, $0) }
    }

    /// One parsed case of the fixture file `file`.
    static func goldenCase(_ raw: [String: Any], op: String, file: String) throws -> GoldenCase {
        let name = raw["name"] as? String ?? "?"
        guard let dtypeName = raw["dtype"] as? String, let dtype = DType(rawValue: dtypeName) else {
            throw GoldenError("\(file) [\(name)]: unknown dtype \(raw["dtype"] ?? "nil")")
        }
        let inputs = try (raw["inputs"] as? [String: Any] ?? [:]).mapValues { try array($0, file, name) }
        let outputs = try (raw["outputs"] as? [Any] ?? []).map { try array($0, file, name) }
        return GoldenCase(
            file: file, op: op, name: name, reference: raw["reference"] as? String ?? raw["kornia"] as? String ?? "?", dtype: dtype,
            args: raw["args"] as? [String: Any] ?? [:], inputs: inputs, outputs: outputs,
            atol: (raw["atol"] as? NSNumber)?.doubleValue ?? 0, rtol: (raw["rtol"] as? NSNumber)?.doubleValue ?? 0)
    }

    static func array(_ raw: Any, _ file: String, _ name: String) throws -> GoldenCase.Array {
        guard let object = raw as? [String: Any], let shape = object["shape"] as? [NSNumber],
              let data = object["data"] as? [Any]
        else { throw GoldenError("\(file) [\(name)]: expected {shape, dtype, data}") }
        let values = try data.map { item -> Double in
            switch item {
            case let number as NSNumber: return number.doubleValue
            case "NaN" as String: return .nan
            case "Infinity" as String: return .infinity
            case "-Infinity" as String: return -.infinity
            default: throw GoldenError("\(file) [\(name)]: unexpected data item \(item)")
            }
        }
        return .init(shape: shape.map(\.intValue), dtype: object["dtype"] as? String ?? "?", values: values)
    }
}
