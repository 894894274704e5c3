#!/usr/bin/env bash
# Single-threaded chunk compressor throughput (32 KiB chunks, default level) on a sample of the
# corpus, with wimlib's own chunk compressors on the very same chunks as the anchor
# (bench/wimlib-chunks.c, built here with gcc against the installed libwim): same input, same
# level, so the MB/s and the output bytes compare like for like, without reading or hashing.
#   bench/compress-chunks.sh [SAMPLE_MB=64] [TYPES=XPRESS,LZX]   (BENCH_WORK=bench/work)
# SOLID=1: the sample is concatenated and cut into 64 MiB chunks as a solid resource (use
# TYPES=LZMS), on both sides. The sample is in path order while a --solid capture sorts files
# by extension, so bench/wim-write.sh's LZMS-solid row remains the size comparison of captures.
# BASELINE_CLASSES=dir (another build's org.fenestra.compress classes) alternates rounds of both
# builds in one process, so that load from other processes falls on both alike. Compare builds
# that way, not with two runs side by side: two compressors at once share the L3 cache and the
# memory bandwidth, and the comparison then measures their memory traffic as much as their CPU
# (a change measured 10% faster side by side was 5% slower alternating in one process).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# The anchor, libwim's compressors (checked first: the Java part takes minutes), built from
# bench/wimlib-chunks.c when that changes.
libwim=$(ls /usr/lib/x86_64-linux-gnu/libwim.so.* /usr/lib/*/libwim.so.* 2>/dev/null | head -n 1)
[ -n "$libwim" ] || { echo "bench: needs libwim (apt-get install wimtools)" >&2; exit 2; }
require gcc
anchor=$BENCH_ROOT/work/wimlib-chunks
mkdir -p "$BENCH_ROOT/work"
if [ ! -x "$anchor" ] || [ "$BENCH_ROOT/wimlib-chunks.c" -nt "$anchor" ]; then
  gcc -O2 -o "$anchor" "$BENCH_ROOT/wimlib-chunks.c" "$libwim"
fi
SAMPLE_MB=${1:-64}
TYPES=${2:-XPRESS,LZX}
build_corpus
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
CLASSES=$REPO_ROOT/bundles/org.fenestra.compress/target/classes
[ -d "$CLASSES" ] || (cd "$REPO_ROOT" && ./mvnw -q -o package -DskipTests -pl bundles/org.fenestra.compress)

# Every k-th regular file in path order, k chosen for about SAMPLE_MB over the whole corpus
# (libraries, locales, docs, sources in the corpus' proportions).
# The sample is written under this checkout's bench/work, whatever BENCH_WORK the corpus comes from.
sample=$BENCH_ROOT/work/chunk-sample
list=$BENCH_ROOT/work/chunk-sample.list
if [ ! -f "$list.$SAMPLE_MB" ] || [ ! -d "$sample" ]; then
  find "$CORPUS" -type f ! -name .complete -printf '%s %p\n' | sort -k2 > "$list.all"
  k=$(awk -v want=$((SAMPLE_MB << 20)) '{ sum += $1 } END { k = int(sum / want); print k < 1 ? 1 : k }' "$list.all")
  grep -v -e /duplicate- -e /hardlinked- "$list.all" | awk -v k="$k" 'NR % k == 0 && $1 > 0 { print $2 }' > "$list.$SAMPLE_MB"
  rm -rf "$sample" && mkdir -p "$sample"
  i=0; while read -r f; do cp "$f" "$sample/$((i++))"; done < "$list.$SAMPLE_MB"
fi
echo "sample: $(wc -l < "$list.$SAMPLE_MB") files, $(du -sh --apparent-size "$sample" | cut -f1)"
"$JAVA_HOME/bin/java" ${SOLID:+-DsolidChunkSize=67108864} "$BENCH_ROOT/CompressChunks.java" "$list.$SAMPLE_MB" "$TYPES" "${LEVEL:-50}" "${ROUNDS:-3}" \
  "$CLASSES" ${BASELINE_CLASSES:+"$BASELINE_CLASSES"}
chunk=32768; solid=0
if [ -n "${SOLID:-}" ]; then chunk=67108864; solid=1; fi
for t in ${TYPES//,/ }; do
  "$anchor" "$list.$SAMPLE_MB" "$t" "${LEVEL:-50}" "${ROUNDS:-3}" "$chunk" "$solid"
done
