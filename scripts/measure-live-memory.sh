#!/usr/bin/env bash
# Peak memory of `subpix view --stream` while N frames of 1 MiB (512×512 float32)
# stream through a FIFO as fast as the viewer reads them (docs/live.md, "Memory").
#
#   scripts/measure-live-memory.sh [SUBPIX_BINARY] [FRAMES] [FPS] [--max-bytes N]
#
# The producer sends FPS frames a second (default 100: 100 MiB/s); the panel's
# last lines (frames kept, dropped) are printed too.
#
# Prints the maximum resident set size (/usr/bin/time -v) of the viewer for the
# stream, and for a stream of one frame (the program's baseline with one frame shown).
set -euo pipefail
binary=${1:-.build/debug/subpix}
frames=${2:-1000}
fps=${3:-100}
shift $(( $# > 3 ? 3 : $# ))
extra=("$@")
work=$(mktemp -d)
trap 'tmux -L subpix-memory kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

measure() {  # $1: frames to send
  local count=$1
  rm -f "$work/heat.fifo" "$work/time.txt" "$work/done"
  mkfifo "$work/heat.fifo"
  tmux -L subpix-memory new-session -d -x 120 -y 36 \
    "TERM=xterm-256color /usr/bin/time -v -o $work/time.txt $binary view --stream $work/heat.fifo ${extra[*]:-}; touch $work/done"
  python3 - "$work/heat.fifo" "$count" "$fps" <<'PY'
import io, sys, time
import numpy as np
path, count, fps = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
ys, xs = np.mgrid[0:512, 0:512].astype(np.float32)
with open(path, "wb") as fifo:
    for i in range(count):
        frame = np.exp(-((xs - 100 - 0.3 * i) ** 2 + (ys - 200) ** 2) / 50).astype(np.float32)  # 1 MiB
        buffer = io.BytesIO()
        np.save(buffer, frame)
        fifo.write(buffer.getvalue())
        time.sleep(1 / fps)
PY
  for _ in $(seq 600); do
    tmux -L subpix-memory capture-pane -p 2>/dev/null | grep -q "stream ended ($count frames)" && break
    sleep 0.2
  done
  tmux -L subpix-memory capture-pane -p | grep -E "live frame|kept|stream ended|dropped" | sed 's/^.*  //' >&2 || true
  tmux -L subpix-memory send-keys q
  for _ in $(seq 100); do [ -e "$work/done" ] && break; sleep 0.2; done
  grep "Maximum resident set size" "$work/time.txt" | awk -v n="$count" '{printf "%5d frames: max RSS %.0f MiB\n", n, $NF / 1024}'
  tmux -L subpix-memory kill-server 2>/dev/null || true
}

measure 1
measure "$frames"
