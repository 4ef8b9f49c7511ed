#!/usr/bin/env bash
# Runs the float32 C kernels (Sources/CSubpixKernels, unchanged) on aarch64
# under qemu user-mode emulation and compares every output with the same
# kernels' baseline path on this x86-64 machine, within stated bounds, and with
# the AVX2 + FMA path bit for bit where the CPU has it (scripts/arm64/kernel_check.c
# prints the outputs, scripts/arm64/compare_kernels.py compares them and states
# the bounds). Exits non-zero and names the kernel, case and index on a mismatch.
#
# Needs (a developer check, not part of CI):
#   apt-get install qemu-user-static gcc-aarch64-linux-gnu libc6-dev-arm64-cross
# and the Swift toolchain's clang (the compiler SwiftPM uses; CLANG overrides it).
#
#   scripts/check-arm64-kernels.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
clang="${CLANG:-$(dirname "$(readlink -f "$(command -v swift)")")/clang}"
work="$root/.build/arm64-kernel-check"

for tool in "$clang" qemu-aarch64-static aarch64-linux-gnu-ld python3; do
    command -v "$tool" >/dev/null || { echo "check-arm64-kernels: needs $tool (see the header of $0)" >&2; exit 2; }
done
[[ -d /usr/aarch64-linux-gnu/include ]] || { echo "check-arm64-kernels: needs libc6-dev-arm64-cross" >&2; exit 2; }

# The flags SwiftPM passes for a C target in a release build (`swift build -c
# release -v`), plus warnings as errors (they do not change the code generated).
swiftpm_flags=(-O2 -DSWIFT_PACKAGE=1 -fblocks -fPIC -g -fno-omit-frame-pointer)
warnings=(-Wall -Wextra -Werror)
kernels=("$root"/Sources/CSubpixKernels/*.c)
mkdir -p "$work"

# build TRIPLE EXTRA...: the harness and the kernels for TRIPLE into $work/check-TRIPLE.
build() {
    local triple="$1" objects=()
    shift
    for source in "${kernels[@]}" "$root/scripts/arm64/kernel_check.c"; do
        local object="$work/$triple-$(basename "$source" .c).o"
        "$clang" -target "$triple" "${swiftpm_flags[@]}" "${warnings[@]}" \
            -I "$root/Sources/CSubpixKernels/include" -I "$root/scripts/arm64" -c "$source" -o "$object"
        objects+=("$object")
    done
    "$clang" -target "$triple" "$@" "${objects[@]}" -lm -lpthread -o "$work/check-$triple"
}

echo "building for x86-64 and aarch64 with $clang"
build x86_64-unknown-linux-gnu
build aarch64-unknown-linux-gnu -static   # static: qemu needs no aarch64 loader or libraries

echo "running (aarch64 under qemu-aarch64-static)"
"$work/check-x86_64-unknown-linux-gnu" baseline >"$work/x86_64.txt"
qemu-aarch64-static "$work/check-aarch64-unknown-linux-gnu" >"$work/aarch64.txt"

echo "== aarch64 against the x86-64 baseline path, within the bounds of compare_kernels.py"
python3 "$root/scripts/arm64/compare_kernels.py" "$work/x86_64.txt" "$work/aarch64.txt"

# clang fuses `a * b + c` wherever the target has a fused multiply-add: on
# aarch64 and on the AVX2 + FMA path alike, so those two should agree to the bit.
if grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo; then
    echo "== aarch64 against the x86-64 AVX2 + FMA path, bit for bit"
    "$work/check-x86_64-unknown-linux-gnu" avx2 >"$work/x86_64-avx2.txt"
    python3 "$root/scripts/arm64/compare_kernels.py" --same-bits "$work/x86_64-avx2.txt" "$work/aarch64.txt"
else
    echo "== (this CPU has no AVX2 + FMA: the bit-for-bit comparison with that path is skipped)"
fi
