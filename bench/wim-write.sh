#!/usr/bin/env bash
# Writing speed and size: wimlib-imagex against Fenestra, side by side in one run, on the same
# ~1 GB corpus as bench/wim-read.sh. Prints wimlib_seconds / fenestra_seconds (target >= 1.0)
# and fenestra_bytes / wimlib_bytes (target <= 1.01 for XPRESS and LZX) per row. The LZMS-solid
# row measures a 64 MiB-chunk solid capture (wimlib's --solid defaults) on both sides.
# Operations Fenestra cannot do yet are listed as such, not skipped silently.
# CPU seconds (user + sys, of the median run) are printed beside: on a busy machine they show
# the work done better than wall time. Rows: capture-XPRESS, capture-LZX, export-recompress,
# export-raw, append, optimize, capture-LZMS-solid (the export, append and optimize rows need
# capture-LZX's wimlib WIM from an earlier run).
#   bench/wim-write.sh            (BENCH_REPEAT=3, BENCH_WORK=bench/work, BENCH_ROWS=row,row)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require wimlib-imagex wimtools
require bc
require /usr/bin/time time

FENESTRA=("$REPO_ROOT/fenestra" wim)
"${FENESTRA[@]}" >/dev/null 2>&1 || true   # builds the products on first use
build_corpus
out=$WORK/write
mkdir -p "$out"
# Untimed first runs: on JDK 25+ the launcher records each command's AOT cache on its first
# successful run (a second more), as an admin's first command does; the timed runs are later ones.
warm=$out/warm-up
rm -rf "$warm" && mkdir -p "$warm"
"${FENESTRA[@]}" capture "$REPO_ROOT/bundles/org.fenestra.compress/src" "$warm/a.wim" a --compress=XPRESS >/dev/null
"${FENESTRA[@]}" export "$warm/a.wim" 1 "$warm/b.wim" --compress=LZX --recompress >/dev/null
"${FENESTRA[@]}" append "$REPO_ROOT/bundles/org.fenestra.wim/src" "$warm/a.wim" b >/dev/null
"${FENESTRA[@]}" optimize "$warm/a.wim" >/dev/null
rm -rf "$warm"

size_ratio() { echo "scale=4; $(stat -c %s "$1") / $(stat -c %s "$2")" | bc -l; }

# Times a command pair: sets w, wc (wimlib wall and CPU s) and f, fc (Fenestra's).
timed_pair() { # wimlib_setup fenestra_setup wimlib_command... -- fenestra_command...
  local ws=$1 fs=$2; shift 2
  local wcmd=()
  while [ "$1" != "--" ]; do wcmd+=("$1"); shift; done
  shift
  w=$(time_median "$ws" "${wcmd[@]}"); wc=$(cat "$WORK/last-cpu.txt")
  f=$(time_median "$fs" "$@"); fc=$(cat "$WORK/last-cpu.txt")
}

row() { # name fenestra_file wimlib_file (after timed_pair)
  printf '%-34s %9s %9s %7s %9s %9s %7s %9s\n' "$1" "$w" "$f" "$(echo "scale=2; $w / $f" | bc -l)" \
    "$wc" "$fc" "$(echo "scale=2; $wc / $fc" | bc -l)" "$(size_ratio "$2" "$3")"
}

echo
echo "WIM write benchmark: corpus $(du -sh --apparent-size "$CORPUS" | cut -f1), $(nproc) cores, median of $REPEAT"
printf '%-34s %9s %9s %7s %9s %9s %7s %9s\n' "operation" "wimlib s" "fen. s" "time" "wimlib" "fen." "CPU" "size"
printf '%-34s %9s %9s %7s %9s %9s %7s %9s\n' "" "(wall)" "(wall)" "ratio" "CPU s" "CPU s" "ratio" "ratio"
N=$(nproc)
for compression in XPRESS LZX; do
  want_row "capture-$compression" || continue
  timed_pair "rm -f '$out/w.wim'" "rm -f '$out/f.wim'" \
    wimlib-imagex capture "$CORPUS" "$out/w.wim" corpus --compress="$compression" --threads="$N" -- \
    "${FENESTRA[@]}" capture "$CORPUS" "$out/f.wim" corpus --compress="$compression"
  row "capture $compression" "$out/f.wim" "$out/w.wim"
  mv "$out/w.wim" "$out/capture-$compression-wimlib.wim"
  mv "$out/f.wim" "$out/capture-$compression-fenestra.wim"
done
src=$out/capture-LZX-wimlib.wim
# Export one image of an LZX WIM into a new XPRESS WIM: every blob is recompressed.
if want_row export-recompress; then
  timed_pair "rm -f '$out/w.wim'" "rm -f '$out/f.wim'" \
    wimlib-imagex export "$src" 1 "$out/w.wim" --compress=XPRESS --recompress --threads="$N" -- \
    "${FENESTRA[@]}" export "$src" 1 "$out/f.wim" --compress=XPRESS --recompress
  row "export --recompress (LZX->XPRESS)" "$out/f.wim" "$out/w.wim"
fi
# Export keeping the compression: blobs are copied raw.
if want_row export-raw; then
  timed_pair "rm -f '$out/w.wim'" "rm -f '$out/f.wim'" \
    wimlib-imagex export "$src" 1 "$out/w.wim" -- "${FENESTRA[@]}" export "$src" 1 "$out/f.wim"
  row "export (raw copy)" "$out/f.wim" "$out/w.wim"
fi
# Append a modified copy of the corpus (a few files replaced, a new folder) to the LZX WIM, in
# place: only the changed data is compressed and written. Then optimize the appended WIM
# (wimlib's, for the same input): rebuilt into a new file, raw copies.
if want_row append || want_row optimize; then
  modified=$WORK/modified
  # (its own marker: the hard-linked copy carries the corpus' .complete)
  if [ ! -f "$modified/.modified-complete" ]; then
    rm -rf "$modified" && cp -al "$CORPUS" "$modified"   # hard-linked copy: replaced files are unlinked first
    # (process substitution: with pipefail, find's SIGPIPE when head stops reading would abort the script)
    mapfile -t replaced < <(find "$modified" -type f -size +100k | head -n 20)
    for f in "${replaced[@]}"; do rm -f "$f"; head -c 300000 /dev/urandom | base64 > "$f"; done
    # (not bench/ itself: BENCH_WORK, and so this very tree, may lie inside it)
    mkdir -p "$modified/new-folder" && cp -a "$REPO_ROOT/bundles/org.fenestra.wim/src" "$modified/new-folder/wim-src"
    head -c 20000000 /dev/urandom | base64 > "$modified/new-folder/new-data.txt"
    touch "$modified/.modified-complete"
  fi
  timed_pair "cp '$src' '$out/w.wim'" "cp '$src' '$out/f.wim'" \
    wimlib-imagex append "$modified" "$out/w.wim" modified --threads="$N" -- \
    "${FENESTRA[@]}" append "$modified" "$out/f.wim" modified
  want_row append && row "append a modified tree" "$out/f.wim" "$out/w.wim"
  appended=$out/appended.wim
  mv "$out/w.wim" "$appended"
  if want_row optimize; then
    timed_pair "cp '$appended' '$out/w.wim'" "cp '$appended' '$out/f.wim'" \
      wimlib-imagex optimize "$out/w.wim" -- "${FENESTRA[@]}" optimize "$out/f.wim"
    row "optimize" "$out/f.wim" "$out/w.wim"
  fi
  rm -f "$appended"
fi
# Solid LZMS ("ESD"): all file data in one solid resource of 64 MiB chunks, LZMS metadata.
if want_row capture-LZMS-solid; then
  timed_pair "rm -f '$out/w.wim'" "rm -f '$out/f.wim'" \
    wimlib-imagex capture "$CORPUS" "$out/w.wim" corpus --solid --threads="$N" -- \
    "${FENESTRA[@]}" capture "$CORPUS" "$out/f.wim" corpus --solid
  row "capture LZMS-solid" "$out/f.wim" "$out/w.wim"
fi
rm -f "$out/w.wim" "$out/f.wim"
