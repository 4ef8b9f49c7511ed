#!/usr/bin/env bash
# subpix extract against a kornia Python loop on a dataset of pose outputs (issue 24):
# writes N (default 10,000) (1, 17, 64, 48) float32 .npy files — one Gaussian peak
# (sigma 2) per joint over 1 % noise, as Suite.extractPoseFile's one file — then times,
# in one run on this machine, each with T threads (default 2):
#
#   read floor   cat of every file to /dev/null (the page cache's speed)
#   subpix       subpix extract DIR --jobs T -o out.csv (release build): each map judged
#                first by the viewer's confidence rule (its median and MAD), which the
#                kornia loop does not do
#   subpix, no rule   the same with --confidence none --confidence-share none: the kornia
#                loop's work exactly (its rows are compared with kornia's)
#   kornia       a Python loop: np.load -> conv_soft_argmax2d (3,3) (1,1) (1,1) ->
#                nms2d (5,5) of the values -> keypoints above 0.1 x each map's maximum
#                (subpix's defaults for conv_soft_argmax2d: the viewer's threshold),
#                written as CSV rows (torch.set_num_threads(T))
#
# and `subpix bench --only extract_pose_file` (one file's read + op + keypoints alone, one
# thread), so that subpix's per-file cost (wall time x T / N) can be compared with it.
#
#   scripts/bench-datasets.sh [--files N] [--threads T] [--rounds K] [--dir DIR] [--binary PATH]
#
# --binary times an already built subpix (a release build) instead of building one.
#
# The kornia venv is $SUBPIX_KORNIA_VENV (default: .venv-kornia, made on first use by
# scripts/kornia-venv.sh). --dir keeps the files between runs (they are made once per N).
set -euo pipefail
cd "$(dirname "$0")/.."

files=10000
threads=2
rounds=3
dir=""
subpix=""
while [ $# -gt 0 ]; do
    case "$1" in
        --files) files="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --dir) dir="$2"; shift 2 ;;
        --binary) subpix="$2"; shift 2 ;;
        *) echo "usage: $0 [--files N] [--threads T] [--rounds K] [--dir DIR] [--binary PATH]" >&2; exit 2 ;;
    esac
done

. scripts/kornia-venv.sh
python="$venv/bin/python"

if [ -z "$subpix" ]; then
    swift build -c release --product subpix >&2
    subpix=.build/release/subpix
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="${dir:-$work/maps}"
if [ ! -f "$data/.complete-$files" ]; then
    echo "writing $files pose outputs to $data ..." >&2
    mkdir -p "$data"
    "$python" - "$data" "$files" <<'PY'
import pathlib, sys
import numpy as np
folder, count = pathlib.Path(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(24)
yy, xx = np.mgrid[0:64, 0:48]
for index in range(count):
    maps = (rng.standard_normal((1, 17, 64, 48)) * 0.01).astype(np.float32)
    for joint in range(17):
        x, y = rng.uniform(4, 44), rng.uniform(4, 60)
        maps[0, joint] += np.exp(-((xx - x) ** 2 + (yy - y) ** 2) / 8).astype(np.float32)
    shelf = folder / f"{index // 1000:02d}"
    shelf.mkdir(exist_ok=True)
    np.save(shelf / f"{index:05d}.npy", maps)
(folder / f".complete-{count}").touch()
PY
fi

cat > "$work/kornia_loop.py" <<'PY'
import pathlib, sys, time
import numpy as np, torch
from kornia.geometry.subpix import conv_soft_argmax2d, nms2d
folder, threads, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
torch.set_num_threads(threads)
paths = sorted(str(p) for p in folder.rglob("*.npy"))
with open(out, "w") as table:
    table.write("file,member,frame,batch,channel,x,y,value,method\n")
    for path in paths:
        heat = torch.from_numpy(np.load(path))
        coords, values = conv_soft_argmax2d(heat, (3, 3), (1, 1), (1, 1), normalized_coordinates=False, output_value=True)
        mask = nms2d(values, (5, 5), mask_only=True)
        mask &= values >= 0.1 * heat.amax(dim=(2, 3), keepdim=True)
        for b, c, i, j in mask.nonzero().tolist():
            x, y = coords[b, c, :, i, j].tolist()
            table.write(f"{path},,0,{b},{c},{x},{y},{values[b, c, i, j].item()},conv_soft_argmax2d\n")
PY

seconds() { local start end; start=$(date +%s%N); "$@" > /dev/null; end=$(date +%s%N); echo "$(( (end - start) / 1000 ))e-6"; }
for round in $(seq "$rounds"); do
    echo "round $round of $rounds ..." >&2
    seconds sh -c "find '$data' -name '*.npy' -print0 | sort -z | xargs -0 cat > /dev/null" >> "$work/cat"
    rm -f "$work/out.csv" "$work/out.csv.manifest" "$work/bare.csv" "$work/bare.csv.manifest"
    seconds "$subpix" extract "$data" --jobs "$threads" -o "$work/out.csv" >> "$work/subpix"
    seconds "$subpix" extract "$data" --jobs "$threads" -o "$work/bare.csv" --confidence none --confidence-share none >> "$work/bare"
    seconds env OMP_NUM_THREADS="$threads" "$python" "$work/kornia_loop.py" "$data" "$threads" "$work/kornia.csv" >> "$work/kornia"
done
"$subpix" bench --threads 1 --only extract_pose_file --json > "$work/alone.json"

python3 - "$work" "$files" "$threads" "$rounds" <<'PY'
import json, statistics, sys
work, files, threads, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
median = lambda name: statistics.median(float(line) for line in open(f"{work}/{name}"))
cat, subpix, bare, kornia = median("cat"), median("subpix"), median("bare"), median("kornia")
alone = json.load(open(f"{work}/alone.json"))["extract_pose_file"]["median_ms"]
rows = lambda name: sum(1 for _ in open(f"{work}/{name}")) - 1
per_file = subpix * threads / files * 1e3
print(f"{files} files (1, 17, 64, 48) float32, {threads} threads, median of {rounds} rounds")
print(f"{'':32} {'seconds':>8} {'ms/file':>8} {'files/s':>8}")
for name, value in [("read floor (cat)", cat), ("subpix extract -> CSV", subpix), ("  the same, no confidence rule", bare),
                    ("kornia 0.9 Python loop", kornia)]:
    print(f"{name:32} {value:8.2f} {value / files * 1e3:8.3f} {files / value:8.0f}")
def points(name):
    rows = [line.split(",") for line in open(f"{work}/{name}").read().splitlines()[1:]]
    return sorted((row[0], int(row[4]), float(row[5]), float(row[6])) for row in rows)
ours, theirs = points("bare.csv"), points("kornia.csv")
same = len(ours) == len(theirs) and all(a[:2] == b[:2] and abs(a[2] - b[2]) < 1e-3 and abs(a[3] - b[3]) < 1e-3 for a, b in zip(ours, theirs))
print(f"rows: subpix {rows('out.csv')}, no rule {rows('bare.csv')}, kornia {rows('kornia.csv')};"
      f" no-rule points {'equal' if same else 'NOT equal'} to kornia's (file, channel, x and y within 1e-3)")
print(f"kornia / subpix: {kornia / subpix:.1f}x; with no confidence rule {kornia / bare:.1f}x (target >= 20x)")
print(f"subpix per file x {threads} threads: {per_file:.3f} ms; one file alone (extract_pose_file, 1 thread): {alone:.3f} ms;"
      f" ratio {per_file / alone:.2f} (target <= 2)")
PY
