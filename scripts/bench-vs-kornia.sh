#!/usr/bin/env bash
# Runs `subpix bench` and kornia's side (scripts/kornia_suite.py) in one go on this
# machine, same thread count, and prints: name · kornia ms · subpix ms · speed-up.
#
#   scripts/bench-vs-kornia.sh [--threads N] [--reps R]
#
# The kornia venv (torch + kornia from PyPI) is made on first use at
# $SUBPIX_KORNIA_VENV (default: .venv-kornia in the repository).
set -euo pipefail
cd "$(dirname "$0")/.."

threads=2
reps=20
while [ $# -gt 0 ]; do
    case "$1" in
        --threads) threads="$2"; shift 2 ;;
        --reps) reps="$2"; shift 2 ;;
        *) echo "usage: $0 [--threads N] [--reps R]" >&2; exit 2 ;;
    esac
done

venv="${SUBPIX_KORNIA_VENV:-.venv-kornia}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import torch, kornia" 2>/dev/null; then
    echo "making the kornia venv at $venv (torch + kornia from PyPI) ..." >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q torch kornia
fi

swift build -c release --product subpix >&2
subpix_json=$(.build/release/subpix bench --threads "$threads" --reps "$reps" --json)
kornia_json=$(OMP_NUM_THREADS="$threads" "$venv/bin/python" scripts/kornia_suite.py --threads "$threads" --reps "$reps" --json)

python3 - "$kornia_json" "$subpix_json" "$threads" <<'PY'
import json, sys
kornia, subpix, threads = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
print(f"threads: {threads}; medians in ms")
print(f"{'workload':14s} {'kornia':>10s} {'subpix':>10s} {'speed-up':>9s}")
for name in list(kornia) + [n for n in subpix if n not in kornia]:
    k = kornia.get(name, {}).get("median_ms")
    s = subpix.get(name, {}).get("median_ms")
    ratio = f"{k / s:8.1f}x" if k and s else "       -"
    fmt = lambda v: f"{v:10.3f}" if v is not None else f"{'-':>10s}"
    print(f"{name:14s} {fmt(k)} {fmt(s)} {ratio}")
PY
