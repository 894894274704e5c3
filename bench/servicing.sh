#!/usr/bin/env bash
# Offline servicing: Fenestra's portable servicer (a run with optimize, through the headless
# console's servicing-now, JVM start-up included) against wimlib-imagex doing the same file
# operations (`update` then `optimize`), side by side in one run, on the corpus captured as LZX.
# The package adds 200 files (~100 MB) and replaces 300. Prints the time ratio
# wimlib_seconds / fenestra_seconds (target >= 1.0) and the size ratio fenestra_bytes /
# wimlib_bytes (target <= 1.01). Then 12 monthly cycles (each adds 200 and replaces the same 300
# files) on two images, optimize on and off: the size after each cycle, beside the live data
# (the same image exported into a fresh WIM by wimlib: nothing unreferenced).
#   bench/servicing.sh                         (the ~1 GB corpus of bench/lib.sh)
#   BENCH_SERVICING_MB=100 bench/servicing.sh  (a quick run on the first 100 MB of it)
#   BENCH_CYCLES=3 ...                         (fewer monthly cycles)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require wimlib-imagex wimtools
require bc
require python3

ADD_FILES=200
ADD_MB=100
REPLACE_FILES=300
CYCLES=${BENCH_CYCLES:-12}
MB=${BENCH_SERVICING_MB:-}

"$REPO_ROOT/fenestra" wim >/dev/null 2>&1 || true   # builds the products on first use
build_corpus
out=$WORK/servicing${MB:+-$MB}
mkdir -p "$out"

# The corpus, or its first MB megabytes (by path order) for a quick run.
source_tree=$CORPUS
if [ -n "$MB" ]; then
  source_tree=$out/corpus
  if [ ! -f "$out/.corpus-complete" ]; then
    rm -rf "$source_tree" && mkdir -p "$source_tree"
    # tar, not cpio (not on every machine): it keeps the corpus's hard links within the part as well;
    # awk reads to the end, as an early exit would fail the pipeline (pipefail) on sort's broken pipe
    (cd "$CORPUS" && find . -type f -printf '%s\t%p\n' | sort -t $'\t' -k2 | awk -F '\t' -v limit=$((MB * 1024 * 1024)) \
      '{ total += $1; if (total > limit) full = 1; if (!full) print $2 }' | tar -cf - --no-recursion -T - | tar -xf - -C "$source_tree")
    touch "$out/.corpus-complete"
  fi
fi
base=$out/base.wim
[ -f "$base" ] || wimlib-imagex capture "$source_tree" "$base" "Bench" --compress=LZX >/dev/null

# Package N: an .fpkg adding ADD_FILES new files under bench/cycle-N/ and replacing the first
# REPLACE_FILES files of the image, and the same operations as a wimlib-imagex update command file.
make_package() { # cycle
  python3 - "$1" "$source_tree" "$out" "$ADD_FILES" "$ADD_MB" "$REPLACE_FILES" <<'PY'
import os, random, sys, zipfile
cycle, tree, out, add_files, add_mb, replace_files = sys.argv[1], sys.argv[2], sys.argv[3], *map(int, sys.argv[4:])
rng = random.Random(int(cycle))
words = [bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9))) for _ in range(4000)]
def content(size):  # text-like, compressible as binaries in an image are, different every cycle
    parts, n = [], 0
    while n < size:
        w = rng.choice(words) + (b"\n" if rng.random() < 0.1 else b" ")
        parts.append(w); n += len(w)
    return b"".join(parts)[:size]
files = sorted(os.path.relpath(os.path.join(d, f), tree) for d, _, fs in os.walk(tree) for f in fs
               if os.path.isfile(os.path.join(d, f)) and not os.path.islink(os.path.join(d, f)))
replaced = files[:replace_files]
payload = os.path.join(out, f"payload-{cycle}")
os.makedirs(payload, exist_ok=True)
ops, cmds, entries = [], [], []
for i in range(add_files):
    path, data = f"bench/cycle-{cycle}/add-{i}.bin", content(add_mb * 1024 * 1024 // add_files)
    ops.append(f'<add path="{path}" source="payload/a{i}"/>'); entries.append((f"payload/a{i}", data))
    local = os.path.join(payload, f"a{i}"); open(local, "wb").write(data); cmds.append(f'add "{local}" "/{path}"')
for i, path in enumerate(replaced):
    data = content(min(os.path.getsize(os.path.join(tree, path)), 64 * 1024) + 16)
    ops.append(f'<replace path="{path}" source="payload/r{i}"/>'); entries.append((f"payload/r{i}", data))
    local = os.path.join(payload, f"r{i}"); open(local, "wb").write(data); cmds.append(f'add "{local}" "/{path}"')
manifest = f'''<?xml version="1.0" encoding="utf-8"?>
<package xmlns="urn:fenestra:package:1" id="BENCH-{cycle}" title="Bench cycle {cycle}" product="Bench">
  <identity name="Bench-Cycle-{cycle}" version="1.0.0.{cycle}" architecture="neutral" language="neutral"/>
  <operations>
    {chr(10).join(ops)}
  </operations>
</package>
'''
os.makedirs(os.path.join(out, "updates"), exist_ok=True)
with zipfile.ZipFile(os.path.join(out, "updates", f"bench-{cycle}.fpkg"), "w", zipfile.ZIP_STORED) as z:
    z.writestr("fenestra-package.xml", manifest)
    for name, data in entries:
        z.writestr(name, data)
open(os.path.join(out, f"update-{cycle}.txt"), "w").write("\n".join(cmds) + "\n")
PY
}

# A private Fenestra site for the run: its own FENESTRA_HOME, so nothing of the admin's is touched.
export FENESTRA_HOME=$out/fenestra-home
rm -rf "$FENESTRA_HOME" "$out/updates" "$out"/payload-* "$out"/images && mkdir -p "$out/images"
fen() { "$REPO_ROOT/fenestra" --headless -c "$1"; }
add_image() { # name wim -> prints the image ID
  fen "fenestra:image-add $2 --accept-eula --name $1 --architecture x64" | grep -o 'FEN[0-9]*' | head -n 1
}
publish() { # cycle: package made, synchronized, downloaded
  make_package "$1"
  fen "fenestra:updates-sync bench" >/dev/null
  fen "fenestra:updates-download BENCH-$1" >/dev/null
}
seconds() { # command... -> wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" >"$out/last.log" 2>&1 || { echo "bench: FAILED: $*" >&2; cat "$out/last.log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l | xargs printf '%.2f'
}
wimlib_service() { # wim cycle [optimize]
  wimlib-imagex update "$1" 1 <"$out/update-$2.txt" >/dev/null
  if [ "${3:-}" = optimize ]; then wimlib-imagex optimize "$1" >/dev/null; fi
}
live_bytes() { # wim: the image exported into a fresh WIM, nothing unreferenced
  rm -f "$out/live.wim"
  wimlib-imagex export "$1" 1 "$out/live.wim" --compress=LZX >/dev/null
  stat -c %s "$out/live.wim"
}

mkdir -p "$out/updates"
fen "fenestra:updates-source-add $out/updates --name bench" >/dev/null
publish 1
cp "$base" "$out/images/fenestra.wim"
cp "$base" "$out/images/wimlib.wim"
image=$(add_image bench-once "$out/images/fenestra.wim")
w=$(seconds wimlib_service "$out/images/wimlib.wim" 1 optimize)
f=$(seconds fen "fenestra:servicing-now $image --updates BENCH-1 --optimize")
wimlib-imagex verify "$out/images/fenestra.wim" >/dev/null
echo "corpus: $(du -sh --apparent-size "$source_tree" | cut -f1), base WIM $(stat -c %s "$base") bytes (LZX)"
print_header
print_row "service + optimize" "$w" "$f"
printf '%-28s %12s %12s %10s\n' "size (bytes)" "$(stat -c %s "$out/images/wimlib.wim")" \
  "$(stat -c %s "$out/images/fenestra.wim")" \
  "$(echo "scale=4; $(stat -c %s "$out/images/fenestra.wim") / $(stat -c %s "$out/images/wimlib.wim")" | bc -l)"

echo
echo "monthly cycles (bytes after each): optimize on, optimize off, live data"
cp "$base" "$out/images/on.wim"
cp "$base" "$out/images/off.wim"
on=$(add_image bench-on "$out/images/on.wim")
off=$(add_image bench-off "$out/images/off.wim")
printf '%-6s %14s %14s %14s\n' cycle "optimize on" "optimize off" "live data"
for ((cycle = 2; cycle <= CYCLES + 1; cycle++)); do
  publish "$cycle"
  fen "fenestra:servicing-now $on --updates BENCH-$cycle --optimize" >/dev/null
  fen "fenestra:servicing-now $off --updates BENCH-$cycle" >/dev/null
  printf '%-6s %14s %14s %14s\n' $((cycle - 1)) "$(stat -c %s "$out/images/on.wim")" "$(stat -c %s "$out/images/off.wim")" \
    "$(live_bytes "$out/images/on.wim")"
done
