#!/usr/bin/env bash
# Installs a feature from a p2 update site into an existing Fenestra installation, with the
# p2 director (through Tycho, so no Eclipse is needed): how admins add partner plugins.
#   install-plugin.sh FEATURE_ID [REPOSITORY_URL] [INSTALLATION_DIR]
# Defaults: the update site and the workbench product of this build.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SITE=$ROOT/releng/org.fenestra.site/target
feature=${1:?usage: install-plugin.sh FEATURE_ID [REPOSITORY_URL] [INSTALLATION_DIR]}
repository=${2:-file:$SITE/repository}
installation=${3:-$SITE/products/fenestra/linux/gtk/x86_64}
[ -d "$installation/p2" ] || { echo "install-plugin: $installation is not a p2-managed Fenestra installation" >&2; exit 2; }
case "$feature" in *.feature.group) ;; *) feature=$feature.feature.group ;; esac

echo "Installing $feature from $repository into $installation" >&2
# -N: only the parent pom, so the director runs without resolving the whole reactor.
(cd "$ROOT" && ./mvnw -q -N org.eclipse.tycho:tycho-p2-director-plugin:"$(sed -n 's:.*<tycho.version>\(.*\)</tycho.version>.*:\1:p' pom.xml)":director \
  -Ddestination="$installation" -Drepositories="$repository" -DinstallIUs="$feature" -Dprofile=DefaultProfile)
