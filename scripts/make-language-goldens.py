#!/usr/bin/env python3
"""Writes what Python and NumPy themselves give for expressions and programs the
script language spells the same way (run from the repository root):

    /work/venv-kornia/bin/python scripts/make-language-goldens.py

- Tests/SubpixSessionTests/Resources/language/numbers.json: Python 3's value and
  type of integer and float arithmetic (`//`, `%`, `**` with negative operands)
  and of the conversion builtins (float, int, str, len, bool, abs, min, max, round).
- Tests/SubpixSessionTests/Resources/language/arange.npy and indexing.json: NumPy's
  basic indexing (integers, slices, None, ...) and reshape/squeeze/unsqueeze of
  x = arange(120).reshape(2, 3, 4, 5), as shapes and elements.
- Tests/SubpixSessionTests/Resources/language/programs.json: small programs (loops,
  functions, comprehensions, dicts, f-strings, broadcasting, masks, reductions) in the
  common subset of Python and the script language, with what Python prints for each
  (tensor programs run with NumPy, through the prelude below that defines subpix's
  tensor builtins in NumPy terms; tensors print as `.tolist()` on both sides).
- scripts/fuzz/corpus/scripts/python-NAME.subpix: each program again, as a seed of the
  interpreter's fuzz harness (scripts/fuzz.sh), so that it starts from every construct.
"""
import contextlib, io, json, pathlib
import numpy as np

root = pathlib.Path(__file__).resolve().parent.parent
out = root / "Tests/SubpixSessionTests/Resources/language"
out.mkdir(parents=True, exist_ok=True)

numbers = [
    "7 // 2", "-7 // 2", "7 // -2", "-7 // -2", "0 // 5", "-1 // 3",
    "7 % 3", "-7 % 3", "7 % -3", "-7 % -3", "-9 % 3", "9 % -3",
    "7.5 // 2", "-7.5 // 2", "7.5 // -2", "-7.5 % 2", "7.5 % -2", "5 % 2.5", "-0.5 % 1", "1e-20 % 1", "-1e-20 % 1",
    "0.3 // 0.1", "0.3 % 0.1",
    "2 ** 10", "2 ** -1", "(-2) ** 3", "-2 ** 2", "2 ** 3 ** 2", "2.5 ** 2", "4 ** 0.5", "10 ** -2", "0 ** 0",
    "3 ** 39", "2 ** 62",
    "1 + 2 * 3 // 2 % 4", "7 // 2 * 2 + 7 % 2", "(7 + 2 * 1 - 3) // 2 + 1", "-3 ** 2 // 2",
    "float('0.5')", "float(' 1e-3 ')", "float(3)", "float(True)",
    "int('7')", "int(' -42 ')", "int(-2.7)", "int(2.99)", "int(True)", "int(float('2.5'))",
    "str(3) + '.csv'", "str(2.5)", "str(1e-8)", "str(0.1 + 0.2)", "str(True)", "str(None)", "str((1, 2))", "str([1, 'a'])",
    "len('abc')", "len([1, 2, 3])", "len((1,))", "len(())",
    "bool(0)", "bool(0.0)", "bool(2)", "bool('')", "bool('a')", "bool([])", "bool((0,))", "bool(None)",
    "abs(-3)", "abs(-2.5)", "abs(4)",
    "min(3, 1, 2)", "max(3, 1, 2)", "min([2.5, 1, 3])", "max((1, 2.5))", "min(1, 1.0)", "max(-1, -1.5)",
    "round(2.5)", "round(3.5)", "round(-2.5)", "round(2.675, 2)", "round(0.125, 2)", "round(1.5, 0)", "round(-0.5)",
    "round(1234, -2)", "round(1250, -2)", "round(1350, -2)", "round(-1250, -2)", "round(15, -1)", "round(25, -1)",
    "round(1234.5678, -2)", "round(7, 2)", "round(2.5, 1)",
    "True + 1", "True + True", "False - 1", "True * 3", "-True", "True // 2", "True % 2", "True ** 2",
    "True / 2", "True + 1.5", "2.5 * False",
]
cases = []
for expression in numbers:
    value = eval(expression)
    # Floats also as repr text: every JSON reader parses that back to the same double.
    cases.append({"expr": expression, "type": type(value).__name__, "value": repr(value) if isinstance(value, float) else value})
(out / "numbers.json").write_text(json.dumps(cases, indent=1) + "\n")

x = np.arange(120, dtype=np.float32).reshape(2, 3, 4, 5)
np.save(out / "arange.npy", x)
reshape = np.reshape
squeeze = lambda a, dim=None: np.squeeze(a, axis=dim)
unsqueeze = np.expand_dims
indexing = [
    "x[0]", "x[-1]", "x[0, 1]", "x[1, -1, 2, 3]", "x[0][1][2]", "x[0:1]", "x[0:1, 1:2]", "x[:, ::2]",
    "x[..., 1]", "x[..., ::-1]", "x[None]", "x[:, None, 1]", "x[1, ..., None]", "x[::-1, 1:, :-1, ::3]",
    "x[5:]", "x[-100:100]", "x[:, 2:0:-1]", "x[0, :, None, ..., 2]", "x[..., -2:, None]", "x[1:, -2, None, 1:3]",
    "x[:, :, 3:1]", "x[::2, ::-2, 1::2, -1::-2]", "x[1, ..., 2, :]", "x[..., 0, 0, 0, 0]", "x[-1:-3:-1, 1, ::4]",
    "x[0, 0, 0, 0]", "x[:, :, None, None]", "x[0:1, 1:2][0, 0]", "x[1:2, :][:, 0][0, ::2]",
    "x.reshape(6, -1)", "x.reshape((4, 30))", "x[0].reshape(-1)", "reshape(x, (2, -1, 5))", "x.reshape(120)",
    "squeeze(x[0:1, 1:2])", "squeeze(x[0:1, 1:2], 1)", "squeeze(x[:, 0:1, None], (1, 2))", "x[0:1].squeeze(0)",
    "unsqueeze(x, 0)", "unsqueeze(x, -1)", "unsqueeze(x[0, 0], 1)", "squeeze(unsqueeze(x, 2))",
]
results = []
for expression in indexing:
    value = np.asarray(eval(expression))
    results.append({"expr": expression, "shape": list(value.shape), "values": value.astype(np.float64).ravel().tolist()})
(out / "indexing.json").write_text(json.dumps(results, indent=1) + "\n")

# Programs in the common subset of Python and the script language (lists are values in
# subpix, so no program reads a list after a method changed it in the same expression,
# as print(a, a.pop()) would): Python runs each with
# the prelude below (subpix's tensor builtins in NumPy terms), and subpix must print the
# same lines, numbers within float tolerance (the tensors are float32 on both sides).
prelude = '''
import numpy as _np
def tensor(data, dtype="float32"): return _np.array(data, dtype=dtype)
def zeros(shape, dtype="float32"): return _np.zeros(shape, dtype=dtype)
def ones(shape, dtype="float32"): return _np.ones(shape, dtype=dtype)
def arange(start, stop=None, step=1, dtype="float32"):
    return _np.arange(start, dtype=dtype) if stop is None else _np.arange(start, stop, step, dtype=dtype)
def where(condition, x, y): return _np.where(condition, x, y)
def mean(x, axis=None, keepdims=False): return _np.mean(x, axis=axis, keepdims=keepdims)
def std(x, axis=None, keepdims=False): return _np.std(x, axis=axis, keepdims=keepdims)
def argmax(x, axis=None): return _np.argmax(x, axis=axis)
def argmin(x, axis=None): return _np.argmin(x, axis=axis)
def _reduction(python, numpy):
    def reduce(*values, axis=None, keepdims=False, **rest):
        if len(values) == 1 and isinstance(values[0], _np.ndarray):
            return numpy(values[0], axis=axis, keepdims=keepdims)
        return python(*values, **rest)
    return reduce
import builtins as _builtins
sum = _reduction(_builtins.sum, _np.sum)
min = _reduction(_builtins.min, _np.min)
max = _reduction(_builtins.max, _np.max)
any = _reduction(_builtins.any, _np.any)
all = _reduction(_builtins.all, _np.all)
'''

programs = {
    # loops
    "for_range": "for i in range(4):\n    print(i, i * i)",
    "for_range_step": "print(list(range(10, 0, -3)), list(range(2, 9, 2)), len(range(0, 100, 7)))",
    "for_nested_break": "for i in range(5):\n    for j in range(5):\n        if j > i:\n            break\n        if (i + j) % 2:\n            continue\n        print(i, j)",
    "while_collatz": "n = 27\nsteps = 0\nwhile n != 1:\n    n = n // 2 if n % 2 == 0 else 3 * n + 1\n    steps += 1\nprint(steps)",
    "while_else_free": "total = 0\ni = 0\nwhile True:\n    i += 1\n    if i > 100:\n        break\n    if i % 3 == 0 or i % 5 == 0:\n        total += i\nprint(total)",
    "for_tuple_unpack": "pairs = [(1, 'a'), (2, 'b'), (3, 'c')]\nfor n, s in pairs:\n    print(s * n)",
    "for_enumerate_zip": "names = ['x', 'y', 'z']\nvalues = [0.5, 1.5, 2.5]\nfor i, (name, v) in enumerate(zip(names, values)):\n    print(i, name, v)",
    "for_string": "vowels = 0\nfor c in 'subpixel keypoints':\n    if c in 'aeiou':\n        vowels += 1\nprint(vowels)",
    "for_dict_keys": "d = {'b': 2, 'a': 1, 'c': 3}\nfor k in d:\n    print(k, d[k])\nfor k in sorted(d):\n    print(k)",
    "if_elif_chain": "for x in [-5, 0, 3, 12, 100]:\n    if x < 0:\n        print('negative')\n    elif x == 0:\n        print('zero')\n    elif x < 10:\n        print('small')\n    else:\n        print('large')",
    "pass_and_single_line_blocks": "for i in range(3): pass\nif True: print('yes')\nx = 1\nif x > 2: print('no')\nelse: print('else')",
    "one_line_if_semicolons": "x = 3\nif x > 2: print('a'); print('b')\nif x > 5: print('c'); print('d')\nprint('after')",
    "one_line_elif_else_semicolons": "for x in [0, 1, 2]:\n    if x == 0: a = 'zero'; b = 0\n    elif x == 1: a = 'one'; b = 1\n    else: a = 'many'; b = x * 10\n    print(a, b)",
    "one_line_for_while_semicolons": "total = 0\nfor i in range(4): total += i; print(i, total)\nn = 3\nwhile n > 0: n -= 1; print('n', n)\nprint(total, n)",
    "one_line_def_semicolons": "def f(x): y = x * 2; return y + 1\nprint(f(3), f(10))\na = 1; b = 2; print(a + b);",
    "one_line_nested_break": "for i in range(10):\n    if i == 3: print('stop at', i); break\n    print('i', i)",
    # functions
    "def_defaults_keywords": "def area(w, h=2, scale=1.0):\n    return w * h * scale\nprint(area(3), area(3, 4), area(3, scale=0.5), area(h=1, w=7))",
    "def_recursion": "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nprint([fib(i) for i in range(15)])",
    "def_closure_over_module": "factor = 3\ndef scaled(values):\n    return [v * factor for v in values]\nprint(scaled([1, 2]))\nfactor = 10\nprint(scaled([1, 2]))",
    "def_no_return": "def show(x):\n    print('value', x)\nr = show(4)\nprint(r)",
    "def_early_return": "def first_negative(values):\n    for i, v in enumerate(values):\n        if v < 0:\n            return i\n    return -1\nprint(first_negative([3, 1, -2, 5]), first_negative([1, 2]))",
    "def_locals_do_not_leak": "x = 'module'\ndef f():\n    x = 'local'\n    return x\nprint(f(), x)",
    "def_gcd": "def gcd(a, b):\n    while b:\n        a, b = b, a % b\n    return a\nprint(gcd(1071, 462), gcd(17, 5))",
    # functions as values: lambda, key=, map, filter, *args
    "sorted_key_reverse": "words = ['kernel', 'map', 'peak', 'at', 'soft']\nprint(sorted(words, key=len), sorted(words, key=len, reverse=True), sorted(words, reverse=True))\npairs = [(1, 'b'), (0, 'c'), (1, 'a')]\nprint(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[1], reverse=True))",
    "min_max_key": "v = [-7, 3, 5, -2]\nprint(min(v, key=abs), max(v, key=abs), max('pear', 'fig', 'banana', key=len), min([(2, 'x'), (1, 'y')], key=lambda t: t[1]), max([], key=abs, default=0), max([1, -1], key=abs))",
    "map_filter": "print(list(map(str, [1, 2, 3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(filter(lambda x: x % 2, range(7))), list(filter(None, [0, 1, '', 'a', None])))",
    "lambda_values": "square = lambda x: x * x\nadd = lambda a, b=10: a + b\nprint(square(4), add(1), add(1, 2), (lambda: 'none')())\nfs = [lambda x, k=k: x + k for k in range(3)]\nprint([f(10) for f in fs])",
    "lambda_closure_in_def": "def scaler(k):\n    return lambda x: x * k\ndouble = scaler(2)\ntriple = scaler(3)\nprint(double(5), triple(5), list(map(scaler(10), [1, 2])))\ndef top(items, n):\n    return sorted(items, key=lambda p: -p[1])[:n]\nprint(top([('a', 1), ('b', 3), ('c', 2)], 2))",
    "star_arguments": "def f(a, b, c=0):\n    return a + b * 10 + c * 100\npair = [1, 2]\nprint(f(*pair), f(*pair, 3), f(*[1], *(2, 3)), f(1, *[2], c=4))\nprint(*range(3), sep=',')\nprint(*'abc', *[1, 2])",
    "sorted_tensor_channels": "x = arange(12).reshape(4, 3) % 5\nbest = sorted(range(len(x)), key=lambda c: x[c].max().item(), reverse=True)\nprint(best, max(range(len(x)), key=lambda c: x[c].sum().item()))",
    # comprehensions
    "list_comprehension_filter": "print([x * x for x in range(10) if x % 3 == 0])",
    "nested_comprehension": "print([(i, j) for i in range(3) for j in range(i)])",
    "dict_comprehension": "words = ['kernel', 'map', 'peak']\nprint({w: len(w) for w in words if len(w) > 3})",
    "comprehension_over_pairs": "d = {'a': 1, 'b': 2}\nprint([k + str(v) for k, v in d.items()], sum(v for v in d.values()))",
    "conditional_expression_in_comprehension": "print(['even' if n % 2 == 0 else 'odd' for n in range(5)])",
    # dicts and collections
    "dict_basics": "d = {}\nd['x'] = 1\nd['y'] = [1, 2]\nd['x'] += 5\nprint(d, len(d), 'x' in d, 'z' not in d, d.get('z'), d.get('z', 0))",
    "dict_methods": "d = dict(a=1, b=2)\nd.update({'c': 3})\nprint(list(d.keys()), list(d.values()), list(d.items()), d.pop('a'), d)",
    "dict_counting": "counts = {}\nfor c in 'mississippi':\n    counts[c] = counts.get(c, 0) + 1\nprint(counts)",
    "list_methods": "a = [3, 1, 2]\na.append(5)\na.extend([0, 4])\na.insert(1, 9)\nprint(a, a.index(9), a.count(1))\na.sort()\nprint(a)\nprint(a.pop(), a.pop(0), a)\na.remove(3)\na.reverse()\nprint(a)",
    "list_operators": "a = [1, 2] + [3]\nprint(a * 2, [0] * 3, a[::-1], a[1:], 2 in a, len(a), a == [1, 2, 3])",
    "list_item_and_slice_assignment": "a = list(range(6))\na[0] = 10\na[-1] *= 3\na[1:3] = ['x']\nprint(a)",
    "tuples": "t = (1, 2, 3)\na, b, c = t\nprint(t + (4,), t * 2, t[1:], a + b + c, len(t), (1, 2) < (1, 3))",
    "sorted_reversed_min_max": "v = [5, 3, 8, 1]\nprint(sorted(v), sorted(v, reverse=True), list(reversed(v)), min(v), max(v), min(4, 2, 6), max('b', 'a'))",
    "sum_any_all": "print(sum([1, 2, 3]), sum([0.5, 0.25], 1), any([0, 0, 1]), all([1, 1, 0]), any([]), all([]))",
    "isinstance_and_conversions": "for v in [1, 2.5, 'a', True, [1], (1,), {}]:\n    print(isinstance(v, int), isinstance(v, (float, str)), bool(v))",
    "enumerate_start": "print(list(enumerate('abc', 1)))",
    "zip_shortest": "print(list(zip([1, 2, 3], 'ab')), dict(zip('xy', [1, 2])))",
    # logic and comparisons
    "chained_comparisons": "x = 5\nprint(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 != 4)",
    "short_circuit_values": "print(0 or 'default', 'set' or 'default', None and 1, 3 and 4, not '', not 'x')",
    "is_none": "v = None\nw = 0\nprint(v is None, v is not None, w is None, w is not None)",
    "in_operators": "print('pix' in 'subpixel', 3 in [1, 2, 3], 'k' in {'k': 1}, 4 in range(0, 10, 2), 5 in range(0, 10, 2))",
    "numeric_literals": "print(1e400, -1e400, 0x1f, 0o17, 0b1010, 1_000_000, 2.5e-3)",
    "line_continuation": "total = 1 + \\\n    2 + \\\n    3\nprint(total)",
    "integer_arithmetic": "print(7 // 2, -7 // 2, 7 % -3, 2 ** 10, 2 ** -1, 10 / 4, round(2.5), round(3.14159, 2))",
    # strings and formatting
    "fstring_specs": "x = 3.14159\nn = 42\nprint(f'{x:.3f} {x:8.2f}| {n:5d}| {n:<5}| {n:^7}| {n:05d} {1234567:,} {0.256:.1%} {x:.2e} {255:x}')",
    "fstring_expressions": "items = [1, 2, 3]\nprint(f'{len(items)} items, sum {sum(items)}, first {items[0]!r}, {\"quoted\"} {{braces}}')",
    "percent_formatting": "print('%d apples and %.2f pears' % (3, 1.5), '%5s|%-5s|' % ('a', 'b'), '%03d' % 7, '%s' % [1, 2], '%.1f%%' % 12.34)",
    "str_format": "print('{} and {}'.format(1, 'two'), '{0}{1}{0}'.format('a', 'b'), '{name}: {value:.2f}'.format(name='pi', value=3.14159))",
    "string_methods": "s = '  Keypoints, Heatmaps  '\nprint(s.strip(), s.lower().strip(), s.strip().split(', '), '-'.join(['a', 'b', 'c']), 'abc'.upper(), 'a.npy'.replace('.npy', '.csv'))",
    "string_split_join": "line = '1.5 2.5  3.5'\nnumbers = [float(p) for p in line.split()]\nprint(numbers, sum(numbers), ','.join(str(n) for n in numbers))",
    "string_multiplication": "print('ab' * 3, '-' * 10, 3 * 'x', 'abc'.startswith('ab'), 'abc'.endswith('bc'), 'abcabc'.find('c'), 'abcabc'.count('b'))",
    "print_sep_end": "print(1, 2, 3, sep=', ')\nprint('a', end='')\nprint('b', end='|')\nprint()\nprint('x', 'y', sep='')",
    # tensors: broadcasting
    "broadcast_row": "x = arange(6).reshape(2, 3)\nprint((x + x[0]).tolist(), (x * tensor([1, 0, -1])).tolist())",
    "broadcast_column": "x = arange(6).reshape(2, 3)\nprint((x - x[:, 0:1]).tolist(), (x / (x[:, 2:3] + 1)).tolist())",
    "broadcast_outer": "a = arange(3).reshape(3, 1)\nb = arange(4).reshape(1, 4)\nprint((a * 10 + b).tolist(), (a + b).shape)",
    "broadcast_all_operators": "x = arange(1, 7).reshape(2, 3)\ny = tensor([2, 3, 4])\nprint((x - y).tolist(), (x // y).tolist(), (x % y).tolist(), (x ** y).tolist())",
    "broadcast_center_rows": "x = arange(12).reshape(3, 4)\ncentered = x - x.mean(axis=1, keepdims=True)\nprint(centered.tolist(), centered.sum(axis=1).tolist())",
    "broadcast_normalize": "x = arange(1, 7).reshape(2, 3)\nnorm = x / x.sum(axis=0)\nprint(norm.tolist(), norm.sum(axis=0).tolist())",
    # masks
    "mask_select": "x = arange(10)\nprint(x[x > 6].tolist(), x[(x > 2) & (x < 5)].tolist(), x[(x < 1) | (x > 8)].tolist(), x[~(x > 1)].tolist())",
    "mask_assign": "x = arange(8)\nx[x > 4] = 0\nx[x == 2] = -1\nprint(x.tolist())",
    "mask_where": "x = arange(-3, 3)\nprint(where(x > 0, x, 0).tolist(), where(x > 0, 1, -1).tolist(), where(x < 0, -x, x).tolist())",
    "mask_rows": "x = arange(12).reshape(4, 3)\nkeep = x[:, 0] > 2\nprint(keep.tolist(), x[keep].tolist(), x[keep].shape)",
    "mask_counts": "x = arange(20).reshape(4, 5)\nm = x % 3 == 0\nprint(m.sum(), m.sum(axis=1).tolist(), m.any(), m.all(), m.any(axis=0).tolist())",
    "comparisons_give_masks": "x = tensor([1.0, 2.0, 3.0])\nprint((x == 2).tolist(), (x != 2).tolist(), (x >= 2).tolist(), (x < tensor([2, 2, 2])).tolist(), (x > 2).dtype)",
    # reductions
    "reductions_full": "x = arange(1, 7).reshape(2, 3)\nprint(x.sum(), x.mean(), x.max(), x.min(), x.std(), x.argmax(), x.argmin())",
    "reductions_functions": "x = arange(1, 7).reshape(2, 3)\nprint(sum(x), mean(x), max(x), min(x), std(x), argmax(x), argmin(x), any(x > 5), all(x > 0))",
    "reductions_axis": "x = arange(24).reshape(2, 3, 4)\nprint(x.sum(axis=0).tolist(), x.max(axis=-1).tolist(), x.mean(axis=(0, 2)).tolist(), x.argmax(axis=1).tolist())",
    "reductions_keepdims": "x = arange(24).reshape(2, 3, 4)\nprint(x.sum(axis=(1, 2), keepdims=True).tolist(), x.min(axis=1, keepdims=True).shape, x.std(axis=2).shape)",
    "reductions_channels": "x = arange(3 * 2 * 2).reshape(1, 3, 2, 2) / 10\nfor c in range(x.shape[1]):\n    m = x[0, c]\n    print(c, round(m.max().item(), 4), round(m.mean().item(), 4))",
    "tensor_attributes": "x = zeros((2, 3, 4))\nprint(x.shape, x.dtype, len(x), x.ndim, x.size, x.T.shape, x[0].T.shape)",
    "tensor_item_and_tolist": "x = arange(6).reshape(2, 3)\nprint(x[1, 2].item(), x.sum().item(), x.T.tolist(), x[0].tolist(), tensor([[1.5]]).item())",
    "tensor_rows_loop": "x = arange(12).reshape(3, 4)\nfor row in x:\n    print(row.tolist(), row.max())",
    "tensor_item_assignment": "x = zeros((3, 3))\nfor i in range(3):\n    x[i, i] = i + 1\nx[0] += 10\nx[:, 2] = tensor([7, 8, 9])\nprint(x.tolist())",
    "tensor_channels_best_below": "x = arange(4 * 9).reshape(4, 3, 3) / 40\nbest = [round(x[c].max().item(), 3) for c in range(len(x))]\nlow = [c for c in range(len(x)) if x[c].max() < 0.5]\nprint(best, low)",
    "tensor_dtype_float64": "x = arange(3, dtype='float64') / 3\ny = arange(3) / 3\nprint(x.dtype, y.dtype, (x + y).dtype, x.tolist())",
}

written = []
for name, source in programs.items():
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        exec(prelude + source, {"__name__": "__golden__"})
    written.append({"name": name, "source": source, "stdout": captured.getvalue()})
(out / "programs.json").write_text(json.dumps(written, indent=1) + "\n")
seeds = root / "scripts/fuzz/corpus/scripts"
for program in written:
    (seeds / f"python-{program['name']}.subpix").write_text(program["source"] + "\n")
print(f"wrote {len(cases)} number cases, {len(results)} indexing cases and {len(written)} programs under {out.relative_to(root)}")
