#!/usr/bin/env bash
# Synchronize speed: 2,000 update packages on a Samba share (issue 16).
# Makes BENCH_SYNC_PACKAGES (2000) CBS-shaped cabinets with gcab (an update.mum of its own each:
# KB, architecture x86/x64/arm64 in turn, a build rule; a component manifest and a payload of
# 8-72 KB), cached under BENCH_WORK; shares them from a real smbd on 127.0.0.1 (started as the
# smb tests start it: own config, port and user under BENCH_WORK) or, when smbd cannot run here
# (not installed, not root), from a local folder (the script prints which). Then, in one headless
# console session (so JVM start-up is not counted) on a fresh site catalog: adds the source,
# synchronizes it (every package read, hashed and recorded) and synchronizes it again with nothing
# changed (nothing read: size + time compared). Prints both times and resync / sync (target < 5%).
#   bench/updates-sync.sh     (BENCH_SYNC_PACKAGES=2000, BENCH_WORK=bench/work)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require gcab
require bc
require python3

PACKAGES=${BENCH_SYNC_PACKAGES:-2000}
FENESTRA="$REPO_ROOT/fenestra"
SMBD=/usr/sbin/smbd
SMB_USER=fenestra-smb
SMB_PASSWORD='Fen3stra-Test!'

folder=$WORK/updates-$PACKAGES
if [ ! -f "$folder/.complete" ]; then
  echo "bench: making $PACKAGES update packages in $folder with gcab ..." >&2
  rm -rf "$folder" && mkdir -p "$folder"
  # The files of each package are written by Python, the cabinet made by gcab (one process each).
  python3 - "$folder" "$PACKAGES" "$WORK/updates-making" <<'EOF'
import os, random, shutil, subprocess, sys
folder, count, make = sys.argv[1], int(sys.argv[2]), sys.argv[3]
token = "31bf3856ad364e35"
for i in range(1, count + 1):
    arch = ("amd64", "x86", "arm64")[i % 3]
    kb = 6000000 + i
    release = "Update" if i % 4 == 0 else "Security Update"
    shutil.rmtree(make, ignore_errors=True)
    os.makedirs(make)
    identity = f'version="22621.{i}.1.0" processorArchitecture="{arch}" language="neutral" publicKeyToken="{token}"'
    mum = f"""<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v3" manifestVersion="1.0" description="Fix for KB{kb}" displayName="default" company="Microsoft Corporation" creationTimeStamp="2026-10-06T19:35:11Z">
  <assemblyIdentity name="Package_for_KB{kb}" {identity}/>
  <package identifier="KB{kb}" releaseType="{release}" restart="possible">
    <parent buildCompare="EQ" revisionCompare="GE" integrate="separate" disposition="detect">
      <assemblyIdentity name="Microsoft-Windows-Foundation-Package" version="10.0.22621.1" processorArchitecture="{arch}" language="neutral" publicKeyToken="{token}"/>
    </parent>
    <update name="KB{kb}"><package integrate="hidden"><assemblyIdentity name="Package_for_KB{kb}-Update" {identity}/></package></update>
  </package>
</assembly>
"""
    manifest = f"{arch}_component_{token}.manifest"
    with open(os.path.join(make, "update.mum"), "w") as out:
        out.write(mum)
    with open(os.path.join(make, manifest), "w") as out:
        out.write("<assembly/>\n" * 40)
    with open(os.path.join(make, "payload.dll"), "wb") as out:
        out.write(random.Random(i).randbytes((8 + i % 65) * 1024))
    subprocess.run(["gcab", "-c", "-z", os.path.join(folder, f"windows11.0-kb{kb}-{arch}.cab"), "update.mum", manifest,
                    "payload.dll"], cwd=make, check=True)
shutil.rmtree(make, ignore_errors=True)
EOF
  touch "$folder/.complete"
fi

"$FENESTRA" --headless -c "fenestra:status" >/dev/null 2>&1 || true   # builds the products on first use

smb_root=""
stop_smbd() {
  if [ -n "$smb_root" ] && [ -f "$smb_root/pid/smbd.pid" ]; then
    kill "$(cat "$smb_root/pid/smbd.pid")" 2>/dev/null || true
  fi
}
trap stop_smbd EXIT

source_path=$folder
where="a local folder"
java_options=""
if [ -x "$SMBD" ] && [ "$(id -u)" = 0 ]; then
  smb_root=$WORK/updates-smbd
  rm -rf "$smb_root" && mkdir -p "$smb_root"/{private,lock,state,cache,pid,ncalrpc,binddns}
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat >"$smb_root/smb.conf" <<EOF
[global]
  server role = standalone server
  security = user
  map to guest = never
  passdb backend = tdbsam:$smb_root/private/passdb.tdb
  private dir = $smb_root/private
  lock directory = $smb_root/lock
  state directory = $smb_root/state
  cache directory = $smb_root/cache
  pid directory = $smb_root/pid
  ncalrpc dir = $smb_root/ncalrpc
  binddns dir = $smb_root/binddns
  log file = $smb_root/smbd.log
  log level = 1
  smb ports = $port
  interfaces = 127.0.0.1
  bind interfaces only = yes
  disable netbios = yes
  load printers = no
  printcap name = /dev/null
  disable spoolss = yes
  server min protocol = SMB2_02
[updates]
  path = $folder
  read only = yes
  valid users = $SMB_USER
  force user = root
EOF
  id "$SMB_USER" >/dev/null 2>&1 || useradd --no-create-home --shell /usr/sbin/nologin "$SMB_USER"
  printf '%s\n%s\n' "$SMB_PASSWORD" "$SMB_PASSWORD" | smbpasswd -c "$smb_root/smb.conf" -a -s "$SMB_USER" >/dev/null
  # setsid: smbd signals its whole process group when it stops
  setsid "$SMBD" --foreground --no-process-group --configfile="$smb_root/smb.conf" >"$smb_root/smbd.out" 2>&1 &
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  source_path="\\\\127.0.0.1\\updates"
  where="a Samba share (smbd on 127.0.0.1:$port)"
  java_options="-Dfenestra.smb.127.0.0.1.port=$port -Dfenestra.smb.127.0.0.1.user=$SMB_USER -Dfenestra.smb.127.0.0.1.password=$SMB_PASSWORD"
fi
echo "bench: the update source is $where: $source_path"

export FENESTRA_HOME=$WORK/updates-sync-home
rm -rf "$FENESTRA_HOME"
log=$WORK/updates-sync.log
# One console session (commands on its input): add, sync, re-sync; every output line stamped with
# the time it was printed. A sync starts when the line before it is printed.
printf '%s\n' "fenestra:updates-source-add '$source_path' --name bench" "fenestra:updates-sync bench" \
    "fenestra:updates-sync bench" "exit" \
  | JAVA_TOOL_OPTIONS="$java_options" "$FENESTRA" --headless 2>&1 \
  | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done >"$log"
stamps() { awk -v mark="$1" 'index($0, mark) { print $1 }' "$log"; }
added=$(stamps "Added update source" | head -n 1)
synced=($(stamps "Synchronized bench"))
if [ -z "$added" ] || [ "${#synced[@]}" -ne 2 ]; then
  echo "bench: the console run failed:" >&2
  cat "$log" >&2
  exit 1
fi
sync_s=$(echo "${synced[0]} - $added" | bc -l)
resync_s=$(echo "${synced[1]} - ${synced[0]}" | bc -l)
echo
echo "Synchronize benchmark: $PACKAGES packages ($(du -sh --apparent-size "$folder" | cut -f1)) on $where, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
grep -o 'Synchronized bench.*' "$log" | sed 's/^/  /'
printf '%-34s %10.2f s\n' "synchronize (every package read)" "$sync_s"
printf '%-34s %10.2f s\n' "re-synchronize (nothing changed)" "$resync_s"
printf '%-34s %10.1f %%  (target < 5%%)\n' "re-sync / sync" "$(echo "100 * $resync_s / $sync_s" | bc -l)"
