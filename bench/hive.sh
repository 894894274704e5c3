#!/usr/bin/env bash
# Registry hives: hivex against Fenestra's pure-Java hive library, side by side in one run.
# Builds a ~50 MB hive with 500,000 keys and values (50,000 keys under 100 parents, 9 values of
# mixed types each, made with `fenestra hive import`), then times (median of BENCH_REPEAT runs,
# warm cache, JVM start-up included):
#   export       the whole hive as a .reg file: `fenestra hive export` vs `hivexregedit --export`
#   edit + save  10,000 value edits (all 9 values of 1,112 keys) and the save:
#                `fenestra hive import EDITS.reg` vs the same through `hivexsh -w`
# and prints hivex_seconds / fenestra_seconds, wall and CPU (target >= 1.0). Both edited hives are compared
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

# ./fenestra keeps an AOT cache per command, recorded by its first run: record it on this very
# hive (untimed), as a site server that runs these commands daily would have it.
"${FENESTRA[@]}" export "$dir/base.hive" >/dev/null
cp "$dir/base.hive" "$dir/fenestra.hive"
"${FENESTRA[@]}" import "$dir/fenestra.hive" "$dir/edits.reg"

# Times a pair: sets h, hc (hivex wall and CPU s) and f, fc (Fenestra's).
timed_pair() { # hivex_setup fenestra_setup hivex_command... -- fenestra_command...
  local hs=$1 fs=$2; shift 2
  local hcmd=()
  while [ "$1" != "--" ]; do hcmd+=("$1"); shift; done
  shift
  h=$(time_median "$hs" "${hcmd[@]}"); hc=$(cat "$WORK/last-cpu.txt")
  f=$(time_median "$fs" "$@"); fc=$(cat "$WORK/last-cpu.txt")
}
row() { # name (after timed_pair)
  printf '%-28s %9s %9s %7s %9s %9s %7s\n' "$1" "$h" "$f" "$(echo "scale=2; $h / $f" | bc -l)" \
    "$hc" "$fc" "$(echo "scale=2; $hc / $fc" | bc -l)"
}

echo
echo "Registry hive benchmark: $(du -h --apparent-size "$dir/base.hive" | cut -f1) hive, $(nproc) cores, median of $REPEAT"
printf '%-28s %9s %9s %7s %9s %9s %7s\n' "operation" "hivex s" "fen. s" "time" "hivex" "fen." "CPU"
printf '%-28s %9s %9s %7s %9s %9s %7s\n' "" "(wall)" "(wall)" "ratio" "CPU s" "CPU s" "ratio"
cat "$dir/base.hive" >/dev/null
timed_pair ":" ":" hivexregedit --export "$dir/base.hive" '\' -- "${FENESTRA[@]}" export "$dir/base.hive"
row "export (.reg)"
timed_pair "cp '$dir/base.hive' '$dir/hivex.hive'" "cp '$dir/base.hive' '$dir/fenestra.hive'" \
  sh -c "hivexsh -w '$dir/hivex.hive' < '$dir/edits.hivexsh'" -- \
  "${FENESTRA[@]}" import "$dir/fenestra.hive" "$dir/edits.reg"
row "10,000 value edits + save"

# Both sides made the same changes: hivex must see the same keys and values in both files.
if cmp -s <(hivexregedit --export "$dir/hivex.hive" '\') <(hivexregedit --export "$dir/fenestra.hive" '\'); then
  echo "bench: both edited hives export identically (hivexregedit)"
else
  echo "bench: WARNING: the edited hives differ" >&2
  exit 1
fi
