/// An expression of the script language, with where it starts.
package indirect enum Expression: Sendable, Equatable {
    case number(Double, isInteger: Bool, SourcePosition)
    case string(String, SourcePosition)
    case name(String, SourcePosition)
    case tuple([Expression], SourcePosition)
    case list([Expression], SourcePosition)
    case unaryMinus(Expression, SourcePosition)
    case binary(BinaryOperator, Expression, Expression, SourcePosition)
    case call(Expression, [Argument], SourcePosition)
    case index(Expression, [Subscript], SourcePosition)
    case attribute(Expression, String, SourcePosition)

    /// Where the expression's own token is: the operator of `a + b`, the `(` of
    /// a call, the `[` of an index, the `.` of an attribute (what errors point at).
    var position: SourcePosition {
        switch self {
        case .number(_, _, let p), .string(_, let p), .name(_, let p), .tuple(_, let p), .list(_, let p),
             .unaryMinus(_, let p), .binary(_, _, _, let p), .call(_, _, let p), .index(_, _, let p),
             .attribute(_, _, let p):
            p
        }
    }

    /// Where the expression's text begins (`a` in `a + b`, `x` in `x[0].shape`).
    var start: SourcePosition {
        switch self {
        case .binary(_, let left, _, _): left.start
        case .call(let base, _, _), .index(let base, _, _), .attribute(let base, _, _): base.start
        default: position
        }
    }
}

package enum BinaryOperator: String, Sendable, Equatable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case floorDivide = "//", remainder = "%", power = "**"
}

/// One item between the brackets of `x[...]`, as NumPy's basic indexing has them.
package enum Subscript: Sendable, Equatable {
    /// An integer (drops the axis), or `None` (inserts an axis of size 1).
    case index(Expression)
    /// `start:stop:step`, each part optional.
    case slice(start: Expression?, stop: Expression?, step: Expression?)
    /// `...`: as many full slices as the other items leave.
    case ellipsis
}

/// A call argument: positional (`label == nil`) or keyword.
package struct Argument: Sendable, Equatable {
    var label: String?
    var value: Expression
    /// Where the argument starts (its keyword, if it has one).
    var position: SourcePosition
}

/// Where an assignment stores: a variable or an attribute (`view.temperature`).
package enum AssignmentTarget: Sendable, Equatable {
    case name(String, SourcePosition)
    case attribute(Expression, String, SourcePosition)

    var position: SourcePosition {
        switch self {
        case .name(_, let p), .attribute(_, _, let p): p
        }
    }
}

/// One statement: an expression, or `target[, target...] = expression`.
package enum Statement: Sendable, Equatable {
    case expression(Expression)
    case assignment([AssignmentTarget], Expression)
}
