#!/usr/bin/env bash
# Runs `subpix bench`, kornia's side (scripts/kornia_suite.py) and the C floors
# on this machine and prints per workload: kornia ms · subpix ms · floor ms ·
# subpix / floor · kornia / subpix · subpix ms with --kornia 0.7 (kornia 0.7.4's semantics).
#
# The floors (../shared/bench/floors/*.c and scripts/floors/*.c) are minimal,
# fused, single-thread C versions of the workloads, built as the given ones are
# (gcc -O3 -ffast-math -march=native: every instruction set this CPU has); the
# floor column is their best-of time on one thread, so with --threads 2 a
# subpix / floor ratio of 0.5 means "as fast as the floor split perfectly".
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

. scripts/kornia-venv.sh

swift build -c release --product subpix >&2
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
floors=()
for source in ../shared/bench/floors/*.c scripts/floors/*.c; do
    [ -f "$source" ] || continue
    binary="$results/$(basename "$source" .c)"
    gcc -O3 -ffast-math -march=native -Iscripts/floors "$source" -lm -o "$binary"
    floors+=("$binary")
done
for round in $(seq "$rounds"); do
    echo "round $round of $rounds ..." >&2
    .build/release/subpix bench --threads "$threads" --reps "$reps" --only "$only" --json \
        > "$results/subpix-$round.json" 2> "$results/kernels.txt"
    .build/release/subpix bench --threads "$threads" --reps "$reps" --only "$only" --json --kornia 0.7 \
        > "$results/subpix07-$round.json" 2> /dev/null
    OMP_NUM_THREADS="$threads" "$venv/bin/python" scripts/kornia_suite.py \
        --threads "$threads" --reps "$reps" --only "$only" --json > "$results/kornia-$round.json"
    for floor in "${floors[@]}"; do "$floor"; done > "$results/floor-$round.txt"
done

python3 - "$results" "$threads" "$rounds" <<'PY'
import glob, json, re, statistics, sys
folder, threads, rounds = sys.argv[1:]
def medians(runs):
    names = [n for run in runs for n in run]
    return {n: statistics.median(run[n] for run in runs if n in run) for n in dict.fromkeys(names)}
def suite(side):
    return medians([{n: v["median_ms"] for n, v in json.load(open(f)).items()}
                    for f in sorted(glob.glob(f"{folder}/{side}-*.json"))])
floor_line = re.compile(r"floor (\S+) 1 thread: ([0-9.]+) ms")
floor = medians([{m[1]: float(m[2]) for m in floor_line.finditer(open(f).read())}
                 for f in sorted(glob.glob(f"{folder}/floor-*.txt"))])
kornia, subpix, subpix07 = suite("kornia"), suite("subpix"), suite("subpix07")
print(open(f"{folder}/kernels.txt").read().strip())
print(f"threads: {threads}; rounds: {rounds}; median over rounds of per-round medians, ms; floor: 1 thread, best of its runs")
print(f"{'workload':16s} {'kornia':>9s} {'subpix':>9s} {'floor':>9s} {'subpix/floor':>13s} {'kornia/subpix':>14s} {'subpix 0.7':>11s}")
for name in list(kornia) + [n for n in subpix if n not in kornia]:
    k, s, f, s07 = kornia.get(name), subpix.get(name), floor.get(name), subpix07.get(name)
    fmt = lambda v: f"{v:9.3f}" if v is not None else f"{'-':>9s}"
    ratio = lambda a, b, width: f"{a / b:{width - 1}.2f}x" if a and b else f"{'-':>{width}s}"
    print(f"{name:16s} {fmt(k)} {fmt(s)} {fmt(f)} {ratio(s, f, 13)} {ratio(k, s, 14)}  {fmt(s07)}")
PY
