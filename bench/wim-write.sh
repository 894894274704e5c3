#!/usr/bin/env bash
# Writing speed and size: wimlib-imagex against Fenestra, side by side in one run, on the same
# ~1 GB corpus as bench/wim-read.sh. Prints wimlib_seconds / fenestra_seconds (target >= 1.0)
# and fenestra_bytes / wimlib_bytes (target <= 1.01 for XPRESS and LZX) per row. The LZMS-solid
# row measures a 64 MiB-chunk solid capture (wimlib's --solid defaults) on both sides.
# Operations Fenestra cannot do yet are listed as such, not skipped silently.
#   bench/wim-write.sh            (BENCH_REPEAT=3, BENCH_WORK=bench/work)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require wimlib-imagex wimtools
require bc

FENESTRA=("$REPO_ROOT/fenestra" wim)
"${FENESTRA[@]}" >/dev/null 2>&1 || true   # builds the products on first use
build_corpus
out=$WORK/write
mkdir -p "$out"

size_ratio() { echo "scale=4; $(stat -c %s "$1") / $(stat -c %s "$2")" | bc -l; }

row() { # name wimlib_seconds fenestra_seconds fenestra_file wimlib_file
  printf '%-28s %12s %12s %10s %12s\n' "$1" "$2" "$3" "$(echo "scale=2; $2 / $3" | bc -l)" "$(size_ratio "$4" "$5")"
}

echo
echo "WIM write benchmark: corpus $(du -sh --apparent-size "$CORPUS" | cut -f1), $(nproc) cores, median of $REPEAT"
printf '%-28s %12s %12s %10s %12s\n' "operation" "wimlib (s)" "fenestra (s)" "time ratio" "size ratio"
for compression in XPRESS LZX; do
  w=$(time_median "rm -f '$out/w.wim'" wimlib-imagex capture "$CORPUS" "$out/w.wim" corpus --compress="$compression" --threads="$(nproc)")
  f=$(time_median "rm -f '$out/f.wim'" "${FENESTRA[@]}" capture "$CORPUS" "$out/f.wim" corpus --compress="$compression")
  row "capture $compression" "$w" "$f" "$out/f.wim" "$out/w.wim"
  mv "$out/w.wim" "$out/capture-$compression-wimlib.wim"
  mv "$out/f.wim" "$out/capture-$compression-fenestra.wim"
done
# Export one image of an LZX WIM into a new XPRESS WIM: every blob is recompressed.
src=$out/capture-LZX-wimlib.wim
w=$(time_median "rm -f '$out/w.wim'" wimlib-imagex export "$src" 1 "$out/w.wim" --compress=XPRESS --recompress --threads="$(nproc)")
f=$(time_median "rm -f '$out/f.wim'" "${FENESTRA[@]}" export "$src" 1 "$out/f.wim" --compress=XPRESS --recompress)
row "export --recompress (LZX->XPRESS)" "$w" "$f" "$out/f.wim" "$out/w.wim"
# Export keeping the compression: blobs are copied raw.
w=$(time_median "rm -f '$out/w.wim'" wimlib-imagex export "$src" 1 "$out/w.wim")
f=$(time_median "rm -f '$out/f.wim'" "${FENESTRA[@]}" export "$src" 1 "$out/f.wim")
row "export (raw copy)" "$w" "$f" "$out/f.wim" "$out/w.wim"
# Append a modified copy of the corpus (a few files replaced, a new folder) to the LZX WIM, in
# place: only the changed data is compressed and written.
modified=$WORK/modified
if [ ! -f "$modified/.complete" ]; then
  rm -rf "$modified" && cp -al "$CORPUS" "$modified"   # hard-linked copy: replaced files are unlinked first
  # (process substitution: with pipefail, find's SIGPIPE when head stops reading would abort the script)
  mapfile -t replaced < <(find "$modified" -type f -size +100k | head -n 20)
  for f in "${replaced[@]}"; do rm -f "$f"; head -c 300000 /dev/urandom | base64 > "$f"; done
  mkdir -p "$modified/new-folder" && cp -a "$BENCH_ROOT" "$modified/new-folder/bench"
  head -c 20000000 /dev/urandom | base64 > "$modified/new-folder/new-data.txt"
  touch "$modified/.complete"
fi
w=$(time_median "cp '$src' '$out/w.wim'" wimlib-imagex append "$modified" "$out/w.wim" modified --threads="$(nproc)")
f=$(time_median "cp '$src' '$out/f.wim'" "${FENESTRA[@]}" append "$modified" "$out/f.wim" modified)
row "append a modified tree" "$w" "$f" "$out/f.wim" "$out/w.wim"
# Optimize the same appended WIM (wimlib's, for the same input): rebuilt into a new file, raw copies.
appended=$out/appended.wim
mv "$out/w.wim" "$appended"
w=$(time_median "cp '$appended' '$out/w.wim'" wimlib-imagex optimize "$out/w.wim")
f=$(time_median "cp '$appended' '$out/f.wim'" "${FENESTRA[@]}" optimize "$out/f.wim")
row "optimize" "$w" "$f" "$out/f.wim" "$out/w.wim"
rm -f "$appended"
# Solid LZMS ("ESD"): all file data in one solid resource of 64 MiB chunks, LZMS metadata.
w=$(time_median "rm -f '$out/w.wim'" wimlib-imagex capture "$CORPUS" "$out/w.wim" corpus --solid --threads="$(nproc)")
f=$(time_median "rm -f '$out/f.wim'" "${FENESTRA[@]}" capture "$CORPUS" "$out/f.wim" corpus --solid)
row "capture LZMS-solid" "$w" "$f" "$out/f.wim" "$out/w.wim"
rm -f "$out/w.wim" "$out/f.wim"
