#!/usr/bin/env bash
# Runs `subpix bench` and kornia's side (scripts/kornia_suite.py) on this machine
# with the same thread count and prints: name · kornia ms · subpix ms · speed-up.
#
#   scripts/bench-vs-kornia.sh [--threads N] [--reps R] [--rounds K] [--only a,b]
#
# --only picks workloads by name, including the opt-in kernel-scaling ones
# (csa2d_k3, csa2d_k7, csa2d_k15; see `subpix bench --list`).
#
# The two suites alternate for K rounds (default 3): subpix, kornia, subpix, ...
# Each workload's figure is the median over the rounds of the per-round medians,
# so a slow spell of a shared machine lands on both sides instead of on one.
#
# The kornia venv (torch + kornia from PyPI) is made on first use at
# $SUBPIX_KORNIA_VENV (default: .venv-kornia in the repository).
set -euo pipefail
cd "$(dirname "$0")/.."

threads=2
reps=20
rounds=3
only=""
while [ $# -gt 0 ]; do
    case "$1" in
        --threads) threads="$2"; shift 2 ;;
        --reps) reps="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --only) only="$2"; shift 2 ;;
        *) echo "usage: $0 [--threads N] [--reps R] [--rounds K] [--only a,b]" >&2; exit 2 ;;
    esac
done

venv="${SUBPIX_KORNIA_VENV:-.venv-kornia}"
# kornia >= 0.9: render_gaussian2d divides by 2σ² there, as subpix does (0.7 divided by 2σ).
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import torch, kornia, sys; sys.exit(tuple(map(int, kornia.__version__.split('.')[:2])) < (0, 9))" 2>/dev/null; then
    echo "making the kornia venv at $venv (torch + kornia >= 0.9 from PyPI) ..." >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q torch "kornia>=0.9"
fi

swift build -c release --product subpix >&2
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
for round in $(seq "$rounds"); do
    echo "round $round of $rounds ..." >&2
    .build/release/subpix bench --threads "$threads" --reps "$reps" --only "$only" --json > "$results/subpix-$round.json"
    OMP_NUM_THREADS="$threads" "$venv/bin/python" scripts/kornia_suite.py \
        --threads "$threads" --reps "$reps" --only "$only" --json > "$results/kornia-$round.json"
done

python3 - "$results" "$threads" "$rounds" <<'PY'
import glob, json, statistics, sys
folder, threads, rounds = sys.argv[1:]
def medians(side):
    runs = [json.load(open(f)) for f in sorted(glob.glob(f"{folder}/{side}-*.json"))]
    names = [n for run in runs for n in run]
    return {n: statistics.median(run[n]["median_ms"] for run in runs if n in run) for n in dict.fromkeys(names)}
kornia, subpix = medians("kornia"), medians("subpix")
print(f"threads: {threads}; rounds: {rounds}; median over rounds of per-round medians, ms")
print(f"{'workload':14s} {'kornia':>10s} {'subpix':>10s} {'speed-up':>9s}")
for name in list(kornia) + [n for n in subpix if n not in kornia]:
    k, s = kornia.get(name), subpix.get(name)
    ratio = f"{k / s:8.1f}x" if k and s else "       -"
    fmt = lambda v: f"{v:10.3f}" if v is not None else f"{'-':>10s}"
    print(f"{name:14s} {fmt(k)} {fmt(s)} {ratio}")
PY
