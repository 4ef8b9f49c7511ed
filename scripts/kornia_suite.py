#!/usr/bin/env python3
"""kornia's side of `subpix bench`: the built-in workloads timed in kornia on CPU.

    python3 scripts/kornia_suite.py [--threads N] [--reps R] [--json] [--only a,b]

Needs torch and kornia (scripts/bench-vs-kornia.sh makes a venv with both).
Workload names, shapes and arguments match `subpix bench` and the product's
reference suite, so the two can be compared line by line. Inputs are seeded
standard-normal noise: the worst case, with many local maxima.
"""
import argparse
import json
import sys
import time

import torch
from kornia.geometry import subpix


def workloads():
    torch.manual_seed(0)
    maps = torch.randn(20, 16, 50, 32)
    volumes = torch.randn(20, 16, 3, 50, 32)
    large_map = torch.randn(1, 1, 512, 512)
    large_volume = torch.randn(1, 1, 5, 512, 512)
    pose = torch.randn(32, 17, 64, 48)
    means = torch.rand(32, 17, 2) * 2 - 1
    stds = torch.full((32, 17, 2), 0.1)
    single_step = {"n_iters": 1} if hasattr(subpix, "iterative_quad_interp3d") else {}
    return {
        "csa2d_doc": lambda: subpix.conv_soft_argmax2d(maps, (3, 3), (2, 2), (1, 1), output_value=True),
        "csa2d_dense": lambda: subpix.conv_soft_argmax2d(maps, (3, 3), (1, 1), (1, 1), output_value=True),
        "csa2d_large": lambda: subpix.conv_soft_argmax2d(large_map, (5, 5), (1, 1), (2, 2), output_value=True),
        "csa3d_doc": lambda: subpix.conv_soft_argmax3d(volumes, (3, 3, 3), (1, 2, 2), (0, 1, 1)),
        "quad3d_doc": lambda: subpix.conv_quad_interp3d(volumes, **single_step),
        "quad3d_large": lambda: subpix.conv_quad_interp3d(large_volume, **single_step),
        "iquad3d_large": lambda: subpix.iterative_quad_interp3d(large_volume, 5),
        "ssa2d_pose": lambda: subpix.spatial_soft_argmax2d(pose),
        "render_pose": lambda: subpix.render_gaussian2d(means, stds, (64, 48)),
        "nms2d_large": lambda: subpix.nms2d(large_map, (3, 3)),
        "nms3d_large": lambda: subpix.nms3d(large_volume, (3, 3, 3)),
    }


def gradients():
    """Forward + backward: torch autograd's vector-Jacobian product through the op
    (`torch.autograd.grad` with a seeded cotangent per output), as `subpix bench`'s
    *_vjp workloads run the op's pullback. The backward alone is the difference
    from the forward workload of the same name."""
    torch.manual_seed(2)
    pose = torch.randn(32, 17, 64, 48, requires_grad=True)
    maps = torch.randn(20, 16, 50, 32, requires_grad=True)
    pose_cotangent = torch.randn(32, 17, 2)
    coords_cotangent, values_cotangent = torch.randn(20, 16, 2, 50, 32), torch.randn(20, 16, 50, 32)

    def ssa2d_pose_vjp():
        torch.autograd.grad(subpix.spatial_soft_argmax2d(pose), pose, pose_cotangent)

    def csa2d_dense_vjp():
        outputs = subpix.conv_soft_argmax2d(maps, (3, 3), (1, 1), (1, 1), output_value=True)
        torch.autograd.grad(outputs, maps, (coords_cotangent, values_cotangent))

    return {run.__name__: run for run in (ssa2d_pose_vjp, csa2d_dense_vjp)}


def scaling():
    """Opt-in workloads (run only when named in --only): conv_soft_argmax2d with
    a k × k kernel, stride 1, padding k // 2, on one 512 × 512 map."""
    torch.manual_seed(1)
    large_map = torch.randn(1, 1, 512, 512)
    return {
        f"csa2d_k{k}": (lambda k=k: subpix.conv_soft_argmax2d(large_map, (k, k), (1, 1), (k // 2, k // 2), output_value=True))
        for k in (3, 7, 15)
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", default="")
    options = parser.parse_args()
    torch.set_num_threads(options.threads)
    chosen = set(filter(None, options.only.split(",")))

    results = {}
    suite = workloads()
    suite.update(gradients())
    if chosen:
        suite.update(scaling())
    for name, run in suite.items():
        if chosen and name not in chosen:
            continue
        try:
            run()  # warm-up
        except AttributeError:
            continue  # an op this kornia version lacks
        times = []
        for _ in range(options.reps):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        times.sort()
        results[name] = {"median_ms": times[len(times) // 2] * 1e3, "min_ms": times[0] * 1e3}
        if not options.json and sys.stderr.isatty():
            print(f"  {name} done", file=sys.stderr)

    if options.json:
        print(json.dumps(results))
    else:
        for name, r in results.items():
            print(f"{name:14s} median {r['median_ms']:9.3f} ms   min {r['min_ms']:9.3f} ms")


if __name__ == "__main__":
    main()
