#!/usr/bin/env python3
"""Writes the NumPy-made streams the live-reader tests read (run from the repository root):

    python3 scripts/make-stream-resources.py

Tests/SubpixSessionTests/Resources/streams/:
- mixed.npys: consecutive arrays written by repeated np.save(f, a) on one file
  object, in several dtypes, byte orders, memory orders, ranks and .npy format
  versions. mixed.json lists each array (shape, itemsize, values in C order)
  and the byte offsets where each array and its data start.
- moving.npys: 5 frames (24, 32) float32 of one Gaussian peak (sigma 2) moving at
  sub-pixel steps, as a training loop would send them; moving.json holds each
  frame's true peak position (x, y) in pixels.
- garbage.npys: good arrays with bad bytes between them (text, a cut magic, an
  unsupported complex dtype). garbage.json lists what a reader must report:
  each good array's shape and values, and "problem" where bytes are skipped.
"""
import io, json, pathlib
import numpy as np

out = pathlib.Path(__file__).resolve().parent.parent / "Tests/SubpixSessionTests/Resources/streams"
out.mkdir(parents=True, exist_ok=True)

def record(array):
    return {"shape": list(array.shape), "itemsize": array.dtype.itemsize,
            "values": np.ascontiguousarray(array).astype(np.float64).ravel().tolist()}

grid = np.arange(12, dtype=np.float64).reshape(3, 4) / 4 - 1
arrays = [
    ("save", grid.astype("<f4")),
    ("save", np.arange(24, dtype="<f8").reshape(2, 3, 4) * 0.5),
    ("save", np.array([-3, -1, 0, 2, 300], dtype=">i2")),
    ("save", np.array([[0, 7], [200, 255]], dtype="u1")),
    ("save", np.array([[True, False, True], [False, False, True]])),
    ("save", np.asfortranarray(np.arange(6, dtype="<f4").reshape(3, 2))),
    ("v2", np.linspace(0, 1, 20, dtype="<f4").reshape(1, 1, 4, 5)),
    ("save", np.float32(2.5) * np.ones((1, 1), "<f4")),
]
stream = io.BytesIO()
frames = []
for how, array in arrays:
    start = stream.tell()
    if how == "v2":
        np.lib.format.write_array(stream, array, version=(2, 0))
    else:
        np.save(stream, array)
    end = stream.tell()
    entry = record(array)
    entry["start"], entry["end"] = start, end
    entry["data_start"] = end - array.nbytes
    frames.append(entry)
(out / "mixed.npys").write_bytes(stream.getvalue())
(out / "mixed.json").write_text(json.dumps({"frames": frames}, indent=1) + "\n")

stream = io.BytesIO()
expected = []
def good(array):
    np.save(stream, array)
    expected.append(record(array))
def bad(raw):
    stream.write(raw)
    expected.append("problem")
good(grid.astype("<f4"))
bad(b"this is not an array\n")
good(np.ones((2, 2), "<f8"))
bad(b"\x93NU")
good(np.arange(3, dtype="<i4"))
np.save(stream, np.zeros(3, np.complex64))
expected.append("problem")
good(np.full((1, 2), 9, "<f4"))
(out / "garbage.npys").write_bytes(stream.getvalue())
(out / "garbage.json").write_text(json.dumps({"events": expected}, indent=1) + "\n")

ys, xs = np.mgrid[0:24, 0:32].astype(np.float64)
stream = io.BytesIO()
truth = []
for i in range(5):
    x, y = 9.3 + 1.37 * i, 8.6 + 0.81 * i
    np.save(stream, np.exp(-((xs - x) ** 2 + (ys - y) ** 2) / (2 * 2.0 ** 2)).astype("<f4"))
    truth.append([x, y])
(out / "moving.npys").write_bytes(stream.getvalue())
(out / "moving.json").write_text(json.dumps({"truth": truth}, indent=1) + "\n")
