#!/usr/bin/env bash
# Reading speed: wimlib-imagex against Fenestra's pure-Java engine, side by side in one run.
# Builds a ~1 GB corpus from /usr, captures it with wimlib as XPRESS, LZX and LZMS-solid, then
# times `apply` and `verify` of each with both tools (median of BENCH_REPEAT runs, warm cache,
# JVM start-up included) and prints wimlib_seconds / fenestra_seconds per row (target >= 1.0).
#   bench/wim-read.sh            (BENCH_REPEAT=3, BENCH_WORK=bench/work)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require wimlib-imagex wimtools
require bc
require /usr/bin/time time

FENESTRA=("$REPO_ROOT/fenestra" wim)
"${FENESTRA[@]}" --help >/dev/null 2>&1 || true   # builds the products on first use
build_corpus

declare -A CAPTURE_OPTIONS=(
  [xpress]="--compress=XPRESS"
  [lzx]="--compress=LZX"
  [lzms-solid]="--solid"
)
for kind in xpress lzx lzms-solid; do
  wim=$WORK/corpus-$kind.wim
  if [ ! -f "$wim" ]; then
    echo "bench: capturing $wim with wimlib (${CAPTURE_OPTIONS[$kind]}) ..." >&2
    wimlib-imagex capture "$CORPUS" "$wim" corpus ${CAPTURE_OPTIONS[$kind]} --threads="$(nproc)" >/dev/null
  fi
done

target=$WORK/apply-target
echo
echo "WIM read benchmark: corpus $(du -sh --apparent-size "$CORPUS" | cut -f1), $(nproc) cores, median of $REPEAT"
print_header
for kind in xpress lzx lzms-solid; do
  wim=$WORK/corpus-$kind.wim
  # warm the page cache for both tools alike
  cat "$wim" >/dev/null
  reset="rm -rf '$target' && mkdir -p '$target'"
  w=$(time_median "$reset" wimlib-imagex apply "$wim" 1 "$target")
  f=$(time_median "$reset" "${FENESTRA[@]}" apply "$wim" 1 "$target")
  print_row "apply $kind" "$w" "$f"
  w=$(time_median ":" wimlib-imagex verify "$wim")
  f=$(time_median ":" "${FENESTRA[@]}" verify "$wim")
  print_row "verify $kind" "$w" "$f"
done
rm -rf "$target"
