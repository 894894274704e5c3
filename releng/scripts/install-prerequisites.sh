#!/usr/bin/env bash
# Installs the Debian packages the tests use as real parts and oracles, when any is missing:
# Xvfb for the workbench tests, wimlib-imagex (WIM oracle), cabextract/gcab (CAB oracle), hivex (registry hive oracle), Samba,
# PostgreSQL (the catalog tests start their own server from its binaries; the system service is not used).
set -euo pipefail

PACKAGES=(xvfb xauth libgtk-3-0 wimtools cabextract gcab samba postgresql libhivex-bin libwin-hivex-perl python3-hivex)
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
