import Foundation
import Subpix

/// Runs a golden case of a kornia op through the method registry: the case's
/// inputs and args become the method's arguments by their parameter kinds, and
/// arguments a case leaves out take the method's kornia defaults. A method added
/// to ``Method/all`` is checked by its fixture file with nothing added here.
enum GoldenMethods {
    /// Every registered method, by name.
    static var all: [String: GoldenRunner] { all(in: .default) }

    /// Every registered method, by name, run with kornia `version`'s semantics.
    static func all(in version: KorniaVersion) -> [String: GoldenRunner] {
        Dictionary(uniqueKeysWithValues: Method.all.map { method in
            (method.name, { golden in try run(method, golden, version: version) })
        })
    }

    /// Runs the case with kornia `version`'s semantics.
    static func run(_ method: Method, _ golden: GoldenCase, version: KorniaVersion = .default) throws -> [GoldenResult] {
        var arguments = Method.Arguments(version: version)
        for (name, array) in golden.inputs {
            guard let parameter = method.parameter(name) else { throw GoldenError("\(golden.label): \(method.name) has no input \(name)") }
            if parameter.kind == .mask {
                arguments[name] = .mask(try Tensor(shape: array.shape, elements: array.values.map { $0 != 0 }))
            } else {
                arguments[name] = .tensor(golden.dtype == .float32 ? AnyTensor(try golden.input(name, as: Float.self)) : AnyTensor(try golden.input(name, as: Double.self)))
            }
        }
        for (name, raw) in golden.args where !(raw is NSNull) {
            guard let parameter = method.parameter(name) else { throw GoldenError("\(golden.label): \(method.name) has no parameter \(name)") }
            arguments[name] = try argument(raw, of: parameter, golden)
        }
        return try method.run(arguments).map { output in
            switch output {
            case .tensor(let tensor): tensor.visit(GoldenResult.init, GoldenResult.init)
            case .mask(let mask): GoldenResult(mask)
            }
        }
    }

    /// A JSON arg as the value of `parameter`.
    private static func argument(_ raw: Any, of parameter: Method.Parameter, _ golden: GoldenCase) throws -> ArgumentValue {
        let mismatch = GoldenError("\(golden.label): arg \(parameter.name) is not \(parameter.kind.expectation): \(raw)")
        switch parameter.kind {
        case .flag: guard let value = raw as? NSNumber else { throw mismatch }; return .bool(value.boolValue)
        case .integer: guard let value = raw as? NSNumber else { throw mismatch }; return .int(value.intValue)
        case .number: guard let value = raw as? NSNumber else { throw mismatch }; return .real(value.doubleValue)
        case .integers: guard let values = raw as? [NSNumber] else { throw mismatch }; return .integers(values.map(\.intValue))
        case .choice: guard let text = raw as? String else { throw mismatch }; return .text(text)
        case .tensor, .mask: throw mismatch
        }
    }
}
