#!/usr/bin/env python3
"""Writes the heatmap files the viewer's tests open, with their ground truth.

    scripts/make-viewer-files.py OUTDIR [--big [SIZE]]

pose.npy        (4, 17, 64, 48) float32: what a pose network outputs. Each map has one
                Gaussian peak (sigma 2, amplitude 0.8-1.0) at a known sub-pixel position
                plus N(0, 0.02) noise; channels 15 and 16 are flat (noise around 0.05,
                max about 0.11); channel 7 has two peaks.
pose_truth.json {"b,k": [[x, y], ...]} for every map of pose.npy (x, y in pixels).
nan.npy         (1, 1, 32, 32) float32: one peak at (12.3, 20.6) and NaN at 3 pixels.
vol.npy         (1, 1, 4, 32, 32) float32: a 5-D difference-of-Gaussians-like volume.
vol_noisy.npy   (1, 1, 5, 48, 48) float32: one blob (amplitude 1, sigma 2.5 px across,
                1 level deep) centred at x 20.3, y 14.6, level 2.2, plus N(0, 0.005)
                noise: a few hundred noise maxima, every one below 0.1.
multi.npz       "heatmaps" (2, 3, 32, 24) and "pafs" (2, 4, 32, 24), float32.
big.npy         (--big) (1, 1, SIZE, SIZE) float32, SIZE 4096 unless given (64 MB):
                three sigma-4 peaks at (0.244, 0.171), (0.611, 0.732), (0.879, 0.293) of
                the size, plus 0.3 px.
Everything is seeded: the files are the same on every run.

    scripts/make-viewer-files.py --grid OUTDIR

grid.npz        "heat" (4, 17, 64, 48) float32, committed under
                Tests/SubpixSessionTests/Resources/viewer (values rounded to 12 significant
                bits, so the compressed file stays small). Per channel k of every batch:
                one sigma-2 peak of amplitude 0.8-1.0 plus N(0, 0.02) noise (k 0-12 but 5,
                9 and 11); k 5 and 9 have two, in either half, the second at 0.8 of the first's amplitude;
                k 11 is a weak real peak (amplitude 0.3); k 13 is flat (0.05 + N(0, 0.02)),
                k 14 flat (0.3 + N(0, 0.01)); k 15 is near zero (10**U(-8, -5) plus a
                4e-4 blob) and k 16 near-zero noise (10**U(-8, -3.4), at most 4e-4).
grid_truth.json {"b,k": [[x, y], ...]}: the true peaks of every map (none for k 13-16).
"""
import json
import os
import sys

import numpy as np


def gaussian(height, width, x, y, sigma, amplitude=1.0):
    rows, columns = np.mgrid[0:height, 0:width]
    return amplitude * np.exp(-((columns - x) ** 2 + (rows - y) ** 2) / (2 * sigma ** 2))


def pose_shaped(seed, make_map):
    """A (4, 17, 64, 48) output and its truth: make_map(rng, b, k, height, width) gives each map and its peaks."""
    rng = np.random.default_rng(seed)
    batches, channels, height, width = 4, 17, 64, 48
    maps = np.zeros((batches, channels, height, width), dtype=np.float64)
    truth = {}
    for b in range(batches):
        for k in range(channels):
            maps[b, k], peaks = make_map(rng, b, k, height, width)
            truth[f"{b},{k}"] = [[round(x, 4), round(y, 4)] for x, y in peaks]
    return maps, truth


def write_truth(out, name, truth):
    with open(os.path.join(out, name), "w") as f:
        json.dump(truth, f, indent=1)


def pose_map(rng, b, k, height, width):
    noise = rng.normal(0.0, 0.02, (height, width))
    if k in (15, 16):
        return 0.05 + noise, []                   # flat: no joint visible
    peaks = [(rng.uniform(8, width - 8), rng.uniform(8, height - 8))]
    if k == 7:                                    # two people's wrists
        x, y = peaks[0]
        peaks.append(((x + width / 2) % (width - 16) + 8, (y + height / 2) % (height - 16) + 8))
    heat = noise.copy()
    for x, y in peaks:
        heat += gaussian(height, width, x, y, 2.0, rng.uniform(0.8, 1.0))
    return heat, peaks


def pose(out):
    maps, truth = pose_shaped(11, pose_map)
    np.save(os.path.join(out, "pose.npy"), maps.astype(np.float32))
    write_truth(out, "pose_truth.json", truth)


def grid_map(rng, b, k, height, width):
    if k == 13:
        return 0.05 + rng.normal(0.0, 0.02, (height, width)), []
    if k == 14:
        return 0.3 + rng.normal(0.0, 0.01, (height, width)), []
    if k == 15:
        return 10 ** rng.uniform(-8, -5, (height, width)) + gaussian(height, width, 20.5, 30.5, 2.0, 4e-4), []
    if k == 16:
        return 10 ** rng.uniform(-8, np.log10(4e-4), (height, width)), []
    amplitude = 0.3 if k == 11 else rng.uniform(0.8, 1.0)
    if k in (5, 9):                               # two people: one in each half, the second 0.8 of the first's height
        peaks = [(rng.uniform(8, width - 8), rng.uniform(8, height / 2 - 6), amplitude),
                 (rng.uniform(8, width - 8), rng.uniform(height / 2 + 6, height - 8), 0.8 * amplitude)]
    else:
        peaks = [(rng.uniform(8, width - 8), rng.uniform(8, height - 8), amplitude)]
    heat = sum(gaussian(height, width, x, y, 2.0, a) for x, y, a in peaks)
    return heat + rng.normal(0.0, 0.02, (height, width)), [(x, y) for x, y, _ in peaks]


def grid(out):
    maps, truth = pose_shaped(25, grid_map)
    values = maps.astype(np.float32)
    bits = values.view(np.uint32)
    bits &= np.uint32(0xFFFFF000)                 # 12 significant bits, as float16: deflate shrinks the file to 527 KB
    for key, peaks in truth.items():              # rounding must not tie a peak with a neighbour (NMS keeps strict maxima)
        b, k = map(int, key.split(","))
        for x, y in peaks:
            row, column = int(round(y)), int(round(x))
            window = values[b, k, row - 2:row + 3, column - 2:column + 3]
            assert (window == window.max()).sum() == 1, f"tied peak in map {key} at {x}, {y}"
    np.savez_compressed(os.path.join(out, "grid.npz"), heat=values)
    write_truth(out, "grid_truth.json", truth)


def nan_map(out):
    heat = gaussian(32, 32, 12.3, 20.6, 2.0)
    for y, x in [(3, 4), (17, 28), (30, 1)]:
        heat[y, x] = np.nan
    np.save(os.path.join(out, "nan.npy"), heat[None, None].astype(np.float32))


def volume(out):
    levels = [gaussian(32, 32, 15.4, 10.7, s) - gaussian(32, 32, 15.4, 10.7, 1.6 * s) for s in (1.0, 1.6, 2.56, 4.1)]
    np.save(os.path.join(out, "vol.npy"), np.stack(levels)[None, None].astype(np.float32))


def noisy_volume(out):
    rng = np.random.default_rng(7)
    levels = [np.exp(-((d - 2.2) ** 2) / 2) * gaussian(48, 48, 20.3, 14.6, 2.5) for d in range(5)]
    volume = np.stack(levels) + rng.normal(0, 0.005, (5, 48, 48))
    np.save(os.path.join(out, "vol_noisy.npy"), volume[None, None].astype(np.float32))


def archive(out):
    rng = np.random.default_rng(5)
    heatmaps = np.stack([np.stack([gaussian(32, 24, 5 + 6 * k, 8 + 7 * b, 2.0) for k in range(3)]) for b in range(2)])
    pafs = rng.normal(0, 1, (2, 4, 32, 24))
    np.savez(os.path.join(out, "multi.npz"), heatmaps=heatmaps.astype(np.float32), pafs=pafs.astype(np.float32))


def big_peaks(size):
    return [(round(size * fx) + 0.3, round(size * fy) + 0.3) for fx, fy in [(0.244, 0.171), (0.611, 0.732), (0.879, 0.293)]]


def big(out, size):
    heat = np.zeros((size, size), dtype=np.float32)
    for x, y in big_peaks(size):
        left, top = int(x) - 24, int(y) - 24
        heat[top:top + 48, left:left + 48] += gaussian(48, 48, x - left, y - top, 4.0).astype(np.float32)
    np.save(os.path.join(out, "big.npy"), heat[None, None])


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if sys.argv[1] == "--grid":
        os.makedirs(sys.argv[2], exist_ok=True)
        grid(sys.argv[2])
        sys.exit()
    directory = sys.argv[1]
    os.makedirs(directory, exist_ok=True)
    pose(directory)
    nan_map(directory)
    volume(directory)
    noisy_volume(directory)
    archive(directory)
    if "--big" in sys.argv:
        rest = sys.argv[sys.argv.index("--big") + 1:]
        big(directory, int(rest[0]) if rest else 4096)
