#!/usr/bin/env bash
# Encrypted reliable multicast, Fenestra against UFTP (Debian `uftp`), side by side in one run on
# the same namespace bed (bench/multicast-bed.sh: one bridge, veth links, MTU 1500), needs root.
#   bench/multicast.sh            MULTICAST_SIZE_MIB (default 1024), BENCH_ROWS=name,name
# Rows: 4 and 8 receivers plain and encrypted, 2% loss on one receiver, one receiver held to
# 100 Mbit/s. Goodput = size / (time from the first data to the last counted receiver having
# the whole, verified file in place): both tools write to a temporary name and rename the
# finished file, so the file's ctime is when that receiver was done. Receivers are started and
# listening before the clock starts (Fenestra: admitted over TLS; UFTP: uftpd running).
# In the slow row the held receiver is not counted (slow= shows its goodput, Fenestra's and
# UFTP's); the others' goodput is the row's figure.
# Prints: ROW fenestra=X MB/s uftp=Y MB/s ratio=X/Y bitexact=yes|no case=NAME ...
set -euo pipefail
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_ROOT/.." && pwd)
SIZE_MIB=${MULTICAST_SIZE_MIB:-1024}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
BED=$BENCH_ROOT/multicast-bed.sh
export FMC_BED_PREFIX=fmc-bench
P=$FMC_BED_PREFIX
WORK=${BENCH_WORK:-$BENCH_ROOT/work}/multicast
CLASSES=$REPO_ROOT/bundles/org.fenestra.multicast/target/classes
MAIN=org.fenestra.multicast.internal.cli.MulticastCommand
SENDER=10.253.0.1
PASS=fenestra-bench

[ "$(id -u)" -eq 0 ] || { echo "bench: needs root (network namespaces)" >&2; exit 2; }
for tool in uftp uftpd ip tc nft keytool:"$JAVA_HOME/bin/keytool"; do
  command -v "${tool%%:*}" >/dev/null || [ -x "${tool#*:}" ] || { echo "bench: needs ${tool%%:*}" >&2; exit 2; }
done
[ -f "$CLASSES/${MAIN//.//}.class" ] || (cd "$REPO_ROOT" && ./mvnw -q -o package -DskipTests -Dtycho.localArtifacts=ignore -pl bundles/org.fenestra.multicast)

cleanup() { "$BED" down 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM # exit runs cleanup; without it a TERM would only take the bed down
mkdir -p "$WORK"
cd "$WORK"
rm -rf out tmp ./*.log
if [ ! -f "source-$SIZE_MIB.bin" ]; then
  rm -f source-*.bin
  head -c "$((SIZE_MIB * 1048576))" /dev/urandom > "source-$SIZE_MIB.bin"
fi
SOURCE=$WORK/source-$SIZE_MIB.bin
SOURCE_SHA=$(sha256sum "$SOURCE" | cut -d' ' -f1)
if [ ! -f dp-key.p12 ]; then
  "$JAVA_HOME/bin/keytool" -genkeypair -alias dp -keyalg EC -groupname secp256r1 -dname CN=bench-dp -validity 30 \
    -keystore dp-key.p12 -storetype PKCS12 -storepass $PASS -keypass $PASS >/dev/null 2>&1
  "$JAVA_HOME/bin/keytool" -exportcert -alias dp -keystore dp-key.p12 -storepass $PASS -rfc -file dp.pem >/dev/null 2>&1
  "$JAVA_HOME/bin/keytool" -importcert -noprompt -alias dp -file dp.pem -keystore dp-trust.p12 -storetype PKCS12 \
    -storepass $PASS >/dev/null 2>&1
fi
cleanup
"$BED" up 8

# ctime (seconds, ns precision) of each receiver's finished file, or nothing when missing
done_times() { local f; for f in "$@"; do [ -f "$f" ] && stat -c '%.9Z' "$f"; done; }
mbps() { awk -v mib="$SIZE_MIB" -v t0="$1" -v t="$2" 'BEGIN { if (t == "" || t <= t0) print "nan"; else printf "%.1f", mib * 1.048576 / (t - t0) }'; }
all_exact() { local f; for f in "$@"; do [ -f "$f" ] && [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$SOURCE_SHA" ] || return 1; done; }
wait_line() { # file prefix [seconds=300]
  local i; for ((i = 0; i < ${3:-300} * 20; i++)); do grep -q "^$2" "$1" 2>/dev/null && return 0; sleep 0.05; done
  echo "bench: no $2 line in $1 in ${3:-300} s" >&2; return 1
}

run_fenestra() { # n encrypt(0|1) port -> sets F_T0, F_DIR
  local n=$1 encrypt=$2 port=$3 k enc=()
  [ "$encrypt" = 1 ] && enc=(--encrypt)
  F_DIR=$WORK/out/fenestra-$port; rm -rf "$F_DIR"; mkdir -p "$F_DIR"
  ip netns exec $P-s "$JAVA" -cp "$CLASSES" $MAIN send --file "$SOURCE" --group 239.77.1.1:$port \
    --interface $SENDER --tickets $SENDER:$((port + 1)) --keystore dp-key.p12 --storepass $PASS --token bench \
    "${enc[@]}" --max-rate 1000 --block-size 1424 --wait-receivers "$n" --wait-seconds 240 > "fenestra-$port.log" 2>&1 &
  local sender=$!
  wait_line "fenestra-$port.log" SESSION || { cat "fenestra-$port.log" >&2; kill $sender; return 0; }
  for ((k = 1; k <= n; k++)); do
    ip netns exec $P-r$k "$JAVA" -cp "$CLASSES" $MAIN receive --tickets $SENDER:$((port + 1)) --truststore dp-trust.p12 \
      --storepass $PASS --token bench --dest "$F_DIR/r$k.bin" --interface 10.253.0.$((10 + k)) \
      > "fenestra-$port-r$k.log" 2>&1 &
  done
  wait_line "fenestra-$port.log" SENDING || { cat "fenestra-$port.log" >&2; }
  F_T0=$(date +%s.%N)
  wait "$sender" || true
  wait || true
}

run_uftp() { # n encrypt port -> sets U_T0, U_DIR
  local n=$1 encrypt=$2 port=$3 k pids=() enc=() cenc=()
  [ "$encrypt" = 1 ] && { enc=(-Y aes256-gcm -h sha256 -e ecdh_ecdsa -K prime256v1); cenc=(-K ec:prime256v1); }
  U_DIR=$WORK/out/uftp-$port; rm -rf "$U_DIR" "$WORK/tmp"
  for ((k = 1; k <= n; k++)); do
    mkdir -p "$U_DIR/r$k" "$WORK/tmp/r$k"
    ip netns exec $P-r$k uftpd -d -q -p "$port" -D "$U_DIR/r$k" -T "$WORK/tmp/r$k" -I eth0 -B 104857600 "${cenc[@]}" \
      > "uftpd-$port-r$k.log" 2>&1 &
    pids+=($!)
  done
  sleep 1
  U_T0=$(date +%s.%N)
  ip netns exec $P-s uftp -I eth0 -p "$port" -R -1 -b 1400 -B 104857600 -s 10 "${enc[@]}" "$SOURCE" \
    > "uftp-$port.log" 2>&1 || echo "bench: uftp exited $? (uftp-$port.log)" >&2
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}

row() { # name n encrypt impairment(none|loss|slow) port
  local name=$1 n=$2 encrypt=$3 impair=$4 port=$5 k counted=() fslow="" uslow=""
  [ -z "${BENCH_ROWS:-}" ] || [[ ",$BENCH_ROWS," == *",$name,"* ]] || return 0
  for k in 1 2 3 4 5 6 7 8; do "$BED" clear $k; done
  case $impair in
    loss) "$BED" loss 2 2 ;;
    slow) "$BED" slow 3 100 ;;
  esac
  run_fenestra "$n" "$encrypt" "$port"
  run_uftp "$n" "$encrypt" "$((port + 10))"
  local ffiles=() ufiles=()
  for ((k = 1; k <= n; k++)); do
    ffiles+=("$F_DIR/r$k.bin"); ufiles+=("$U_DIR/r$k/$(basename "$SOURCE")")
  done
  local bitexact=no
  all_exact "${ffiles[@]}" "${ufiles[@]}" && bitexact=yes
  local fcount=("${ffiles[@]}") ucount=("${ufiles[@]}")
  if [ "$impair" = slow ]; then
    fslow=" slow-fenestra=$(mbps "$F_T0" "$(done_times "${ffiles[2]}")")"
    uslow=" slow-uftp=$(mbps "$U_T0" "$(done_times "${ufiles[2]}")")"
    unset 'fcount[2]' 'ucount[2]'
  fi
  local f u
  f=$(mbps "$F_T0" "$( [ "$(done_times "${fcount[@]}" | wc -l)" -eq "${#fcount[@]}" ] && done_times "${fcount[@]}" | sort -g | tail -n 1)")
  u=$(mbps "$U_T0" "$( [ "$(done_times "${ucount[@]}" | wc -l)" -eq "${#ucount[@]}" ] && done_times "${ucount[@]}" | sort -g | tail -n 1)")
  rm -rf "$F_DIR" "$U_DIR" "$WORK/tmp" # at 1 GiB each row leaves up to 16 GiB of copies
  echo "ROW fenestra=$f MB/s uftp=$u MB/s ratio=$(awk -v f="$f" -v u="$u" 'BEGIN { if (f == "nan" || u == "nan" || u == 0) print "nan"; else printf "%.2f", f / u }') bitexact=$bitexact case=$name size=${SIZE_MIB}MiB$fslow$uslow"
}

echo "bench: $SIZE_MIB MiB, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
row 4rx-plain 4 0 none 7600
row 4rx-aes 4 1 none 7620
row 8rx-plain 8 0 none 7640
row 8rx-aes 8 1 none 7660
row 4rx-aes-loss2 4 1 loss 7680
row 4rx-aes-slow100 4 1 slow 7700
echo "bench: done, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
