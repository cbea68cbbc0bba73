#!/usr/bin/env bash
# Runs the whole test suite: installs ICU if missing, checks that generated files are current,
# then builds and runs every test (Swift Testing). This is the command CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/bootstrap.sh
Scripts/register-rules.sh --check
swift test "$@"
