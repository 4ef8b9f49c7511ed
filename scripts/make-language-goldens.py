#!/usr/bin/env python3
"""Writes what Python and NumPy themselves give for expressions the script
language spells the same way (run from the repository root):

    python3 scripts/make-language-goldens.py

- Tests/SubpixSessionTests/Resources/language/numbers.json: Python 3's value and
  type of integer and float arithmetic (`//`, `%`, `**` with negative operands)
  and of the conversion builtins (float, int, str, len, bool, abs, min, max, round).
- Tests/SubpixSessionTests/Resources/language/arange.npy and indexing.json: NumPy's
  basic indexing (integers, slices, None, ...) and reshape/squeeze/unsqueeze of
  x = arange(120).reshape(2, 3, 4, 5), as shapes and elements.
"""
import json, pathlib
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
print(f"wrote {len(cases)} number cases and {len(results)} indexing cases under {out.relative_to(root)}")
