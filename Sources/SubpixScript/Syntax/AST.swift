/// An expression of the script language, with where it starts.
indirect enum Expression: Sendable, Equatable {
    case number(Double, isInteger: Bool, SourcePosition)
    case string(String, SourcePosition)
    case name(String, SourcePosition)
    case tuple([Expression], SourcePosition)
    case list([Expression], SourcePosition)
    case unaryMinus(Expression, SourcePosition)
    case binary(BinaryOperator, Expression, Expression, SourcePosition)
    case call(Expression, [Argument], SourcePosition)
    case index(Expression, [Expression], SourcePosition)
    case attribute(Expression, String, SourcePosition)

    var position: SourcePosition {
        switch self {
        case .number(_, _, let p), .string(_, let p), .name(_, let p), .tuple(_, let p), .list(_, let p),
             .unaryMinus(_, let p), .binary(_, _, _, let p), .call(_, _, let p), .index(_, _, let p),
             .attribute(_, _, let p):
            p
        }
    }
}

enum BinaryOperator: String, Sendable, Equatable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
}

/// A call argument: positional (`label == nil`) or keyword.
struct Argument: Sendable, Equatable {
    var label: String?
    var value: Expression
}

/// Where an assignment stores: a variable or an attribute (`view.temperature`).
enum AssignmentTarget: Sendable, Equatable {
    case name(String, SourcePosition)
    case attribute(Expression, String, SourcePosition)
}

/// One statement: an expression, or `target[, target...] = expression`.
enum Statement: Sendable, Equatable {
    case expression(Expression)
    case assignment([AssignmentTarget], Expression)
}
