#!/usr/bin/env bash
# Makes the pictures in docs/images/ from the demos, with the viewer's headless
# snapshot (`subpix view --snapshot`): what the viewer's heatmap pane shows at the given
# terminal size, markers and colour bar included. Re-run after changing the demos,
# the palettes or the markers:
#
#     scripts/make-doc-images.sh
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product subpix >/dev/null
subpix=.build/debug/subpix
out=docs/images
mkdir -p "$out"

# README: the built-in demo (three blobs, conv_soft_argmax2d, ground truth rings).
"$subpix" view --snapshot "$out/demo.png" --size 120x40 --force

# Tutorial: each chapter's demo as its last lines leave the view.
for demo in 01-hard-argmax 02-temperature 03-border-and-modes 05-nms 06-quad-interp; do
    "$subpix" view --script "demos/$demo.subpix" --snapshot "$out/$demo.png" --size 100x32 --force
done
