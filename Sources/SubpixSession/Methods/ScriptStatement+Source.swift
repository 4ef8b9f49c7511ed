import Subpix
import SubpixLanguage

extension ScriptStatement {
    /// The statement as script source: `coords, vals = conv_soft_argmax2d(x, kernel_size=(3, 3))`.
    var source: String {
        targets.joined(separator: ", ") + " = " + value.source
    }
}

extension ScriptExpression {
    /// The expression as script source, literals as `repr` writes them.
    var source: String {
        switch self {
        case .name(let name): name
        case .literal(let value): Value(argument: value).repr
        case .call(let op, let arguments, let keywords):
            op + "(" + (arguments.map(\.source) + keywords.map { "\($0.name)=\($0.value.source)" }).joined(separator: ", ") + ")"
        }
    }
}
