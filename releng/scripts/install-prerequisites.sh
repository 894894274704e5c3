#!/usr/bin/env bash
# Installs the Debian packages the tests use as real parts and oracles, when any is missing:
# Xvfb for the workbench tests, wimlib-imagex (WIM oracle), cabextract/gcab (CAB oracle), hivex (registry hive oracle), Samba,
# PostgreSQL (the catalog tests start their own server from its binaries; the system service is not used),
# gcc and the C library headers (the DISM tests build a stand-in DismApi library from C),
# nftables (the multicast test bed's packet loss where the kernel has no netem) and UFTP (the
# multicast bench's anchor).
set -euo pipefail

PACKAGES=(xvfb xauth libgtk-3-0 wimtools cabextract gcab samba postgresql libhivex-bin libwin-hivex-perl python3-hivex gcc libc6-dev nftables uftp)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing test prerequisites: ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "run as root or install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The uftp package enables a uftpd service that accepts files from the network into /tmp; the
# bench starts its own uftpd inside its namespaces, so the system one is stopped and disabled.
if [[ " ${missing[*]} " == *" uftp "* ]]; then
  if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
    "${sudo[@]}" systemctl disable --now uftp >/dev/null 2>&1 || true
  elif [ -x /etc/init.d/uftp ]; then
    "${sudo[@]}" /etc/init.d/uftp stop >/dev/null 2>&1 || true
    command -v update-rc.d >/dev/null && "${sudo[@]}" update-rc.d uftp disable >/dev/null 2>&1 || true
  fi
fi
