#!/usr/bin/env bash
# Builds Wirefix in release mode, then generates a seeded wire corpus and a 100,000-entity
# lexicon and prints Wirefix's throughput (MB/s) beside grep -F and uconv on the same input, the
# same for the corpus's copy undamaged, the lexicon load time, peak RSS and a per-rule breakdown.
# A benchmark, not a test: it prints figures and checks nothing.
# Usage: Scripts/bench.sh [--megabytes N] [--entities N] [--seed S] [--runs R] [--work DIR]
#   (see Sources/WirefixBench/main.swift for every option)
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/bootstrap.sh
# GNU time gives each command's true peak RSS; without it the figures still print.
if [ ! -x /usr/bin/time ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get install -y time >&2 || true
fi
swift build -c release --product wirefix-bench >&2
swift build -c release --product wirefix >&2
exec .build/release/wirefix-bench --cli .build/release/wirefix "$@"
