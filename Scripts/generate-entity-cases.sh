#!/usr/bin/env bash
# Regenerates Tests/Evaluation/entities.tsv: for every entity of the bundled lexicon, a clean
# sentence with its canonical name (must stay unchanged) and a sentence with the name damaged as
# machine translation damages it (a calque, lost diacritics, lowercase, or glued to the next word;
# see EntityCases in Sources/Wirefix/Evaluation). Run it after changing Lexicons/entities,
# Lexicons/glosses or Lexicons/geography; Tests/WirefixTests/GeneratedEntityCasesTests.swift fails
# while the file is stale. Then rerun Scripts/update-baseline.sh if the figures moved.
#
# Usage: Scripts/generate-entity-cases.sh [--check]
#   --check  exit 1 (and change nothing) when the file is out of date.
# Environment: SCRATCH, the SwiftPM scratch path to build in (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
out=Tests/Evaluation/entities.tsv
scratch=${SCRATCH:-.build}
swift build --scratch-path "$scratch" --product wirefix >/dev/null
binary="$(swift build --scratch-path "$scratch" --show-bin-path)/wirefix"
export WIREFIX_BUNDLED_LEXICONS="$PWD/Lexicons"
if [ "${1:-}" = "--check" ]; then
  fresh="$(mktemp)"
  trap 'rm -f "$fresh"' EXIT
  "$binary" eval --write-entity-cases "$fresh" 2>/dev/null
  if ! cmp -s "$fresh" "$out"; then
    echo "$out is out of date; run Scripts/generate-entity-cases.sh" >&2
    exit 1
  fi
  exit 0
fi
"$binary" eval --write-entity-cases "$out"
