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
"""
import json
import os
import sys

import numpy as np


def gaussian(height, width, x, y, sigma, amplitude=1.0):
    rows, columns = np.mgrid[0:height, 0:width]
    return amplitude * np.exp(-((columns - x) ** 2 + (rows - y) ** 2) / (2 * sigma ** 2))


def pose(out):
    rng = np.random.default_rng(11)
    batches, channels, height, width = 4, 17, 64, 48
    maps = np.zeros((batches, channels, height, width), dtype=np.float64)
    truth = {}
    for b in range(batches):
        for k in range(channels):
            noise = rng.normal(0.0, 0.02, (height, width))
            if k in (15, 16):
                maps[b, k] = 0.05 + noise          # flat: no joint visible
                truth[f"{b},{k}"] = []
                continue
            peaks = [(rng.uniform(8, width - 8), rng.uniform(8, height - 8))]
            if k == 7:                            # two people's wrists
                x, y = peaks[0]
                peaks.append(((x + width / 2) % (width - 16) + 8, (y + height / 2) % (height - 16) + 8))
            for x, y in peaks:
                maps[b, k] += gaussian(height, width, x, y, 2.0, rng.uniform(0.8, 1.0))
            maps[b, k] += noise
            truth[f"{b},{k}"] = [[round(x, 4), round(y, 4)] for x, y in peaks]
    np.save(os.path.join(out, "pose.npy"), maps.astype(np.float32))
    with open(os.path.join(out, "pose_truth.json"), "w") as f:
        json.dump(truth, f, indent=1)


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
