#!/usr/bin/env bash
# Writes a synthetic corpus (damaged wire copy with the ground truth of every injected change)
# and scores Wirefix on it per rule and per kind.
#
# Usage: Scripts/synthesize.sh [OUTPUT.txt] [wirefix synthesize options...]
#   Scripts/synthesize.sh                                   # 1 MB, seed 42, in a temporary file
#   Scripts/synthesize.sh /tmp/big.txt --megabytes 100      # 100 MB for the benchmark
#   Scripts/synthesize.sh /tmp/s.txt --seed 7 --rate calque=0.3
# The corpus is written with `wirefix synthesize` and scored with `wirefix eval` (set
# WIREFIX_EVAL=0 to only write it). Same seed, same files.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/bootstrap.sh
swift build -c release --product wirefix >&2
output=${1:-}
if [[ -z $output || $output == -* ]]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    output=$work/synthetic.txt
else
    shift
fi
.build/release/wirefix synthesize "$@" "$output"
if [[ ${WIREFIX_EVAL:-1} != 0 ]]; then
    .build/release/wirefix eval --max-listed 20 "$output"
fi
