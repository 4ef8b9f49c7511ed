/// What of Python the script language has, row by row, each with an example and what
/// it prints (or the error it gives): the "For Python users" section of `docs/repl.md`
/// is made from these rows, and a test runs every example and compares.
public enum PythonSupport {
    /// One row: a feature of Python, whether subpix has it, an example (lines of script) and its output.
    public struct Row: Sendable {
        public var feature: String
        /// `yes`, `differs` (supported, with the difference said in `feature`) or `no`.
        public var support: Support
        public var example: [String]
        /// What the example prints (its lines); for `no`, the error message.
        public var output: [String]
    }

    public enum Support: String, Sendable {
        case yes, differs, no
    }

    private static func row(_ feature: String, _ support: Support, _ example: [String], _ output: [String]) -> Row {
        Row(feature: feature, support: support, example: example, output: output)
    }

    public static let rows: [Row] = [
        row("comparisons `== != < <= > >=`, chained", .yes, ["print(1 < 2 <= 2, 1 == 1.0, 'a' != 'b', 3 > 2 > 2)"], ["True True True False"]),
        row("`is`, `is not` (with `None`), `in`, `not in`", .yes, ["print(None is None, 2 in [1, 2], 'k' not in {'k': 1}, 'pix' in 'subpix')"], ["True True False True"]),
        row("`and`, `or`, `not`, short-circuit, giving an operand", .yes, ["print(0 or 'x', 1 and 2, not [], False and 1 / 0)"], ["x 2 True False"]),
        row("conditional expressions", .yes, ["print('big' if 10 > 3 else 'small')"], ["big"]),
        row("numeric literals: `1e400`, `0x10`, `0o17`, `0b101`, `1_000`", .yes, ["print(1e400, 0x10, 0o17, 0b101, 1_000)"], ["inf 16 15 5 1000"]),
        row("integers beyond 64 bits: arithmetic gives a float, a literal is an error", .differs, ["x = 2 ** 64", "print(x)"], ["1.8446744073709552e+19"]),
        row("`\\` line continuation", .yes, ["x = 1 + \\", "    2", "print(x)"], ["3"]),
        row("`if`/`elif`/`else`", .yes, ["x = 5", "if x < 0: print('neg')", "elif x == 0: print('zero')", "else: print('pos')"], ["pos"]),
        row("`for` over ranges, lists, tuples, strings, dict keys", .yes, ["for k in {'a': 1, 'b': 2}: print(k, end=' ')"], ["a b "]),
        row("`for` over a tensor's first axis, keypoints, `glob(...)` files", .yes, ["for row in zeros((2, 3)): print(row.shape, end=' ')"], ["(3,) (3,) "]),
        row("`while`, `break`, `continue`, `pass`", .yes, ["n = 0", "while True:", "    n += 1", "    if n < 3: continue", "    break", "print(n)"], ["3"]),
        row("`def` with defaults, keywords, `return`, recursion (100 deep)", .yes, ["def f(a, b=2): return a * b", "print(f(3), f(3, b=5), f(b=1, a=4))"], ["6 15 4"]),
        row("functions see module names; a `lambda` or `def` made in a function sees its names as they were then (no `nonlocal`)", .differs, ["k = 10", "def f(x): return x + k", "def times(k): return lambda x: x * k", "print(f(1), times(3)(2))"], ["11 6"]),
        row("`lambda`", .yes, ["add = lambda a, b=2: a + b", "print(add(1), sorted([(1, 'b'), (0, 'c')], key=lambda p: p[1]))"], ["3 [(1, 'b'), (0, 'c')]"]),
        row("`;` between statements; one-line blocks `if x: a; b`", .yes, ["x = 1; y = 2", "if x > 5: print(x); print(y)", "print(x + y)"], ["3"]),
        row("`+= -= *= /= //= %= **=`", .yes, ["x = 7", "x //= 2", "x **= 2", "print(x)"], ["9"]),
        row("item and slice assignment on lists, dicts, tensors", .yes, ["a = [1, 2, 3]", "a[0] = 9", "a[1:] = [0]", "print(a)"], ["[9, 0]"]),
        row("lists are values: `b = a` copies", .differs, ["a = [1]", "b = a", "a.append(2)", "print(a, b)"], ["[1, 2] [1]"]),
        row("list comprehensions, with nested `for` and `if`", .yes, ["print([i * j for i in range(3) for j in range(2) if i > 0])"], ["[0, 1, 0, 2]"]),
        row("dict comprehensions; generator arguments `sum(x for x in a)`", .yes, ["print({k: len(k) for k in ['a', 'bb']}, sum(x * x for x in range(4)))"], ["{'a': 1, 'bb': 2} 14"]),
        row("dicts: `{}`, `[]`, `in`, `.keys() .values() .items() .get() .pop() .update()`", .yes, ["d = {'a': 1}", "d['b'] = 2", "print(d, d.get('c', 0), list(d.items()))"], ["{'a': 1, 'b': 2} 0 [('a', 1), ('b', 2)]"]),
        row("`.keys()`, `.values()`, `.items()` give lists", .differs, ["print({'a': 1}.keys())"], ["['a']"]),
        row("list methods `append extend insert pop remove index count sort reverse`", .yes, ["a = [3, 1]", "a.append(2)", "a.sort()", "print(a, a.pop(), a)"], ["[1, 2, 3] 3 [1, 2]"]),
        row("`+` and `*` of lists, tuples and strings", .yes, ["print([1] + [2], (0,) * 2, 'ab' * 2)"], ["[1, 2] (0, 0) abab"]),
        row("`range enumerate zip sorted reversed sum min max any all round isinstance len list tuple dict`", .yes, ["print(list(enumerate('ab')), sorted([3, 1]), sum([1, 2]), round(2.675, 2), isinstance(1, int))"], ["[(0, 'a'), (1, 'b')] [1, 3] 3 2.67 True"]),
        row("`sorted(..., key=, reverse=)`, `min`/`max(..., key=)`", .yes, ["print(sorted(['bb', 'a', 'ccc'], key=len, reverse=True), max([-3, 2], key=abs), min('ab', 'c', key=len))"], ["['ccc', 'bb', 'a'] -3 c"]),
        row("`map`, `filter` give lists (Python's give iterators)", .differs, ["print(map(str, [1, 2]), filter(None, [0, 1, 2]))"], ["['1', '2'] [1, 2]"]),
        row("f-strings with format specs and `!r`", .yes, ["x = 3.14159", "print(f'{x:.3f} {42:>5d} {0.25:.0%} {1234567:,} {\"q\"!r}')"], ["3.142    42 25% 1,234,567 'q'"]),
        row("`%` formatting and `str.format`", .yes, ["print('%d of %.2f' % (3, 0.5), '{} {:.1f} {n}'.format(1, 2.25, n='x'))"], ["3 of 0.50 1 2.2 x"]),
        row("string methods `split join strip upper lower replace startswith endswith find count format`", .yes, ["print(', '.join('a b'.split()), 'x.npy'.replace('.npy', '.csv'))"], ["a, b x.csv"]),
        row("`print(*values, sep=, end=, file=stderr)`", .yes, ["print(1, 2, sep='-', end='!\\n')"], ["1-2!"]),
        row("NumPy broadcasting for every operator", .yes, ["x = arange(6).reshape(2, 3)", "print((x - x.mean(axis=1, keepdims=True)).tolist())"], ["[[-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0]]"]),
        row("comparisons of tensors give masks: `x[x > 2]`, `where(...)`, `& | ~`", .yes, ["x = arange(5)", "print(x[(x > 1) & (x < 4)].tolist(), where(x > 2, x, 0).tolist())"], ["[2.0, 3.0] [0.0, 0.0, 0.0, 3.0, 4.0]"]),
        row("reductions `sum mean max min std argmax argmin any all`, `axis=`/`dim=`, `keepdims=`/`keepdim=`", .yes, ["x = arange(6).reshape(2, 3)", "print(x.sum(), x.max(dim=1).tolist(), mean(x, axis=0).tolist(), x.argmax())"], ["15.0 [2.0, 5.0] [1.5, 2.5, 3.5] 5"]),
        row("`std` divides by n, as NumPy (torch divides by n - 1)", .differs, ["print(tensor([1.0, 3.0]).std())"], ["1.0"]),
        row("`x.item()`, `x.tolist()`, `x.T`, `x.shape`, `x.dtype`, `len(x)`", .yes, ["x = zeros((2, 3))", "print(x.T.shape, x.dtype, len(x), x[0, 0].item())"], ["(3, 2) float32 2 0.0"]),
        row("tensors are float32 or float64 (integer results too)", .differs, ["print(arange(3).tolist())"], ["[0.0, 1.0, 2.0]"]),
        row("keypoint lists: iterate, index (`kp[0].x`), filter, build back", .yes, ["kp = keypoints(gaussians(size=(9, 9), peaks=[(2, 3, 0.5), (6, 5, 0.5, 0.5)]), min_value=0.4)", "strong = keypoints([p for p in kp if p.value > 0.8])", "print(len(kp), strong.count, strong[0].x, strong[0].y)"], ["2 1 2.0 3.0"]),
        row("`class`", .no, ["class A: pass"], ["'class' is not supported in subpix scripts (docs/repl.md, \"For Python users\", lists what is)"]),
        row("`import`, `from ... import`", .no, ["import numpy as np"], ["'import' is not supported in subpix scripts (docs/repl.md, \"For Python users\", lists what is)"]),
        row("`try`/`except`, `raise`, `assert`", .no, ["try: pass"], ["'try' is not supported in subpix scripts (docs/repl.md, \"For Python users\", lists what is)"]),
        row("`with`", .no, ["with f: pass"], ["'with' is not supported in subpix scripts (docs/repl.md, \"For Python users\", lists what is)"]),
        row("`global`, `nonlocal`, `del`, `yield`, `async`", .no, ["del x"], ["'del' is not supported in subpix scripts (docs/repl.md, \"For Python users\", lists what is)"]),
        row("unpacking arguments `f(*a)`", .yes, ["print(*[1, 2], *'ab')"], ["1 2 a b"]),
        row("`*args`, `**kwargs` parameters; `f(**d)`", .no, ["def f(*a): pass"], ["*args and **kwargs parameters are not supported in subpix scripts"]),
        row("sets", .no, ["s = {1, 2}"], ["sets are not supported in subpix scripts; a dict is written {key: value}"]),
    ]
}
