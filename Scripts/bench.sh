#!/usr/bin/env bash
# Builds Wirefix in release mode and prints its throughput (MB/s) and peak memory on a generated
# corpus. A benchmark, not a test: it prints figures and checks nothing.
# Usage: Scripts/bench.sh [--megabytes N] [--seed S] [--runs R]
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/bootstrap.sh
swift build -c release --product wirefix-bench >&2
swift build -c release --product wirefix >&2
exec .build/release/wirefix-bench --cli .build/release/wirefix "$@"
