#!/usr/bin/env bash
# Builds the libFuzzer harnesses (scripts/fuzz/) with address sanitizer and runs each
# for SECONDS (default 60) on its committed seed corpus, two at a time.
#   scripts/fuzz.sh [SECONDS]
# Crashes, leaks and timeouts are written under scripts/fuzz/findings/<harness>/.
set -euo pipefail
cd "$(dirname "$0")/fuzz"
seconds="${1:-60}"
flags=(-c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address)
swift build "${flags[@]}" >&2
bin="$(swift build "${flags[@]}" --show-bin-path)"
export SUBPIX_MAX_BYTES=$((16 << 20))
run() {
    local harness="$1" corpus="corpus/$2" options="$3"
    local work="work/$harness" findings="findings/$harness"
    mkdir -p "$work" "$findings"
    "$bin/$harness" "$work" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$findings/" $options -print_final_stats=1 > "$work.log" 2>&1 || true
    echo "$harness: $(grep -E 'stat::number_of_executed_units' "$work.log" | awk '{print $2}') executions, $(ls "$findings" | wc -l) findings (log: scripts/fuzz/$work.log)"
}
run FuzzNPY npy "-max_len=4096" &
run FuzzImages images "-max_len=4096" &
wait
run FuzzParser scripts "-max_len=2048 -dict=script.dict" &
run FuzzInterpreter scripts "-max_len=512 -dict=script.dict" &
wait
run FuzzTorch torch "-max_len=8192"
