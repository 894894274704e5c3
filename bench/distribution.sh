#!/usr/bin/env bash
# Distribution points, side by side in one run on loopback:
#  1. distribute a WIM of WIM_SIZE to 3 DPs (./fenestra dp processes) with fenestra:distribute,
#     against curl fetching the same file 3 times at once from a plain static HTTPS server
#     (Python's ThreadingHTTPServer behind TLS; nginx is not on the machine);
#     throughput = 3 x size / wall time; ratio = fenestra / curl (target >= 0.9).
#  2. change 5% of the image's files (wimlib-imagex update replaces them, as servicing writes new
#     data) and distribute again: bytes sent / WIM size, bytes sent / changed data (target <= 1.2),
#     time, and each DP's copy compared with the site's.
#   bench/distribution.sh        WIM_SIZE=1G (any `head -c` size: 256M, 2G), BENCH_WORK=bench/work
# The fenestra side is the admin's command as typed: its time includes starting the headless
# runtime and taking the WIM into the site's content library (copying and hashing it); the
# runtime's start-up is also timed alone and printed, with the time and ratio without it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require wimlib-imagex wimtools
require curl
require python3
require openssl
require bc

SIZE=${WIM_SIZE:-1G}
FILES=100
CHANGED=5
BYTES=$(numfmt --from=iec "$SIZE")
FENESTRA="$REPO_ROOT/fenestra"
W=$WORK/distribution
export FENESTRA_HOME=$W/site
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
rm -rf "$W" && mkdir -p "$W/source" "$W/static"
console() { "$FENESTRA" --headless -c "$1"; }
console "fenestra:status" >/dev/null   # builds the products when the sources are newer

echo "bench: making a $SIZE WIM of $FILES incompressible files ..." >&2
for ((i = 0; i < FILES; i++)); do
  head -c "$((BYTES / FILES))" /dev/urandom > "$W/source/file$i.bin"
done
wimlib-imagex capture "$W/source" "$W/bench.wim" bench --compress=none >/dev/null
added=$(console "fenestra:image-add '$W/bench.wim' --accept-eula --architecture x64 --language en-US --name 'bench $SIZE'")
id=$(grep -o 'FEN[0-9]*' <<<"$added" | head -n 1)
stored=$(console "fenestra:image-show $id" | sed -n 's/^ *Stored image *//p' | sed 's/ (.*//' | xargs)
[ -f "$stored" ] || { echo "bench: cannot find the stored WIM of $id ($stored)" >&2; exit 1; }
wim_bytes=$(stat -c %s "$stored")

dps=()
for k in 1 2 3; do
  "$FENESTRA" dp --port 0 --data "$W/dp$k" --bind 127.0.0.1 > "$W/dp$k.log" 2>&1 &
  pids+=($!)
done
for k in 1 2 3; do
  for ((t = 0; t < 600; t++)); do grep -q '^Site secret:' "$W/dp$k.log" 2>/dev/null && break; sleep 0.1; done
  url=$(sed -n 's/^URL: //p' "$W/dp$k.log"); fp=$(sed -n 's/^Certificate SHA-256: //p' "$W/dp$k.log")
  sed -n 's/^Site secret: //p' "$W/dp$k.log" > "$W/dp$k.secret"
  console "fenestra:dp-add bench-dp$k $url --fingerprint $fp --secret-file $W/dp$k.secret" >/dev/null
  dps+=(bench-dp$k)
done

# The anchor: a static HTTPS server on loopback with a throw-away certificate.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=localhost \
  -keyout "$W/static/key.pem" -out "$W/static/cert.pem" 2>/dev/null
ln "$stored" "$W/static/bench.wim" 2>/dev/null || cp "$stored" "$W/static/bench.wim"
python3 - "$W/static" > "$W/static.log" 2>&1 <<'EOF' &
import functools, http.server, ssl, sys
root = sys.argv[1]
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
    functools.partial(http.server.SimpleHTTPRequestHandler, directory=root))
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(root + "/cert.pem", root + "/key.pem")
server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
EOF
pids+=($!)
static_pid=$!
for ((t = 0; t < 100; t++)); do [ -s "$W/static.log" ] && break; sleep 0.1; done
port=$(head -n 1 "$W/static.log")

cat "$stored" > /dev/null   # warm the page cache for both sides alike
now() { date +%s.%N; }
mbs() { echo "scale=1; 3 * $wim_bytes / 1000000 / $1" | bc -l; }
# CPU seconds (user + system) processes have used so far; on a shared machine the steadier figure.
cpu_of() { local ticks=0 p f; for p in "$@"; do read -r -a f < "/proc/$p/stat"; ticks=$((ticks + f[13] + f[14])); done
  echo "scale=2; $ticks / $(getconf CLK_TCK)" | bc -l; }
# Runs a command, its output into OUT, and prints the CPU seconds its processes used (user + system).
cpu_run() { local out=$1 TIMEFORMAT='%U %S' t; shift; t=$( { time "$@" >"$out" 2>&3; } 3>&2 2>&1 ); echo "$t" | awk '{print $1 + $2}'; }

load_before=$(cut -d' ' -f1 /proc/loadavg)
curls() { local k; for k in 1 2 3; do curl -sk -o "$W/curl$k.wim" "https://127.0.0.1:$port/bench.wim" & done; wait; }
static_cpu=$(cpu_of "$static_pid")
start=$(now)
curl_cpu=$(cpu_run /dev/null curls)
curl_s=$(echo "$(now) - $start" | bc -l)
curl_cpu=$(echo "$curl_cpu + $(cpu_of "$static_pid") - $static_cpu" | bc -l)
for k in 1 2 3; do cmp -s "$stored" "$W/curl$k.wim" || { echo "bench: curl copy $k differs" >&2; exit 1; }; done
rm -f "$W"/curl*.wim

# The headless runtime's own start-up, measured alone just before: a console command that reads
# one table, so "without start-up" is the distribute command's time less this one.
start=$(now)
console "fenestra:dp-list" > /dev/null
startup_s=$(echo "$(now) - $start" | bc -l)

dp_pids=("${pids[@]:0:3}")
dp_cpu=$(cpu_of "${dp_pids[@]}")
start=$(now)
site_cpu=$(cpu_run "$W/distribute1.log" console "fenestra:distribute $id --dp ${dps[*]}")
fen_s=$(echo "$(now) - $start" | bc -l)
dp_cpu=$(echo "$(cpu_of "${dp_pids[@]}") - $dp_cpu" | bc -l)
net_s=$(echo "$fen_s - $startup_s" | bc -l)

echo
echo "Distribution benchmark: $(numfmt --to=iec "$wim_bytes") WIM, 3 DPs on loopback, $(nproc) cores"
printf '%-34s %10s %10s %10s\n' "operation" "curl (s)" "fenestra (s)" "ratio"
printf '%-34s %10.2f %10.2f %10s\n' "to 3 receivers at once" "$curl_s" "$fen_s" \
  "$(echo "scale=2; $curl_s / $fen_s" | bc -l)"
printf '%-34s %10s %10s\n' "  MB/s (3 x size / time)" "$(mbs "$curl_s")" "$(mbs "$fen_s")"
printf '%-34s %10s %10.2f\n' "  runtime start-up (dp-list alone)" "" "$startup_s"
printf '%-34s %10.2f %10.2f %10s\n' "  without start-up" "$curl_s" "$net_s" \
  "$(echo "scale=2; $curl_s / $net_s" | bc -l)"
printf '%-34s %10s %10s\n' "  MB/s without start-up" "$(mbs "$curl_s")" "$(mbs "$net_s")"
printf '%-34s %10.2f %10.2f %10s\n' "  CPU s (curl + server; site + DPs)" "$curl_cpu" "$(echo "$site_cpu + $dp_cpu" | bc -l)" \
  "site $site_cpu, DPs $dp_cpu"
printf '%-34s %10s\n' "load average (1 min) before, after" "$load_before, $(cut -d' ' -f1 /proc/loadavg)"

# The change: CHANGED of FILES files get new content, written in place as servicing does.
cmds=$W/update.txt; : > "$cmds"; changed_bytes=0
for ((i = 0; i < CHANGED; i++)); do
  head -c "$((BYTES / FILES))" /dev/urandom > "$W/new$i.bin"
  echo "add '$W/new$i.bin' /file$((i * FILES / CHANGED)).bin" >> "$cmds"
  changed_bytes=$((changed_bytes + BYTES / FILES))
done
wimlib-imagex update "$stored" 1 < "$cmds" >/dev/null
new_bytes=$(stat -c %s "$stored")
start=$(now)
console "fenestra:distribute $id --dp ${dps[*]}" > "$W/distribute2.log"
re_s=$(echo "$(now) - $start" | bc -l)
sha=$(sha256sum "$stored" | cut -d' ' -f1)
for k in 1 2 3; do
  cmp -s "$stored" "$W/dp$k/library/content/${sha:0:2}/$sha" || { echo "bench: DP $k's copy differs" >&2; exit 1; }
done
sent=$(grep -o 'bench-dp1: [0-9.]* MB sent ([^;)]*' "$W/distribute2.log" | head -n 1 || true)
sent_mb=$(sed 's/^bench-dp1: \([0-9.]*\) MB.*/\1/' <<<"$sent")
echo
echo "Redistribute after changing $CHANGED of $FILES files ($(numfmt --to=iec $changed_bytes) of new data), per DP:"
grep ' MB sent ' "$W/distribute2.log" | sed 's/^/  /'
printf '  bytes sent / WIM size       %s\n' "$(echo "scale=4; $sent_mb * 1000000 / $new_bytes" | bc -l)"
printf '  bytes sent / changed data   %s   (target <= 1.2)\n' "$(echo "scale=3; $sent_mb * 1000000 / $changed_bytes" | bc -l)"
printf '  time (3 DPs, whole command) %.2f s\n' "$re_s"
echo "bench: every DP's copy is byte-identical to the site's"
