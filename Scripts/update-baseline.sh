#!/usr/bin/env bash
# Rewrites Tests/Evaluation/baseline.json: the figures of the evaluation corpus and the clean-copy
# corpus at the default apply threshold (in total, per set, per kind of damage and per rule),
# which QualityGateTests compares later runs with (recall may not fall more than 2 points below
# it in total, in any set or in any kind). Run it after a change that moves the figures on
# purpose, and commit the new baseline with that change.
#
# Usage: Scripts/update-baseline.sh
# Environment: SCRATCH, the SwiftPM scratch path to build in (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/bootstrap.sh
scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" --product wirefix >&2
binary="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/wirefix"
"$binary" eval Tests/Evaluation --clean-copy Tests/CleanCopy \
    --write-baseline Tests/Evaluation/baseline.json --max-listed 0 | sed -n '/^By kind/,/^Per MB/p'
