#!/usr/bin/env bash
# Regenerates the committed seed corpora in bench/fuzz/corpus/ (only needed when the seeds
# should change; fuzz.sh uses the committed files). Needs wimlib-imagex (Debian: wimtools),
# gcab, a JDK 21+ and python3; takes the small fixtures from /work/shared/fixtures/wim when present
# (FIXTURES=... to point elsewhere).
#
# WIM seeds are tiny on purpose (2-7 KB): the fuzzer mutates and re-reads the whole file on
# every execution, so small seeds that still cover every format feature fuzz much faster
# than the 160 KB test fixtures.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
corpus=$here/../corpus
fixtures=${FIXTURES:-/work/shared/fixtures/wim}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A small tree with what the reader must handle: several chunks (48 KB text), an empty file,
# an empty directory, a hard link, a duplicate (single-instance blob), a symlink (reparse
# point), a non-ASCII name.
mkdir -p "$work/tree/dir" "$work/tree/emptydir"
(cd "$work/tree" && python3 - <<'PY'
import os
open('readme.txt', 'w').write(''.join(f'Fenestra fuzz seed, line {i}: the quick brown fox jumps over the lazy dog.\n' for i in range(8)))
open('empty.txt', 'w').close()
open('big.txt', 'w').write(''.join(('block %03d: ' % (i // 40)) + 'abcdefghijklmnopqrstuvwxyz0123456789\n' for i in range(1000)))
open('dir/dup.txt', 'w').write(open('readme.txt').read())
os.link('readme.txt', 'dir/link.txt')
os.symlink('../readme.txt', 'dir/sym')
open('dir/caf\u00e9 \u6f22.txt', 'wb').write(bytes(range(256)) * 3)
PY
)

w=$work/wim
mkdir -p "$w"
cap() { wimlib-imagex capture "$work/tree" "$w/$1" seed "${@:2}" >/dev/null 2>&1; }
cap xpress.wim --compress=xpress --chunk-size=4096
cap lzx.wim --compress=lzx
cap lzms.wim --compress=lzms
cap solid.esd --solid
cap solid-lzx.esd --solid --solid-compress=lzx --solid-chunk-size=32768
cap integrity.wim --compress=xpress --chunk-size=4096 --check
cap unix-data.wim --compress=lzx --unix-data
cap pipable.wim --compress=xpress --pipable
wimlib-imagex capture "$work/tree/dir" "$w/none.wim" seed --compress=none >/dev/null
cp "$w/lzx.wim" "$w/multi.wim"
wimlib-imagex append "$work/tree/dir" "$w/multi.wim" second --boot >/dev/null
wimlib-imagex update "$w/multi.wim" 1 >/dev/null <<'CMDS'
add /etc/hostname /added.txt
rename /dir/dup.txt /dir/renamed.txt
CMDS
for f in empty-image.wim corrupt/truncated-header.wim; do
    if [[ -f $fixtures/$f ]]; then cp "$fixtures/$f" "$w/fixture-$(basename "$f")"; fi
done

rm -rf "$corpus"
mkdir -p "$corpus/wim"
cp "$w"/* "$corpus/wim/"
python3 "$here/extract_chunks.py" "$corpus" "$w"/*.wim "$w"/*.esd
# A few more varied chunks (Unicode names, binary data) from the test fixtures, small ones only.
for f in xpress.wim lzx.wim lzms.wim solid.esd; do
    if [[ -f $fixtures/$f ]]; then python3 "$here/extract_chunks.py" --max-bytes 4096 "$corpus" "$fixtures/$f"; fi
done

# Cabinets: gcab's MSZIP and stored ones (Debian: gcab), and what no tool here writes (LZX
# folders, several folders with reserve areas) from CabSeeds.java on the engine's classes.
mkdir -p "$corpus/cab" "$work/cab" "$work/classes"
(cd "$work/tree" && gcab -c -z "$corpus/cab/mszip.cab" readme.txt empty.txt dir/dup.txt \
    && gcab -c "$corpus/cab/stored.cab" readme.txt dir/dup.txt)
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
"$java_home/bin/javac" --release 21 -nowarn -d "$work/classes" \
    $(find "$here/../../../bundles/org.fenestra.compress/src" -name '*.java')
"$java_home/bin/java" -cp "$work/classes" "$here/CabSeeds.java" "$corpus/cab"
chmod 644 "$corpus"/*/*
du -sh "$corpus"/*
