# Sourced by the kornia benchmarks (scripts/bench-vs-kornia.sh, scripts/bench-datasets.sh):
# sets `venv` to $SUBPIX_KORNIA_VENV (default: .venv-kornia in the repository) and makes it
# there on first use, with torch and kornia >= 0.9 from PyPI (0.9: render_gaussian2d divides
# by 2σ² there, as subpix does; 0.7 divided by 2σ).
venv="${SUBPIX_KORNIA_VENV:-.venv-kornia}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import torch, kornia, sys; sys.exit(tuple(map(int, kornia.__version__.split('.')[:2])) < (0, 9))" 2>/dev/null; then
    echo "making the kornia venv at $venv (torch + kornia >= 0.9 from PyPI) ..." >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q torch "kornia>=0.9"
fi
