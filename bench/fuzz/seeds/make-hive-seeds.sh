#!/usr/bin/env bash
# Regenerates bench/fuzz/corpus/hive/ (the committed seeds of the hive target) with the library's
# own command line, compiled by fuzz.sh --build-only: an empty hive, a hive with a value of every
# type (a big one in a db cell, Unicode names, nested keys), and the .reg file that made it, in
# UTF-8 and in UTF-16LE with CRLF as Regedit writes it. Small on purpose (a few KB).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
corpus=$here/../corpus/hive
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/../fuzz.sh" --build-only
hive() { "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -cp "$here/../target/classes" \
    org.fenestra.registry.internal.cli.HiveCommand "$@"; }

mkdir -p "$corpus"
rm -f "$corpus"/*
big=$(python3 -c "print(','.join('%02x' % (i % 251) for i in range(17000)))")
cat >"$work/values.reg" <<REG
Windows Registry Editor Version 5.00

[\\Microsoft\\Windows NT\\CurrentVersion]
@="default"
"ProductName"="Windows 11 Pro"
"UBR"=dword:000010dd
"InstallTime"=hex(b):00,80,3e,d5,de,b1,9d,01
"PathName"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,00,25,00,00,00
"Languages"=hex(7):65,00,6e,00,2d,00,55,00,53,00,00,00,00,00
"Big"=hex:$big
"BE"=hex(5):00,00,01,00
"None"=hex(0):
"Odd"=hex(1234):01,02,03

[\\Microsoft\\Windows NT\\Grüße 日本]
"Ünïcödé"="日本語"

[\\Classes\\.txt]
@="txtfile"

[\\Classes\\.bat]

[-\\Classes\\.bat]
REG
hive new "$corpus/empty.hive" ROOT
hive new "$corpus/values.hive" ROOT
hive import "$corpus/values.hive" "$work/values.reg"
sed 's/^"Big"=hex:\(.\{120\}\).*/"Big"=hex:\1,\\\n  00,01/' "$work/values.reg" >"$corpus/values.reg"
python3 - "$corpus/values.reg" "$corpus/values-utf16.reg" <<'PY'
import sys
text = open(sys.argv[1], encoding='utf-8').read().replace('\n', '\r\n')
open(sys.argv[2], 'wb').write(b'\xff\xfe' + text.encode('utf-16-le'))
PY
ls -l "$corpus"
