#!/bin/bash
# Installs the Debian bookworm packages NatoAsia needs to build, run and test, when missing.
# Sourced by run.sh and test.sh; safe to run again.
NATOASIA_DEPS=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libpoppler-glib-dev libsqlite3-dev libepoxy-dev
  libxml2-dev
  gettext desktop-file-utils appstream iso-codes
  xvfb xauth xdotool dbus dbus-x11 qpdf poppler-utils fonts-cantarell adwaita-icon-theme weston
)

natoasia_install_deps () {
  local missing=()
  for pkg in "${NATOASIA_DEPS[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends \
      "${missing[@]}"
}
