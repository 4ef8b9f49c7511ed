/// An expression of the script language, with where it starts.
package indirect enum Expression: Sendable, Equatable {
    case integer(Int, SourcePosition)
    case float(Double, SourcePosition)
    case string(String, SourcePosition)
    /// `f"..."`: literal text and `{expression:spec}` fields, joined.
    case formatString([FormatPart], SourcePosition)
    case name(String, SourcePosition)
    case tuple([Expression], SourcePosition)
    case list([Expression], SourcePosition)
    case dictionary([DictionaryEntry], SourcePosition)
    /// `[element for ... if ...]`, or `{key: value for ...}` when `key` is given.
    case comprehension(Comprehension, SourcePosition)
    case unaryMinus(Expression, SourcePosition)
    /// `~x`: the inverse of a mask, or the bitwise not of an int.
    case invert(Expression, SourcePosition)
    case not(Expression, SourcePosition)
    case binary(BinaryOperator, Expression, Expression, SourcePosition)
    /// `a < b <= c`: each comparison with the operand before it, all true (short-circuit).
    case comparison(Expression, [ComparisonLink], SourcePosition)
    /// `a and b` (`isAnd`) or `a or b`, with Python's short-circuit and values.
    case logical(isAnd: Bool, Expression, Expression, SourcePosition)
    /// `value if condition else alternative`.
    case conditional(condition: Expression, value: Expression, alternative: Expression, SourcePosition)
    case call(Expression, [Argument], SourcePosition)
    case index(Expression, [Subscript], SourcePosition)
    case attribute(Expression, String, SourcePosition)
    /// `lambda a, b=1: expression`: a function whose body returns the expression.
    case lambda(FunctionDefinition, SourcePosition)
    /// A value already computed, never written in source: the items of `*xs` in a call, or
    /// the arguments a builtin hands a function it was given (`sorted(xs, key=f)`).
    case value(Value, SourcePosition)

    /// Where the expression's own token is: the operator of `a + b`, the `(` of
    /// a call, the `[` of an index, the `.` of an attribute (what errors point at).
    var position: SourcePosition {
        switch self {
        case .integer(_, let p), .float(_, let p), .string(_, let p), .formatString(_, let p), .name(_, let p),
             .tuple(_, let p), .list(_, let p), .dictionary(_, let p), .comprehension(_, let p),
             .unaryMinus(_, let p), .invert(_, let p), .not(_, let p), .binary(_, _, _, let p), .comparison(_, _, let p),
             .logical(_, _, _, let p), .conditional(_, _, _, let p), .call(_, _, let p), .index(_, _, let p),
             .attribute(_, _, let p), .lambda(_, let p), .value(_, let p):
            p
        }
    }

    /// Where the expression's text begins (`a` in `a + b`, `x` in `x[0].shape`).
    var start: SourcePosition {
        switch self {
        case .binary(_, let left, _, _), .comparison(let left, _, _), .logical(_, let left, _, _): left.start
        case .conditional(_, let value, _, _): value.start
        case .call(let base, _, _), .index(let base, _, _), .attribute(let base, _, _): base.start
        default: position
        }
    }
}

package enum BinaryOperator: String, Sendable, Equatable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case floorDivide = "//", remainder = "%", power = "**"
    /// Elementwise and/or of masks and bools, bitwise of ints (`(x > 0) & (x < 1)`).
    case and = "&", or = "|"
}

package enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case isSame = "is", isNotSame = "is not", contains = "in", notContains = "not in"
}

/// One `op operand` of a comparison chain.
package struct ComparisonLink: Sendable, Equatable {
    var op: ComparisonOperator
    var operand: Expression
    /// Where the operator is.
    var position: SourcePosition
}

/// `key: value` of a dictionary display.
package struct DictionaryEntry: Sendable, Equatable {
    var key: Expression
    var value: Expression
}

/// A piece of an f-string: literal text, or a field `{value!r:spec}`.
package enum FormatPart: Sendable, Equatable {
    case text(String)
    /// The field's value, whether `!r` asked for its repr, and its format spec (itself an f-string part list).
    case field(Expression, repr: Bool, spec: [FormatPart])
}

/// `element for targets in iterable if condition ...` (one or more `for` clauses, each with its `if`s).
package struct Comprehension: Sendable, Equatable {
    package struct Clause: Sendable, Equatable {
        var target: AssignmentTarget
        var iterable: Expression
        var conditions: [Expression]
    }
    /// The key of a dict comprehension; nil for a list comprehension.
    var key: Expression?
    var element: Expression
    var clauses: [Clause]
}

/// One item between the brackets of `x[...]`, as NumPy's basic indexing has them.
package enum Subscript: Sendable, Equatable {
    /// An integer (drops the axis), `None` (inserts an axis of size 1), a mask, or a key.
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
    /// `*items`: the items of the value are the positional arguments.
    var isUnpacked = false
}

/// Where an assignment stores: a variable, an attribute (`view.temperature`),
/// an item or slice (`a[1]`, `x[x > 0.5]`), or a tuple of targets (`for i, (a, b) in ...`).
package indirect enum AssignmentTarget: Sendable, Equatable {
    case name(String, SourcePosition)
    case attribute(Expression, String, SourcePosition)
    case item(Expression, [Subscript], SourcePosition)
    case unpack([AssignmentTarget], SourcePosition)

    var position: SourcePosition {
        switch self {
        case .name(_, let p), .attribute(_, _, let p), .item(_, _, let p), .unpack(_, let p): p
        }
    }
}

/// A parameter of a `def`: its name and, when it has one, its default's expression.
package struct ParameterDefinition: Sendable, Equatable {
    var name: String
    var defaultValue: Expression?
}

/// `def name(parameters): body`.
package struct FunctionDefinition: Sendable, Equatable {
    var name: String
    var parameters: [ParameterDefinition]
    var body: [ParsedStatement]
}

/// One branch of an `if`: its condition and its block.
package struct ConditionalBranch: Sendable, Equatable {
    var condition: Expression
    var body: [ParsedStatement]
}

/// One statement.
package enum Statement: Sendable, Equatable {
    case expression(Expression)
    /// `target[, target...] = expression`.
    case assignment([AssignmentTarget], Expression)
    /// `target += expression` (and `-=`, `*=`, `/=`).
    case augmentedAssignment(AssignmentTarget, BinaryOperator, Expression)
    /// `if ...: ... elif ...: ... else: ...`.
    case conditional([ConditionalBranch], otherwise: [ParsedStatement])
    case forLoop(AssignmentTarget, Expression, [ParsedStatement])
    case whileLoop(Expression, [ParsedStatement])
    case function(FunctionDefinition)
    case returnValue(Expression?)
    case breakLoop
    case continueLoop
    case pass

    /// Whether this statement holds a block (`if`, `for`, `while`, `def`).
    package var isCompound: Bool {
        switch self {
        case .conditional, .forLoop, .whileLoop, .function: true
        default: false
        }
    }
}
