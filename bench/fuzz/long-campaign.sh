#!/usr/bin/env bash
# Long fuzzing campaign for nightly use: every target (or the ones named) for HOURS each,
# collecting up to 20 distinct findings per target instead of stopping at the first. The
# corpora in bench/fuzz/target/corpus-*/ persist, so successive nights continue where the
# last one stopped.
#
#   bench/fuzz/long-campaign.sh [HOURS] [TARGET...]     # HOURS may be fractional, default 1
#   PARALLEL=2 bench/fuzz/long-campaign.sh 8            # two targets at a time
#
# Prints fuzz.sh's one-line summary per target and the campaign's wall-clock duration; exits
# 1 when anything was found (inputs and reproducers in bench/fuzz/target/findings/).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

hours=${1:-1}
shift || true
targets=${*:-xpress lzx lzms wim}
parallel=${PARALLEL:-1}
seconds=$(awk -v h="$hours" 'BEGIN { if (h !~ /^[0-9]*\.?[0-9]+$/) exit 1; printf "%d", h * 3600 }') \
    || { echo "long-campaign: HOURS must be a number" >&2; exit 2; }
[[ $parallel =~ ^[1-9][0-9]*$ ]] || { echo "long-campaign: PARALLEL must be a positive number" >&2; exit 2; }

# Compile and fetch once, so parallel runs do not race on target/classes.
"$here/fuzz.sh" --build-only

start=$(date +%s)
echo "long-campaign: $targets, ${seconds}s each, $parallel at a time, started $(date -u +%FT%TZ)"
status=0
pids=()
logs=()
for name in $targets; do
    log=$(mktemp)
    logs+=("$log")
    FUZZ_SKIP_BUILD=1 "$here/fuzz.sh" --seconds "$seconds" --target "$name" --keep-going 20 >"$log" 2>&1 &
    pids+=($!)
    if [ ${#pids[@]} -ge "$parallel" ]; then
        wait "${pids[0]}" || status=1
        pids=("${pids[@]:1}")
    fi
done
for pid in "${pids[@]}"; do
    wait "$pid" || status=1
done
for log in "${logs[@]}"; do
    cat "$log"
    rm -f "$log"
done
elapsed=$(( $(date +%s) - start ))
printf 'long-campaign: finished in %dh%02dm%02ds, result: %s\n' $((elapsed / 3600)) $((elapsed % 3600 / 60)) \
    $((elapsed % 60)) "$([ $status -eq 0 ] && echo 'no findings' || echo 'FINDINGS (see bench/fuzz/target/findings/)')"
exit $status
