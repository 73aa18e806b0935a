#!/bin/bash
# Installs what is missing, builds NatoAsia and runs it on the bundled library, uninstalled.
# Extra arguments go to natoasia (e.g. --list, --library FILE).
set -e
cd "$(dirname "$0")/.."
. build-aux/deps.sh
natoasia_install_deps
[ -d _build ] || meson setup _build
ninja -C _build
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
exec ./_build/src/ui/natoasia "$@"
