#!/usr/bin/env bash
# Extraction speed: cabextract against Fenestra's cabinet reader, side by side in one run.
# Makes a ~500 MB MSZIP cabinet of mixed files (BENCH_CAB_MB) from the bench corpus with gcab,
# in several folders (gcab writes one folder per cabinet: its cabinets are put together with
# cab_merge.py), cached under BENCH_WORK; then times extracting it with `cabextract` and with
# `./fenestra cab extract` (median of BENCH_REPEAT runs, warm cache, JVM start-up included) and
# prints cabextract_seconds / fenestra_seconds (target >= 1.0).
#   bench/cab.sh            (BENCH_CAB_MB=500, BENCH_CAB_FOLDERS=8, BENCH_REPEAT=3, BENCH_WORK=bench/work)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require gcab
require cabextract
require python3
require bc
require /usr/bin/time time

MEGABYTES=${BENCH_CAB_MB:-500}
FOLDERS=${BENCH_CAB_FOLDERS:-8}
FENESTRA=("$REPO_ROOT/fenestra" cab)
"${FENESTRA[@]}" --help >/dev/null 2>&1 || true   # builds the products on first use
build_corpus

cab=$WORK/mixed-${MEGABYTES}mb-${FOLDERS}f.cab
if [ ! -f "$cab" ]; then
  echo "bench: making $cab with gcab ($FOLDERS folders) ..." >&2
  parts=$WORK/cab-parts
  rm -rf "$parts" && mkdir -p "$parts"
  # Files in a stable mixed order (libraries, locales, docs, sources) up to the size, at most
  # 60000 (a cabinet's limit is 65535), dealt round-robin into the folders.
  (cd "$CORPUS" && find . -type f -printf '%s %P\n' | sort -k2 | awk -v limit=$((MEGABYTES * 1048576)) \
    -v folders="$FOLDERS" -v dir="$parts" '
      total + $1 > limit || n >= 60000 { next }
      { total += $1; print substr($0, index($0, " ") + 1) > (dir "/list" (n % folders)); n++ }')
  for ((i = 0; i < FOLDERS; i++)); do
    (cd "$CORPUS" && xargs -d '\n' -a "$parts/list$i" gcab -c -z "$parts/part$i.cab")
  done
  python3 "$BENCH_ROOT/cab_merge.py" "$cab.tmp" "$parts"/part*.cab
  mv "$cab.tmp" "$cab"
  rm -rf "$parts"
fi

target=$WORK/cab-target
files=$("${FENESTRA[@]}" list "$cab" | grep -c ' | ')
echo
echo "CAB extract benchmark: $(du -h --apparent-size "$cab" | cut -f1) MSZIP cabinet, $FOLDERS folders, $files files," \
  "$(nproc) cores, median of $REPEAT"
printf '%-28s %14s %12s %10s\n' "operation" "cabextract (s)" "fenestra (s)" "ratio"
cat "$cab" >/dev/null   # warm the page cache for both tools alike
reset="rm -rf '$target' && mkdir -p '$target'"
c=$(time_median "$reset" cabextract -q -d "$target" "$cab")
c_cpu=$(cat "$WORK/last-cpu.txt")
f=$(time_median "$reset" "${FENESTRA[@]}" extract "$cab" -d "$target")
f_cpu=$(cat "$WORK/last-cpu.txt")
printf '%-28s %14s %12s %10s\n' "extract MSZIP" "$c" "$f" "$(echo "scale=2; $c / $f" | bc -l)"
printf '%-28s %14s %12s %10s\n' "  CPU seconds" "$c_cpu" "$f_cpu" "$(echo "scale=2; $c_cpu / $f_cpu" | bc -l)"
# Same bytes on both sides (checked once, untimed).
rm -rf "$target" "$target.ref" && mkdir -p "$target" "$target.ref"
cabextract -q -d "$target.ref" "$cab" && "${FENESTRA[@]}" extract "$cab" -d "$target" >/dev/null
diff -r -q "$target.ref" "$target" >/dev/null && echo "bench: extracted trees are identical" \
  || { echo "bench: extracted trees DIFFER" >&2; exit 1; }
rm -rf "$target" "$target.ref"
