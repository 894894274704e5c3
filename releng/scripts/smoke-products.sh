#!/usr/bin/env bash
# Starts the materialized products the way an admin does (through ./fenestra) and checks
# what they print and return: the one-shot console command and its exit status, the
# interactive console, and the workbench window (a screenshot is saved and must exist).
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=$ROOT/releng/org.fenestra.site/target/smoke
rm -rf "$OUT" && mkdir -p "$OUT"
export FENESTRA_HOME=$OUT/home
failures=0

check() { # description, then a command that must succeed
  local what=$1; shift
  if "$@"; then echo "smoke ok:     $what"; else echo "smoke FAILED: $what" >&2; failures=$((failures + 1)); fi
}

bundles_info=$ROOT/releng/org.fenestra.site/target/products/fenestra/linux/gtk/x86_64/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info
check "the sample partner plugin was installed into the workbench from the update site by p2" \
  grep -q "^org.fenestra.sample.partner," "$bundles_info"

status_out=$OUT/status.txt
"$ROOT/fenestra" --headless -c "fenestra:status" >"$status_out" 2>"$OUT/status-stderr.txt"
check "fenestra --headless -c fenestra:status exits 0" test $? -eq 0
check "fenestra:status names the status command" grep -q "org.fenestra.console.internal.StatusCommand *ACTIVE" "$status_out"
# One logging home: log lines go to $FENESTRA_HOME/logs/*.log, never to the console unless asked.
check "a one-shot command prints nothing on stderr" test ! -s "$OUT/status-stderr.txt"
"$ROOT/fenestra" --headless -c "fenestra:image-list" >/dev/null 2>"$OUT/list-stderr.txt"
check "a one-shot command that opens the catalog prints no log lines on stderr" test ! -s "$OUT/list-stderr.txt"
check "... they are in \$FENESTRA_HOME/logs/catalog.log" \
  grep -q "org.fenestra.catalog.* - OS image catalog open" "$FENESTRA_HOME/logs/catalog.log"
"$ROOT/fenestra" --headless -v -c "fenestra:image-list" >/dev/null 2>"$OUT/list-verbose-stderr.txt"
check "... and -v shows them on stderr" grep -q "org.fenestra.catalog.* - OS image catalog open" "$OUT/list-verbose-stderr.txt"

"$ROOT/fenestra" --headless -c "fenestra:status unexpected-argument" >"$OUT/bad.txt" 2>&1
check "a failing one-shot command exits 1" test $? -eq 1

printf 'fenestra:status\nhelp\nexit\n' | timeout 60 "$ROOT/fenestra" --headless >"$OUT/interactive.txt" 2>&1
check "interactive console runs a command and exits 0 on 'exit'" test $? -eq 0
check "interactive console printed the status table" grep -q "Fenestra components" "$OUT/interactive.txt"
check "... and help lists the fenestra commands" grep -q "^fenestra:image-add " "$OUT/interactive.txt"

"$ROOT/fenestra" --headless -c "help" >"$OUT/help.txt" 2>&1
check "fenestra --headless -c help exits 0" test $? -eq 0
check "... and lists every fenestra command" grep -q "^fenestra:image-remove " "$OUT/help.txt"

cp "$ROOT/bundles/org.fenestra.content.tests/data/multi.wim" "$OUT/install.wim"
# The fixture's index 2 records no architecture: the console refuses to guess it.
"$ROOT/fenestra" --headless -c "fenestra:image-add $OUT/install.wim --accept-eula --index 2 --name Smoke-Index-2" >"$OUT/add-noarch.txt" 2>&1
check "fenestra:image-add without --architecture for an image that records none exits 1" test $? -eq 1
check "... and names --architecture" grep -q -- "--architecture" "$OUT/add-noarch.txt"
"$ROOT/fenestra" --headless -c "fenestra:image-add $OUT/install.wim --accept-eula --index 2 --architecture x64 --name Smoke-Index-2" >"$OUT/add.txt" 2>&1
check "fenestra:image-add extracts index 2 and adds it (exit 0)" test $? -eq 0
check "the extracted WIM holds exactly one image (wimlib-imagex info)" \
  sh -c "wimlib-imagex info '$OUT/install-index2.wim' | grep -Eq 'Image Count: +1'"
# The WIM command line: its first run records the command's AOT cache (JDK 25+), and neither
# that run nor a later one on the cache may print anything else than the command does.
"$ROOT/fenestra" wim info "$OUT/install.wim" >"$OUT/wim-info-1.txt" 2>&1
check "fenestra wim info exits 0 on its first run" test $? -eq 0
"$ROOT/fenestra" wim info "$OUT/install.wim" >"$OUT/wim-info-2.txt" 2>&1
check "... and leaves its command's AOT cache (or, before JDK 25, a class archive)" \
  sh -c "ls '$FENESTRA_HOME'/cds/wim-*-info.aot '$FENESTRA_HOME'/cds/wim-*.jsa 2>/dev/null | grep -q ."
check "... and prints the same on the next run" cmp -s "$OUT/wim-info-1.txt" "$OUT/wim-info-2.txt"
check "... whose image count is wimlib-imagex info's" \
  test "$(grep -E '^Image Count:' "$OUT/wim-info-1.txt")" = "$(wimlib-imagex info "$OUT/install.wim" | grep -E '^Image Count:')"
# The registry hive command line (plain Java, from the headless product), checked by hivex.
printf 'Windows Registry Editor Version 5.00\n\n[\\Smoke]\n"UBR"=dword:000010dd\n' >"$OUT/smoke.reg"
"$ROOT/fenestra" hive new "$OUT/SOFTWARE" >"$OUT/hive.txt" 2>&1 && "$ROOT/fenestra" hive import "$OUT/SOFTWARE" "$OUT/smoke.reg" >>"$OUT/hive.txt" 2>&1
check "fenestra hive new and import exit 0" test $? -eq 0
check "... and hivexget reads the imported value" test "$(hivexget "$OUT/SOFTWARE" '\Smoke' UBR 2>&1)" = "4317"
check "... and fenestra hive get prints it" test "$("$ROOT/fenestra" hive get "$OUT/SOFTWARE" Smoke UBR 2>&1)" = "4317"
"$ROOT/fenestra" --headless -c "fenestra:image-list" >"$OUT/list.txt" 2>&1
check "fenestra:image-list shows the added image" grep -q "^FEN00001 *Smoke-Index-2" "$OUT/list.txt"

# A console process keeps the catalog open while a second process uses it (H2 auto-server).
mkfifo "$OUT/holder.in"
timeout 180 "$ROOT/fenestra" --headless <"$OUT/holder.in" >"$OUT/holder.txt" 2>&1 &
holder=$!
exec 7>"$OUT/holder.in"
printf 'fenestra:image-list\n' >&7
for _ in $(seq 1 90); do grep -q "^FEN00001" "$OUT/holder.txt" && break; sleep 1; done
"$ROOT/fenestra" --headless -c "fenestra:image-show FEN00001" >"$OUT/second-process.txt" 2>&1
check "a second process reads the catalog while a console holds it open" test $? -eq 0
check "... and sees the image" grep -q "Smoke-Index-2" "$OUT/second-process.txt"
printf 'exit\n' >&7
exec 7>&-
wait $holder
check "the holding console exits 0" test $? -eq 0

"$ROOT/fenestra" --headless -c "fenestra:image-add $OUT/install.wim --index 2 --name No-Eula" >"$OUT/add-noeula.txt" 2>&1
no_eula_status=$?
check "fenestra:image-add without --accept-eula exits 1" test $no_eula_status -eq 1
check "... and says the license terms must be accepted with --accept-eula" grep -q "license terms.*--accept-eula" "$OUT/add-noeula.txt"

env -u DISPLAY -u WAYLAND_DISPLAY "$ROOT/fenestra" -c "fenestra:status" >"$OUT/nodisplay.txt" 2>&1
check "without a display, ./fenestra falls back to the headless console" grep -q "no display" "$OUT/nodisplay.txt"

if [ -n "${DISPLAY:-}" ]; then
  timeout 120 "$ROOT/fenestra" -Dfenestra.screenshot="$OUT/workbench.png" -Dfenestra.autoclose=5000 >"$OUT/workbench.txt" 2>&1
  check "the workbench product starts and closes with status 0" test $? -eq 0
  check "the workbench product showed a window (screenshot saved)" test -s "$OUT/workbench.png"
fi

[ $failures -eq 0 ] && echo "smoke: all product checks passed" || { echo "smoke: $failures check(s) failed; outputs in $OUT" >&2; exit 1; }
