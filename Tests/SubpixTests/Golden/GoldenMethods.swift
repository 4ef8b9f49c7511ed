import Foundation
import Subpix

/// Runs a golden case of a kornia op through the method registry, in one kornia
/// release's semantics: the case's inputs and args become the method's arguments
/// by their parameter kinds, and arguments a case leaves out take that release's
/// defaults. A method added to ``Method/all`` is checked by its fixture files
/// (forward and gradients) with nothing added here.
enum GoldenMethods {
    /// Every registered method, by name, run in kornia `version`.
    static func all(in version: KorniaVersion) -> [String: GoldenRunner] {
        Dictionary(uniqueKeysWithValues: Method.all.map { method in
            (method.name, { golden in results(try method.run(try arguments(method, golden, version: version))) })
        })
    }

    /// The case's inputs and args as the arguments of `method` in kornia `version`.
    static func arguments(_ method: Method, _ golden: GoldenCase, version: KorniaVersion) throws -> Method.Arguments {
        var arguments = Method.Arguments(version: version)
        for (name, array) in golden.inputs {
            guard let parameter = method.parameter(name) else { throw GoldenError("\(golden.label): \(method.name) has no input \(name)") }
            if parameter.kind == .mask {
                arguments[name] = .mask(try Tensor(shape: array.shape, elements: array.values.map { $0 != 0 }))
            } else {
                arguments[name] = .tensor(try tensor(array, golden))
            }
        }
        for (name, raw) in golden.args where !(raw is NSNull) {
            guard let parameter = method.parameter(name) else { throw GoldenError("\(golden.label): \(method.name) has no parameter \(name)") }
            arguments[name] = try argument(raw, of: parameter, golden)
        }
        return arguments
    }

    /// `array` as a tensor of the case's dtype.
    static func tensor(_ array: GoldenCase.Array, _ golden: GoldenCase) throws -> AnyTensor {
        golden.dtype == .float32
            ? AnyTensor(try Tensor<Float>(shape: array.shape, elements: array.values.map { Float($0) }))
            : AnyTensor(try Tensor<Double>(shape: array.shape, elements: array.values))
    }

    /// A method's outputs flattened for comparison.
    static func results(_ outputs: [Method.Output]) -> [GoldenResult] {
        outputs.map { output in
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
