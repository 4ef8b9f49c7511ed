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

# Beside maps/ (so the tests over maps/ do not see them), with their truth in extra.json:
# - six.npy: a (2, 3, 16, 12) output, one peak per map, each map's at its own place
#   (`--script` runs once per map; the rows must carry the right batch and channel);
# - confidence.npy: a (1, 5, 16, 12) output whose channels are a real peak, a flat map
#   (0.25 everywhere), a near-zero peak (4e-4 high: 0.04 % of the tallest, under the
#   viewer's 5 %), pure noise (N(0.2, 0.01): no maximum 8 sigma over the median), and a
#   real peak over that noise. The viewer lists keypoints for channels 0 and 4 only.
extra = np.random.default_rng(2024)
six, six_truth = peaks(2, 3)
np.save(root / "six.npy", six)
real, real_truth = peaks(1, 2)
confidence = np.empty((1, 5, H, W), np.float32)
confidence[0, 0] = real[0, 0]
confidence[0, 1] = 0.25
confidence[0, 2] = 4e-4 * six[0, 0]
noise = extra.normal(0.2, 0.01, size=(2, H, W)).astype(np.float32)
confidence[0, 3] = noise[0]
confidence[0, 4] = noise[1] + real[0, 1]
np.save(root / "confidence.npy", confidence)
(root / "extra.json").write_text(json.dumps({
    "six.npy": six_truth,
    "confidence.npy": [[0, 0] + real_truth[0][2:], [0, 4] + real_truth[1][2:]],
}, indent=1, sort_keys=True) + "\n")
