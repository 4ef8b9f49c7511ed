#!/usr/bin/env python3
"""Writes the NumPy-made files the script tests read (run from the repository root):

    python3 scripts/make-test-resources.py

- Tests/SubpixSessionTests/Resources/formats/: .npy files in every dtype, byte
  order and memory order the reader supports, an .npz, a PGM and a PNG, each
  holding known values (listed in formats/expected.json); float16 arrays, an
  .npz and a stream of them, with NumPy's float32 conversion as bit patterns in
  formats/half.json.
- Tests/SubpixSessionTests/Resources/ops/: for one kornia golden case per op,
  the input as .npy, the expected outputs as .npy (kornia's numbers, copied
  from Tests/SubpixTests/Fixtures/kornia), and the call's keyword arguments.
"""
import json, pathlib, struct, zlib
import numpy as np

root = pathlib.Path(__file__).resolve().parent.parent
res = root / "Tests/SubpixSessionTests/Resources"
fmt = res / "formats"
ops = res / "ops"
fmt.mkdir(parents=True, exist_ok=True)
ops.mkdir(parents=True, exist_ok=True)

grid = np.arange(12, dtype=np.float64).reshape(3, 4) / 4 - 1  # -1 ... 1.75
expected = {}
for name, array in {
    "f4_le": grid.astype("<f4"), "f8_le": grid.astype("<f8"), "f4_be": grid.astype(">f4"),
    "f8_be": grid.astype(">f8"), "i2_le": (grid * 4).astype("<i2"), "i8_be": (grid * 4).astype(">i8"),
    "u1": (grid * 4 + 4).astype("u1"), "bool": grid > 0,
    "f4_fortran": np.asfortranarray(grid.astype("<f4")),
    "f4_3d": np.arange(24, dtype="<f4").reshape(2, 3, 4),
    "f8_5d": np.arange(6, dtype="<f8").reshape(1, 1, 1, 2, 3),
    "f4_1d": np.arange(5, dtype="<f4"),
}.items():
    np.save(fmt / f"{name}.npy", array)
    expected[name] = {"shape": list(array.shape), "values": np.ascontiguousarray(array).astype(np.float64).ravel().tolist()}
np.savez(fmt / "pair.npz", first=grid.astype("<f4"), second=np.ones((2, 2), "<f8"))
# (B, K, 2) in (x, y): the pixel (7, 10) where a Gaussian at (7.3, 9.6) peaks.
np.save(fmt / "points_b_k_2.npy", np.array([[[7.0, 10.0]]], dtype="<f4"))

# float16, as networks write it: subnormals, the largest half, signed zero, inf and NaN.
# half.json holds NumPy's own float32 conversion of each value, as bit patterns.
half = np.array([0.1, 1 / 3, -2.5, 65504, 2.0 ** -24, -3 * 2.0 ** -24, 2.0 ** -15, -0.0,
                 np.inf, -np.inf, np.nan, 6.1e-5], dtype=np.float64).reshape(3, 4)
np.save(fmt / "f2_le.npy", half.astype("<f2"))
np.save(fmt / "f2_be.npy", half.astype(">f2"))
np.savez(fmt / "half.npz", le=half.astype("<f2"), be=half.astype(">f2"))
with open(fmt / "half.npys", "wb") as stream:
    for order in "<>":
        np.save(stream, half.astype(order + "f2"))
(fmt / "half.json").write_text(json.dumps({"shape": list(half.shape),
    "float32_bits": half.astype("<f2").astype(np.float32).view(np.uint32).ravel().tolist()}, indent=1) + "\n")
np.savez_compressed(fmt / "compressed.npz", only=grid)

pixels = np.array([[0, 51, 102], [153, 204, 255]], dtype=np.uint8)
(fmt / "tiny_p5.pgm").write_bytes(b"P5\n# made by make-test-resources.py\n3 2\n255\n" + pixels.tobytes())
(fmt / "tiny_p2.pgm").write_text("P2\n3 2\n255\n" + "\n".join(" ".join(map(str, row)) for row in pixels) + "\n")

def png(path, rows, color_type, channels):
    raw = b"".join(b"\x00" + bytes(r) for r in rows)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", len(rows[0]) // channels, len(rows), 8, color_type, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

png(fmt / "tiny_gray.png", pixels.tolist(), 0, 1)
png(fmt / "tiny_rgb.png", [[255, 255, 255, 0, 0, 0, 128, 128, 128]], 2, 3)
expected["pgm"] = {"shape": [1, 1, 2, 3], "values": (pixels.ravel() / 255).tolist()}
(fmt / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")

fixtures = root / "Tests/SubpixTests/Fixtures"
chosen = {
    "spatial_softmax2d": "rand(2, 3, 5, 7)_t0.5", "spatial_expectation2d": "rand(2, 3, 5, 7)_nFalse",
    "spatial_soft_argmax2d": "blobs_t10.0", "conv_soft_argmax2d": "k(3, 5)_s(1, 2)_p(1, 2)_t0.1_nFalse",
    "conv_soft_argmax3d": "k(3, 3, 3)_s(1, 2, 2)_p(1, 1, 1)_b10.0_nTrue", "conv_quad_interp3d": "dog0_b10.0",
    "iterative_quad_interp3d": "dog1_it5_stepsTrue", "nms2d": "k(3, 5)", "nms3d": "k(3, 5, 5)_mask",
    "render_gaussian2d": "nFalse_broadcast_std", "nms3d_minmax": "dog",
}
# The ops kornia 0.9 added come from its own fixture set, and so does render_gaussian2d's
# broadcast case (the 0.7.4 set has none); the manifest names each case's release.
added_in_09 = {"nms3d_minmax", "render_gaussian2d"}
manifest = {}
for op, case_name in chosen.items():
    data = json.load(open(fixtures / ("kornia-0.9" if op in added_in_09 else "kornia") / f"{op}.json"))
    case = next(c for c in data["cases"] if c["name"] == case_name and c["dtype"] == "float32")
    def array(entry):
        values = [float("nan") if v == "NaN" else float("inf") if v == "Infinity" else float("-inf") if v == "-Infinity" else v for v in entry["data"]]
        return np.array(values, dtype=np.float32).reshape(entry["shape"])
    for name, entry in case["inputs"].items():
        np.save(ops / f"{op}.{name}.npy", array(entry))
    for index, entry in enumerate(case["outputs"]):
        np.save(ops / f"{op}.out{index}.npy", array(entry))
    manifest[op] = {"case": case_name, "kornia": case["kornia"], "args": case["args"], "inputs": list(case["inputs"]), "outputs": len(case["outputs"]),
                    "atol": case["atol"], "rtol": case["rtol"]}
(ops / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
print(f"wrote {len(expected)} format cases and {len(manifest)} op cases under {res.relative_to(root)}")
