#!/usr/bin/env python3
"""Writes the NumPy-made dataset `subpix extract`'s tests read (run from the repository root):

    python3 scripts/make-dataset-resources.py

Tests/SubpixSessionTests/Resources/dataset/:
- maps/part1/00.npy ... maps/part2/09.npy: 10 float32 (2, 4, 16, 12) pose-like outputs,
  in two folders; each map holds one Gaussian peak (sigma 1.2, height 1) at a sub-pixel
  position, except channel 3 of batch 1 of each even-numbered file, all zeros (a
  joint with no peak: a flat map has no strict maximum, so no keypoint).
- maps/part1/03-bad.npy: bytes that are no .npy (the bad file in the middle).
- maps/part2/pair.npz: two members, "first" and "second", each a (1, 2, 16, 12) map pair.
- truth.json: {file: {member: [[batch, channel, x, y] ...]}} the true peaks in pixels
  (member "" for a .npy), empty maps left out.
"""
import json, pathlib
import numpy as np

root = pathlib.Path(__file__).resolve().parent.parent / "Tests/SubpixSessionTests/Resources/dataset"
rng = np.random.default_rng(24)
H, W = 16, 12
yy, xx = np.mgrid[0:H, 0:W]


def peaks(batches, channels, empty=()):
    maps = np.zeros((batches, channels, H, W), np.float32)
    truth = []
    for b in range(batches):
        for c in range(channels):
            if (b, c) in empty:
                continue
            x, y = rng.uniform(2.5, W - 3.5), rng.uniform(2.5, H - 3.5)
            maps[b, c] = np.exp(-((xx - x) ** 2 + (yy - y) ** 2) / (2 * 1.2 ** 2))
            truth.append([b, c, round(float(x), 6), round(float(y), 6)])
    return maps, truth


truths = {}
for index in range(10):
    part = "part1" if index < 5 else "part2"
    path = root / "maps" / part / f"{index:02d}.npy"
    path.parent.mkdir(parents=True, exist_ok=True)
    maps, truth = peaks(2, 4, empty={(1, 3)} if index % 2 == 0 else ())
    np.save(path, maps)
    truths[str(path.relative_to(root))] = {"": truth}

(root / "maps/part1/03-bad.npy").write_bytes(b"this is no npy file\n")

first, first_truth = peaks(1, 2)
second, second_truth = peaks(1, 2)
np.savez(root / "maps/part2/pair.npz", first=first, second=second)
truths["maps/part2/pair.npz"] = {"first": first_truth, "second": second_truth}

(root / "truth.json").write_text(json.dumps(truths, indent=1, sort_keys=True) + "\n")
