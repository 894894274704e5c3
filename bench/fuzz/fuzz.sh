#!/usr/bin/env bash
# Coverage-guided fuzzing of the pure-Java WIM engine with Jazzer (libFuzzer for the JVM).
#
#   bench/fuzz/fuzz.sh [--seconds N] [--target NAME|all] [--timeout S] [--keep-going N]
#   bench/fuzz/fuzz.sh --reproduce NAME FILE...     # run inputs once, print the stack trace
#   bench/fuzz/fuzz.sh --minimize NAME FILE         # shrink a finding to findings/NAME/minimized-FILE
#   bench/fuzz/fuzz.sh --regressions                # replay bench/fuzz/regressions/NAME/*
#   bench/fuzz/fuzz.sh --build-only                 # fetch Jazzer, compile; FUZZ_SKIP_BUILD=1 reuses it
#
# Targets: xpress, lzx, lzms (chunk decoders), wim (header, XML, blob table, metadata, blob
# data, verify), cab (cabinet records, every entry's data, extraction), hive (registry hives and
# .reg files: read, export, edit, commit). Default: every target for 30 s (CI). The contract
# checked: hostile input yields only IOException subtypes (WimException, CorruptChunkException,
# HiveException), never an unchecked
# exception, a hang (per-input timeout) or an OutOfMemoryError (-Xmx256m).
#
# Everything goes to bench/fuzz/target/ (git-ignored): classes, Jazzer jars, the growing
# corpora corpus-NAME/ (seeded read-only from bench/fuzz/corpus/NAME/), logs, and findings/NAME/
# (crash-*/timeout-*/oom-* inputs plus Jazzer's Crash_*.java reproducers).
# Exit status: 0 when no target found anything, 1 on findings, 2 on usage/setup errors.
set -euo pipefail

JAZZER_VERSION=0.30.0
HEAP=256m
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$here/target

die() { echo "fuzz: $*" >&2; exit 2; }

seconds=30
targets=all
timeout=
keep_going=1
mode=fuzz
reproduce=()
while [ $# -gt 0 ]; do
    case $1 in
        --seconds) seconds=${2:?}; shift 2 ;;
        --target) targets=${2:?}; shift 2 ;;
        --timeout) timeout=${2:?}; shift 2 ;;
        --keep-going) keep_going=${2:?}; shift 2 ;;
        --reproduce)
            mode=reproduce; targets=${2:?}; shift 2
            for f in "$@"; do reproduce+=("$(realpath "$f")"); done
            set -- ;;
        --minimize) mode=minimize; targets=${2:?}; reproduce=("$(realpath "${3:?}")"); shift 3 ;;
        --regressions) mode=regressions; shift ;;
        --build-only) mode=build; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument $1 (see --help)" ;;
    esac
done
[[ $seconds =~ ^[0-9]+$ ]] || die "--seconds needs a whole number"
[ "$targets" = all ] && targets="xpress lzx lzms wim cab hive"

target_class() {
    case $1 in
        xpress) echo org.fenestra.fuzz.XpressFuzzTarget ;;
        lzx) echo org.fenestra.fuzz.LzxFuzzTarget ;;
        lzms) echo org.fenestra.fuzz.LzmsFuzzTarget ;;
        wim) echo org.fenestra.fuzz.WimFileFuzzTarget ;;
        cab) echo org.fenestra.fuzz.CabFileFuzzTarget ;;
        hive) echo org.fenestra.fuzz.HiveFuzzTarget ;;
        *) die "unknown target $1 (xpress, lzx, lzms, wim, cab, hive or all)" ;;
    esac
}

# Per-input time limit: a decoder chunk takes microseconds; a whole WIM (open, read every
# blob, verify), cabinet (every entry, extract) or hive a few milliseconds, but a hostile file
# may legitimately ask for up to the size the reader accepts, so leave it more room.
default_timeout() { case $1 in wim|cab|hive) echo 20 ;; *) echo 10 ;; esac; }

# A JDK 21+ (the engine needs 21; the machine default may be 17), as ./fenestra picks it.
find_java_home() {
    local candidate major
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
        if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}
JAVA_HOME=$(find_java_home) || die "needs a JDK 21 or newer (none in JAVA_HOME or /usr/lib/jvm)"
export JAVA_HOME

# Jazzer from Maven Central through the repository's Maven Wrapper (run outside any pom).
fetch_jazzer() {
    local lib=$out/lib a
    mkdir -p "$lib"
    for a in jazzer jazzer-api; do
        [ -f "$lib/$a-$JAZZER_VERSION.jar" ] && continue
        echo "fuzz: fetching com.code-intelligence:$a:$JAZZER_VERSION from Maven Central" >&2
        (cd "$lib" && "$root/mvnw" -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
            -Dartifact="com.code-intelligence:$a:$JAZZER_VERSION" -DoutputDirectory="$lib") \
            || die "could not fetch $a $JAZZER_VERSION"
    done
    classpath_jazzer=$lib/jazzer-$JAZZER_VERSION.jar:$lib/jazzer-api-$JAZZER_VERSION.jar
}

# The engine's sources and the targets, compiled together (no Tycho build needed).
compile() {
    local sources=$out/sources.txt
    find "$root/bundles/org.fenestra.compress/src" "$root/bundles/org.fenestra.wim/src" \
        "$root/bundles/org.fenestra.cab/src" "$root/bundles/org.fenestra.registry/src" "$here/src" \
        -name '*.java' | sort >"$sources"
    rm -rf "$out/classes"
    mkdir -p "$out/classes"
    "$JAVA_HOME/bin/javac" --release 21 -nowarn -encoding UTF-8 -d "$out/classes" \
        -cp "$classpath_jazzer" @"$sources" || die "compilation failed"
}

jazzer() { # NAME LOG ARGS...
    local name=$1 log=$2
    shift 2
    mkdir -p "$out/tmp" "$out/findings/$name"
    # Jazzer attaches its agent at run time; the flags only silence JDK 21+ warnings.
    (cd "$out/findings/$name" && "$JAVA_HOME/bin/java" -Xmx$HEAP \
        -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED -Xshare:off \
        -Djava.io.tmpdir="$out/tmp" \
        -cp "$classpath_jazzer:$out/classes" com.code_intelligence.jazzer.Jazzer \
        --target_class="$(target_class "$name")" \
        --instrumentation_includes='org.fenestra.**' --custom_hook_includes='org.fenestra.**' \
        --reproducer_path="$out/findings/$name" \
        -artifact_prefix="$out/findings/$name/" \
        -timeout="${timeout:-$(default_timeout "$name")}" \
        "$@") >"$log" 2>&1
}

# One line per target from Jazzer's log: executions, coverage, corpus, result.
summarize() { # NAME LOG RC
    local name=$1 log=$2 rc=$3 execs done_line result
    execs=$(sed -n 's/^stat::number_of_executed_units: //p' "$log" | tail -1)
    done_line=$(grep -E '^#[0-9]+[[:space:]]+(DONE|INITED|NEW|REDUCE|pulse)' "$log" | tail -1 || true)
    if [ "$rc" -eq 0 ]; then
        result=ok
    else
        result="FINDINGS: $(grep -c 'Test unit written to' "$log"), first: $(grep -m1 -E '== Java Exception:|ERROR: libFuzzer:|== FuzzerSecurityIssue' "$log" \
            | sed 's/^==[0-9]*== //; s/^== //' | cut -c1-160)"
        result="$result; input: $(sed -n "s/.*Test unit written to //p" "$log" | head -1)"
    fi
    printf 'fuzz: %-6s %6ss  execs %-9s cov %-5s ft %-6s corpus %-12s %s\n' "$name" "$seconds" "${execs:-?}" \
        "$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")" "$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")" \
        "$(sed -n 's/.* corp: \([^ ]*\).*/\1/p' <<<"$done_line")" "$result"
}

fetch_jazzer
if [ -z "${FUZZ_SKIP_BUILD:-}" ] || [ ! -d "$out/classes/org/fenestra/fuzz" ]; then
    compile
fi
[ $mode = build ] && exit 0
mkdir -p "$out/logs"
status=0
for name in $targets; do
    target_class "$name" >/dev/null
    log=$out/logs/$name-$mode.log
    case $mode in
        fuzz)
            mkdir -p "$out/corpus-$name"
            seeds=$here/corpus/$name
            rc=0
            jazzer "$name" "$log" --keep_going="$keep_going" -max_total_time="$seconds" -print_final_stats=1 \
                "$out/corpus-$name" "$seeds" || rc=$?
            summarize "$name" "$log" "$rc"
            ;;
        reproduce)
            rc=0
            jazzer "$name" "$log" "${reproduce[@]}" || rc=$?
            cat "$log"
            ;;
        minimize)
            min=$out/findings/$name/minimized-$(basename "${reproduce[0]}")
            jazzer "$name" "$log" -minimize_crash=1 -runs=20000 -exact_artifact_path="$min" "${reproduce[0]}" || true
            [ -f "$min" ] || die "minimization failed, see $log"
            echo "fuzz: $(wc -c <"${reproduce[0]}") -> $(wc -c <"$min") bytes: $min"
            rc=0
            ;;
        regressions)
            shopt -s nullglob
            files=("$here/regressions/$name"/*)
            shopt -u nullglob
            [ ${#files[@]} -eq 0 ] && continue
            rc=0
            for f in "${files[@]}"; do
                if jazzer "$name" "$log" "$f"; then
                    echo "fuzz: $name $(basename "$f"): passes"
                else
                    rc=1
                    echo "fuzz: $name $(basename "$f"): FAILS: $(grep -m1 -E '== Java Exception:|ERROR: libFuzzer:' "$log" | cut -c1-160)"
                fi
            done
            ;;
    esac
    [ "$rc" -eq 0 ] || status=1
done
[ $status -eq 0 ] || echo "fuzz: findings in $out/findings/ (logs in $out/logs/)" >&2
exit $status
