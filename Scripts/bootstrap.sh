#!/usr/bin/env bash
# Installs what Wirefix needs to build on Debian/Ubuntu: ICU's development files (libicu-dev).
# Does nothing when they are already installed. Swift itself must be on PATH.
set -euo pipefail
if [ ! -f /usr/include/unicode/utypes.h ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "bootstrap: installing libicu-dev" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libicu-dev >/dev/null
fi
if ! command -v swift >/dev/null 2>&1; then
  echo "bootstrap: swift is not on PATH (Wirefix needs Swift 6.0 or later)" >&2
  exit 1
fi
