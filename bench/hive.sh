#!/usr/bin/env bash
# Registry hives: hivex against Fenestra's pure-Java hive library, side by side in one run.
# Builds a ~50 MB hive with 500,000 keys and values (50,000 keys under 100 parents, 9 values of
# mixed types each, made with `fenestra hive import`), then times (median of BENCH_REPEAT runs,
# warm cache, JVM start-up included):
#   export       the whole hive as a .reg file: `fenestra hive export` vs `hivexregedit --export`
#   edit + save  10,000 value edits (all 9 values of 1,112 keys) and the save:
#                `fenestra hive import EDITS.reg` vs the same through `hivexsh -w`
# and prints hivex_seconds / fenestra_seconds (target >= 1.0). Both edited hives are compared
# through hivex afterwards.
#   bench/hive.sh            (BENCH_REPEAT=3, BENCH_WORK=bench/work)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require hivexsh libhivex-bin
require hivexregedit libwin-hivex-perl
require bc
require /usr/bin/time time
require python3

FENESTRA=("$REPO_ROOT/fenestra" hive)
"${FENESTRA[@]}" --help >/dev/null 2>&1 || true   # builds the products on first use
dir=$WORK/hive
mkdir -p "$dir"

if [ ! -f "$dir/.complete" ]; then
  echo "bench: generating the hive and the edits in $dir ..." >&2
  rm -f "$dir"/*
  python3 - "$dir" <<'PY'
import random, sys
out = sys.argv[1]
rnd = random.Random(17)

def hexbytes(b):
    return ",".join("%02x" % x for x in b)

def value(i):
    kind = i % 9
    if kind in (0, 1, 2):   # REG_SZ, as text
        return 1, ("C:\\Program Files\\Vendor %d\\App %d\\bin\\tool.exe" % (rnd.randrange(999), i)).encode("utf-16-le") + b"\0\0"
    if kind == 3:
        return 4, rnd.randrange(2**32).to_bytes(4, "little")
    if kind == 4:
        return 11, rnd.randrange(2**64).to_bytes(8, "little")
    if kind == 5:
        return 7, "\0".join("item%d" % j for j in range(rnd.randrange(1, 6))).encode("utf-16-le") + b"\0\0\0\0"
    if kind == 6:
        return 2, ("%%SystemRoot%%\\System32\\drivers\\d%d.sys" % i).encode("utf-16-le") + b"\0\0"
    return 3, bytes(rnd.randrange(256) for _ in range(rnd.randrange(8, 200)))

def reg_line(name, t, data):
    if t == 4:
        return '"%s"=dword:%08x' % (name, int.from_bytes(data, "little"))
    return '"%s"=hex(%x):%s' % (name, t, hexbytes(data))

with open(out + "/build.reg", "w") as f:
    f.write("Windows Registry Editor Version 5.00\n\n")
    for p in range(100):
        for k in range(500):
            f.write("[\\Bench\\Parent%03d\\Key%05d]\n" % (p, k))
            for v in range(9):
                t, data = value(p * 500 * 9 + k * 9 + v)
                f.write(reg_line("Value%d" % v, t, data) + "\n")
            f.write("\n")

keys = rnd.sample([(p, k) for p in range(100) for k in range(500)], 1112)
with open(out + "/edits.reg", "w") as f, open(out + "/edits.hivexsh", "w") as g:
    f.write("Windows Registry Editor Version 5.00\n\n")
    edits = 0
    for p, k in keys:
        f.write("[\\Bench\\Parent%03d\\Key%05d]\n" % (p, k))
        g.write("cd \\Bench\\Parent%03d\\Key%05d\nsetval 9\n" % (p, k))
        for v in range(9):
            t, data = value(rnd.randrange(10**6))
            f.write(reg_line("Value%d" % v, t, data) + "\n")
            g.write("Value%d\nhex:%d:%s\n" % (v, t, hexbytes(data)))
            edits += 1
        f.write("\n")
    g.write("commit\n")
print("bench: %d value edits" % edits, file=sys.stderr)
PY
  "${FENESTRA[@]}" new "$dir/base.hive" ROOT
  "${FENESTRA[@]}" import "$dir/base.hive" "$dir/build.reg"
  touch "$dir/.complete"
fi
echo "bench: hive $(du -h --apparent-size "$dir/base.hive" | cut -f1), $(grep -c '^\[' "$dir/build.reg") keys, $(grep -c '^"' "$dir/build.reg") values" >&2

echo
echo "Registry hive benchmark: $(du -h --apparent-size "$dir/base.hive" | cut -f1) hive, $(nproc) cores, median of $REPEAT"
print_header hivex
cat "$dir/base.hive" >/dev/null
h=$(time_median ":" hivexregedit --export "$dir/base.hive" '\')
f=$(time_median ":" "${FENESTRA[@]}" export "$dir/base.hive")
print_row "export (.reg)" "$h" "$f"

h=$(time_median "cp '$dir/base.hive' '$dir/hivex.hive'" sh -c "hivexsh -w '$dir/hivex.hive' < '$dir/edits.hivexsh'")
f=$(time_median "cp '$dir/base.hive' '$dir/fenestra.hive'" "${FENESTRA[@]}" import "$dir/fenestra.hive" "$dir/edits.reg")
print_row "10,000 value edits + save" "$h" "$f"

# Both sides made the same changes: hivex must see the same keys and values in both files.
if cmp -s <(hivexregedit --export "$dir/hivex.hive" '\') <(hivexregedit --export "$dir/fenestra.hive" '\'); then
  echo "bench: both edited hives export identically (hivexregedit)"
else
  echo "bench: WARNING: the edited hives differ" >&2
  exit 1
fi
