#!/usr/bin/env python3
"""A stand-in for a training loop: sends heatmaps of one moving Gaussian peak
to a subpix viewer, the ways docs/live.md describes (NumPy only).

    python3 scripts/live-producer.py fifo   heat.fifo   # mkfifo first; subpix view --stream heat.fifo
    python3 scripts/live-producer.py file   heat.npy    # subpix view --follow heat.npy
    python3 scripts/live-producer.py stdout -           # ... | subpix view -

Options: --frames N (30), --fps F (20), --size H W (48 64), --sigma S (2.0),
--truth CSV: after each frame, append "frame,x,y" (the peak's true position in
pixels, x to the right, y down) so a test can compare what the viewer lists;
--pause-after N --pause S: wait S seconds after frame N (a training loop's
evaluation pause); --pause-after N --resume-file PATH: after frame N wait until
PATH exists (a test creates it once it has seen frame N, whatever the machine's speed).
"""
import argparse, io, os, sys, time
import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("mode", choices=["fifo", "file", "stdout"])
parser.add_argument("path")
parser.add_argument("--frames", type=int, default=30)
parser.add_argument("--fps", type=float, default=20)
parser.add_argument("--size", type=int, nargs=2, default=[48, 64])
parser.add_argument("--sigma", type=float, default=2.0)
parser.add_argument("--truth")
parser.add_argument("--pause-after", type=int)
parser.add_argument("--pause", type=float, default=0)
parser.add_argument("--resume-file")
args = parser.parse_args()

height, width = args.size
ys, xs = np.mgrid[0:height, 0:width].astype(np.float64)

def heatmap(i):
    """Frame i: the peak moves on a slow diagonal, at sub-pixel positions."""
    x, y = 12.3 + 0.61 * i, 10.7 + 0.37 * i
    peak = np.exp(-((xs - x) ** 2 + (ys - y) ** 2) / (2 * args.sigma ** 2))
    return peak.astype(np.float32), x, y

def npy_bytes(a):
    """What np.save(f, a) writes. (np.save straight into a pipe or FIFO fails:
    NumPy's fast path, ndarray.tofile, needs a file it can seek.)"""
    buffer = io.BytesIO()
    np.save(buffer, a)
    return buffer.getvalue()

def send_all(write):
    for i in range(args.frames):
        frame, x, y = heatmap(i)
        write(frame)
        if args.truth:
            with open(args.truth, "a") as truth:
                truth.write(f"{i},{x:.6f},{y:.6f}\n")
        time.sleep(1 / args.fps)
        if args.pause_after == i + 1:
            time.sleep(args.pause)
            while args.resume_file and not os.path.exists(args.resume_file):
                time.sleep(0.05)

if args.mode == "fifo":
    with open(args.path, "wb") as f:           # blocks until the viewer opens the FIFO
        send_all(lambda a: (f.write(npy_bytes(a)), f.flush()))
elif args.mode == "stdout":
    out = sys.stdout.buffer
    send_all(lambda a: (out.write(npy_bytes(a)), out.flush()))
else:
    def replace(a):
        temporary = args.path + ".tmp.npy"      # np.save adds .npy unless the name has it
        np.save(temporary, a)
        os.replace(temporary, args.path)        # atomic: the viewer sees the old or the new file, never half of one
    send_all(replace)
