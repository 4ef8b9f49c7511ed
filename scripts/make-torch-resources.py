#!/usr/bin/env python3
"""Writes the .pt files the torch-reader tests and fuzzer read, made by torch.save itself
(run from the repository root with torch installed):

    /work/venv-kornia/bin/python scripts/make-torch-resources.py

Tests/SubpixSessionTests/Resources/torch/ (also the seed corpus scripts/fuzz/corpus/torch/):
- f32.pt, f16.pt, f64.pt, i64.pt: one tensor each (f16 with subnormals, inf and NaN);
- dict.pt: a dict of tensors with a non-tensor entry; checkpoint.pt: a nested dict
  holding a module's state_dict (an OrderedDict, Parameters) and a step count;
- list.pt, tuple.pt: containers of tensors;
- views.pt: non-contiguous views sharing one storage (a transpose, a strided slice,
  a storage offset);
- compressed.pt: the same dict as dict.pt in an archive whose members are deflated;
- os-system.pt: torch.save's archive with a crafted data.pkl calling os.system, which
  a weights-only reader must refuse.
expected.json: for each file, each tensor's name, shape and values as torch holds them
(float32 bit patterns for the dtypes read as float32, float16 widened as IEEE and NumPy
do it; float64 bit patterns for float64).
allowed-globals.json: the globals torch.load(weights_only=True) allows by default.
"""
import io, json, pathlib, zipfile
import numpy as np
import torch
from torch._weights_only_unpickler import _get_allowed_globals

root = pathlib.Path(__file__).resolve().parent.parent
out = root / "Tests/SubpixSessionTests/Resources/torch"
corpus = root / "scripts/fuzz/corpus/torch"
out.mkdir(parents=True, exist_ok=True)
corpus.mkdir(parents=True, exist_ok=True)

base = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4) / 8 - 1
half = torch.tensor([0.1, 1 / 3, -2.5, 65504, 2.0 ** -24, -3 * 2.0 ** -24, 2.0 ** -15, -0.0,
                     float("inf"), float("-inf"), float("nan"), 6.1e-5], dtype=torch.float16).reshape(3, 4)
module = torch.nn.Conv2d(2, 3, 1)
torch.manual_seed(0)
torch.nn.init.normal_(module.weight)
files = {
    "f32": base,
    "f16": half,
    "f64": base.double() * 1e-3,
    "i64": torch.tensor([[-3, 0, 7], [2 ** 40, -(2 ** 33), 1]], dtype=torch.int64),
    "dict": {"heatmaps": base[None], "mask": base > 0, "bytes": torch.arange(6, dtype=torch.uint8), "epoch": 7},
    "checkpoint": {"model": module.state_dict(), "step": 1200, "params": list(module.parameters())},
    "list": [base[0], half],
    "tuple": (base[1], base.double()),
    "views": {"transposed": base[0].t(), "strided": base[:, 1:, ::2], "offset": base.reshape(-1)[5:17]},
}

def values(tensor):
    tensor = tensor.detach()
    if tensor.dtype == torch.float16:
        # IEEE's widening, as NumPy does it (torch's own .float() turns NaN's payload into all ones).
        return {"float32_bits": tensor.contiguous().numpy().astype(np.float32).view(np.uint32).ravel().tolist()}
    if tensor.dtype == torch.float64:
        return {"float64_bits": tensor.contiguous().numpy().view(np.uint64).ravel().tolist()}
    return {"float32_bits": tensor.to(torch.float32).contiguous().numpy().view(np.uint32).ravel().tolist()}

def tensors(obj, name=None):
    """The tensors of obj with the names the reader gives them (depth first, keys joined with '.')."""
    join = lambda key: key if name is None else f"{name}.{key}"
    if isinstance(obj, torch.Tensor):
        return [(name or "0", obj)]
    if isinstance(obj, dict):
        return [t for k, v in obj.items() for t in tensors(v, join(str(k)))]
    if isinstance(obj, (list, tuple)):
        return [t for i, v in enumerate(obj) for t in tensors(v, join(str(i)))]
    return []

expected = {}
for stem, obj in files.items():
    torch.save(obj, out / f"{stem}.pt")
    expected[stem] = [{"name": n, "shape": list(t.shape), **values(t)} for n, t in tensors(obj)]

def rewritten(source, target, replace=None, compression=zipfile.ZIP_STORED):
    """source's members in a new archive (compressed, or with data.pkl replaced)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", compression) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if replace is not None and info.filename.endswith("/data.pkl"):
                data = replace
            zout.writestr(info.filename, data)

rewritten(out / "dict.pt", out / "compressed.pt", compression=zipfile.ZIP_DEFLATED)
expected["compressed"] = expected["dict"]
# PROTO 2, GLOBAL 'os system', the argument 'echo pwned' as a 1-tuple, REDUCE, STOP.
command = b"echo pwned"
evil = b"\x80\x02cos\nsystem\nX" + len(command).to_bytes(4, "little") + command + b"\x85R."
rewritten(out / "f32.pt", out / "os-system.pt", replace=evil)
try:
    torch.load(out / "os-system.pt", weights_only=True)
    raise SystemExit("torch itself loaded os-system.pt")
except Exception as error:
    assert "os.system" in str(error) or "system" in str(error), error

for stem in expected:
    assert all(isinstance(v, (torch.Tensor, dict, list, tuple, int)) for v in [torch.load(out / f"{stem}.pt", weights_only=True)])
(out / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")
(out / "allowed-globals.json").write_text(json.dumps(sorted(_get_allowed_globals()), indent=1) + "\n")
for path in out.glob("*.pt"):
    (corpus / path.name).write_bytes(path.read_bytes())
print(f"wrote {len(expected) + 1} .pt files under {out.relative_to(root)} and {corpus.relative_to(root)}")
