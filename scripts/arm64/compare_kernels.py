#!/usr/bin/env python3
"""Compares two listings of kernel_check.c (x86-64 reference, aarch64 candidate).

    compare_kernels.py [--same-bits] REFERENCE CANDIDATE

Each case is a heading `= kernel/case count` and a line of hex bits per value;
a case may end in `~S`, the size of the terms its values are sums of (their
floor below). Both runs must list the same values in the same order; NaN and infinities (with their sign) must sit at the
same places; finite values must agree within the kernel's bound below, or with
--same-bits to the bit (NaN payloads aside). Prints one summary line per kernel
and, on a mismatch, the first few offending values; exits 1 when anything differs.
"""
import math
import struct
import sys
from collections import defaultdict
from itertools import zip_longest

ULP = 2.0 ** -24  # float32 unit roundoff

# Why aarch64 may differ at all: clang contracts `a * b + c` into one fused
# multiply-add by default (-ffp-contract=on) where the target has one, and the
# x86-64 baseline (SSE2) has none. A fused operation skips the rounding of the
# product: at most one unit roundoff (ULP here) of the product per operation.
# Otherwise both machines run the same operations in the same order.
#
# A bound is (b, floor): |a - b| <= b * max(|a|, |b|, floor), where floor
# "case" is the largest finite magnitude among that case's x86-64 values (the
# scale of the terms a result is a difference of).
#
# The soft-argmax exponentials are 2^t with t = x*a - b fused: t moves by at
# most |x*a| ULP (absolute), so 2^t by ln 2 * |x*a| ULP relative. The inputs
# of kernel_check.c reach |x*a| = 288 (a border value of 20 at temperature 10,
# a = 10 * log2 e), so a term moves by up to 200 ULP; the polynomial adds at
# most 6. A soft-argmax coordinate is a weighted average of tap offsets within
# [-1, 1] (of pixel positions for spatial_soft_argmax) with those weights, so it
# moves by at most 2 * 206 ULP of the largest offset, plus the roundings of the
# sums and of the final multiply-adds: 1024 ULP of the case's largest value.
BOUNDS = {
    # Comparisons and copies only, and a scalar fit compiled with
    # `#pragma clang fp contract(off)`: the same bits.
    "strict_maxima": (0.0, 0.0),
    "iterative_quad": (0.0, 0.0),
    "scratch": (0.0, 0.0),
    "heap_tuning": (0.0, 0.0),
    # The inputs are the terms (no exponential); prefix and suffix sums of
    # non-negative terms, the weighted ones with `t * x + s` fused. Each side
    # is within 4k ULP of the exact sums (WindowSumsTests' bound, k <= 15), so
    # they differ by at most 8 * 15 = 120 ULP, relative (no floor: the point of
    # the van Herk sums is that a window of 1e-30 terms keeps its accuracy).
    "window_sums": (128 * ULP, 0.0),
    "spatial_soft_argmax": (1024 * ULP, "case"),
    "window_soft_argmax": (1024 * ULP, "case"),
    # The gradients are sums of terms of both signs that cancel (for the window
    # gradient, e(k) * (alpha * offset + rho) per window; for the spatial one
    # t * p * (g_x * (x_j - X) + ...)), each term carrying the forward's error.
    # Relative to the case's largest gradient or, where the harness states it
    # (`~S`), the size of one window's terms if larger (at a peak centred in its
    # window every term cancels: the gradient is ~0 on both machines, and
    # differs by the rounding of terms of size S), 4x the forward's bound for the
    # sum over the overlapping windows. A heuristic, not a proof: the summary
    # prints the largest difference seen next to it.
    "spatial_soft_argmax_backward": (4096 * ULP, "case"),
    "window_soft_argmax_backward": (4096 * ULP, "case"),
    # Every cell is reported and nothing cancels: the Cody-Waite exponential
    # (3e-7, 5 ULP, on either side), the profile's sum (up to 64 terms) and
    # divide, one product: 2 * 5 + 64 + 2 < 128 ULP relative.
    "render_gaussian": (128 * ULP, 0.0),
}

# x86-64 flushes results below 2^-126 to zero while it renders, aarch64 keeps
# them (SubpixKernels.h documents it): there a 0 on x86-64 matches anything
# below 2^-126 (one bound's worth above it: the two sides' rounding).
FLUSHES_SUBNORMALS = {"render_gaussian"}
SMALLEST_NORMAL = 2.0 ** -126


def read(path):
    """Yields (line number, case, index, value) from `= case count` headings
    each followed by `count` lines of hex bits."""
    label, index = None, 0
    with open(path) as handle:
        for number, line in enumerate(handle, 1):
            if line.startswith("= "):
                label, index = line.split()[1], 0
                continue
            yield number, label, index, struct.unpack("<f", struct.pack("<I", int(line, 16)))[0]
            index += 1


def main(reference_path, candidate_path, same_bits=False):
    cases = defaultdict(list)  # label -> [(index, reference, candidate)]
    for first, second in zip_longest(read(reference_path), read(candidate_path)):
        if first is None or second is None:
            print(f"the listings differ in length (at line {(first or second)[0]})")
            return 1
        (number, label, index, want), (_, other_label, other_index, got) = first, second
        if (label, index) != (other_label, other_index):
            print(f"line {number}: listings diverge ({label} {index} vs {other_label} {other_index})")
            return 1
        cases[label].append((index, want, got))
    failures, worst = [], {}
    for label, values in cases.items():
        kernel = label.split("/")[0]
        bound, floor = (0.0, 0.0) if same_bits else BOUNDS[kernel]
        if floor == "case":
            terms = float(label.partition("~")[2] or 0)
            floor = max([abs(w) for _, w, _ in values if math.isfinite(w)] + [terms])
        summary = worst.setdefault(kernel, {"cases": 0, "values": 0, "differ": 0, "flushed": 0, "ratio": 0.0, "where": ""})
        summary["cases"] += 1
        summary["values"] += len(values)
        for index, want, got in values:
            if not (math.isfinite(want) and math.isfinite(got)):
                same = (math.isnan(want) and math.isnan(got)) or want == got
                if not same:
                    failures.append(f"{label} [{index}]: x86-64 {want!r}, aarch64 {got!r} (NaN/inf position)")
                continue
            if want == got and (bound > 0 or math.copysign(1, want) == math.copysign(1, got)):
                continue   # an exact kernel must also agree on the sign of a zero
            if kernel in FLUSHES_SUBNORMALS and want == 0 and abs(got) < SMALLEST_NORMAL * (1 + bound):
                summary["flushed"] += 1
                continue
            summary["differ"] += 1
            scale = max(abs(want), abs(got), floor)
            ratio = abs(want - got) / scale / ULP if scale > 0 else math.inf   # inf: zeros of opposite signs
            if ratio > summary["ratio"]:
                summary["ratio"], summary["where"] = ratio, f"{label} [{index}]"
            if ratio > bound / ULP:
                failures.append(f"{label} [{index}]: x86-64 {want!r}, aarch64 {got!r} "
                                f"({ratio:.0f} ULP of {scale:.3g}, bound {bound / ULP:.0f})")
    for kernel, s in sorted(worst.items()):
        flushed = f" ({s['flushed']} flushed to 0 on x86-64)" if s["flushed"] else ""
        print(f"{kernel}: {s['cases']} cases, {s['values']} values, {s['differ']} not bit-identical{flushed}, "
              f"largest difference {s['ratio']:.1f} ULP (bound {0 if same_bits else BOUNDS[kernel][0] / ULP:.0f}) "
              f"at {s['where'] or '-'}")
    for failure in failures[:20]:
        print("MISMATCH " + failure)
    if failures:
        print(f"{len(failures)} values outside their bounds")
        return 1
    print("aarch64 kernels agree with x86-64 " + ("bit for bit" if same_bits else "within the bounds"))
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    same = arguments[:1] == ["--same-bits"]
    if len(arguments) != 2 + same:
        sys.exit(__doc__)
    sys.exit(main(*arguments[same:], same_bits=same))
