#!/usr/bin/env bash
# Regenerates Lexicons/generated/variants.tsv: every generated name variant of the bundled
# lexicon (each combination of translated and untranslated components of every form of every
# entity) with its form and the guard it is held to. Run it after changing Lexicons/entities or
# Lexicons/glosses; Tests/WirefixTests/GeneratedVariantsTests.swift fails while the file is stale.
#
# Usage: Scripts/generate-variants.sh [--check]
#   --check  exit 1 (and change nothing) when the file is out of date.
# Environment: SCRATCH, the SwiftPM scratch path to build in (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
out=Lexicons/generated/variants.tsv
scratch=${SCRATCH:-.build}
swift build --scratch-path "$scratch" --product wirefix >/dev/null
binary="$(swift build --scratch-path "$scratch" --show-bin-path)/wirefix"
if [ "${1:-}" = "--check" ]; then
  if ! WIREFIX_BUNDLED_LEXICONS="$PWD/Lexicons" "$binary" lexicon export --format variants | cmp -s - "$out"; then
    echo "$out is out of date; run Scripts/generate-variants.sh" >&2
    exit 1
  fi
  exit 0
fi
mkdir -p "$(dirname "$out")"
WIREFIX_BUNDLED_LEXICONS="$PWD/Lexicons" "$binary" lexicon export --format variants --output "$out"
echo "wrote $(($(grep -vc '^#' "$out") - 1)) variants to $out"
