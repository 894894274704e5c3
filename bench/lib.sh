# Shared helpers for the benchmark scripts: corpus, timing, the table. Sourced, not run.
# Fenestra and the anchor run side by side in one run, on the same files, warm cache.

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_ROOT/.." && pwd)
WORK=${BENCH_WORK:-$BENCH_ROOT/work}
CORPUS=$WORK/corpus
REPEAT=${BENCH_REPEAT:-3}

require() {
  command -v "$1" >/dev/null || { echo "bench: needs $1 (apt-get install ${2:-$1})" >&2; exit 2; }
}

# ~1 GB from /usr: large shared libraries, many small files (locales, docs, Python sources),
# an exact duplicate tree (single-instance storage) and a hard-linked tree (link groups).
build_corpus() {
  [ -f "$CORPUS/.complete" ] && return 0
  echo "bench: building the corpus in $CORPUS ..." >&2
  rm -rf "$CORPUS" && mkdir -p "$CORPUS"
  local source
  for source in /usr/lib/x86_64-linux-gnu /usr/share/locale /usr/share/doc /usr/lib/python3.11 /usr/lib/git-core; do
    [ -d "$source" ] && cp -a --no-preserve=ownership "$source" "$CORPUS/$(echo "${source#/usr/}" | tr / _)" 2>/dev/null || true
  done
  [ -d "$CORPUS/lib_python3.11" ] && cp -a "$CORPUS/lib_python3.11" "$CORPUS/duplicate-python3.11"
  [ -d "$CORPUS/share_doc" ] && cp -al "$CORPUS/share_doc" "$CORPUS/hardlinked-doc"
  # Special files cannot go into a WIM the same way on both sides; keep regular files, dirs, symlinks.
  find "$CORPUS" \( -type p -o -type s -o -type b -o -type c \) -delete
  touch "$CORPUS/.complete"
  echo "bench: corpus $(du -sh --apparent-size "$CORPUS" | cut -f1), $(find "$CORPUS" -type f | wc -l) files" >&2
}

# Median wall-clock seconds of REPEAT runs of a command (its output discarded).
# A setup command (e.g. emptying the target dir) runs before each repetition, untimed.
# The CPU seconds (user + sys) of the same run are left in $WORK/last-cpu.txt: on a machine
# shared with other work, CPU time says more about the work done than wall time.
time_median() { # setup-command command...
  local setup=$1; shift
  local runs=() i start end
  for ((i = 0; i < REPEAT; i++)); do
    eval "$setup"
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$WORK/last-time.txt" "$@" >/dev/null 2>"$WORK/last-stderr.txt" \
      || { echo "bench: FAILED: $*" >&2; cat "$WORK/last-stderr.txt" >&2; echo "nan"; return; }
    end=$(date +%s.%N)
    runs+=("$(echo "$end - $start" | bc -l) $(awk '{ print $1 + $2 }' "$WORK/last-time.txt")")
  done
  printf '%s\n' "${runs[@]}" | sort -g | awk '{ w[NR] = $1; c[NR] = $2 }
    END { m = int((NR + 1) / 2); printf "%.2f\n", w[m]; printf "%.2f\n", c[m] > "'"$WORK/last-cpu.txt"'" }'
}

# Whether a row was asked for: BENCH_ROWS=name,name (default: every row).
want_row() { [ -z "${BENCH_ROWS:-}" ] || [[ ",$BENCH_ROWS," == *",$1,"* ]]; }

print_header() { # [anchor name, default wimlib]
  printf '%-28s %12s %12s %10s\n' "operation" "${1:-wimlib} (s)" "fenestra (s)" "ratio"
}

# ratio = wimlib_seconds / fenestra_seconds (>= 1.0: Fenestra at least as fast)
print_row() { # name wimlib_seconds fenestra_seconds
  local ratio
  ratio=$(echo "scale=2; $2 / $3" | bc -l 2>/dev/null || echo "n/a")
  printf '%-28s %12s %12s %10s\n' "$1" "$2" "$3" "$ratio"
}
