#!/usr/bin/env bash
# Builds the wirefix command-line tool in release mode and, with --prefix, installs it.
#
# Usage: Scripts/install.sh [--prefix DIR] [--scratch-path DIR]
#   --prefix DIR        copy the binary to DIR/bin/wirefix and the bundled lexicons to
#                       DIR/share/wirefix/Lexicons, where the tool looks for them (../share/wirefix/
#                       Lexicons beside its executable). Without it, only builds.
#   --scratch-path DIR  build in DIR instead of .build.
#
# ICU's development files (libicu-dev) are installed with apt-get first when
# /usr/include/unicode/utypes.h is missing, with sudo only when not run as root (Scripts/bootstrap.sh).
#
# Everything the script and the tools it runs print goes to standard error, so that standard
# output stays free for what runs after it: `Scripts/install.sh && .build/release/wirefix clean
# article.txt > clean.txt` gets only the cleaned text.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '4,9p' "$0" | sed 's/^# \{0,1\}//'; }
prefix=""
scratch=".build"
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix|--scratch-path)
      if [ $# -lt 2 ] || [ -z "$2" ]; then echo "install: $1 needs a directory" >&2; usage >&2; exit 64; fi
      if [ "$1" = --prefix ]; then prefix=$2; else scratch=$2; fi
      shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --scratch-path=*) scratch=${1#--scratch-path=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install: unknown argument '$1'" >&2; usage >&2; exit 64 ;;
  esac
done

Scripts/bootstrap.sh >&2

echo "install: building wirefix (release)" >&2
swift build -c release --product wirefix --scratch-path "$scratch" >&2
bin_dir=$(swift build -c release --scratch-path "$scratch" --show-bin-path)
binary="$bin_dir/wirefix"
[ -x "$binary" ] || { echo "install: the build did not produce $binary" >&2; exit 1; }

if [ -z "$prefix" ]; then
  echo "install: built $binary (pass --prefix DIR to install it)" >&2
  exit 0
fi

mkdir -p "$prefix/bin" "$prefix/share/wirefix"
prefix=$(cd "$prefix" && pwd)
install -m 0755 "$binary" "$prefix/bin/wirefix" >&2
# Replace the lexicons as a whole, so that files removed from the source do not linger.
staging=$(mktemp -d "$prefix/share/wirefix/.Lexicons.XXXXXX")
trap 'rm -rf "$staging"' EXIT
cp -R Lexicons/. "$staging/" >&2
chmod -R a+rX "$staging"
rm -rf "$prefix/share/wirefix/Lexicons"
mv "$staging" "$prefix/share/wirefix/Lexicons"
trap - EXIT

# Check the installed tool finds the installed lexicons.
"$prefix/bin/wirefix" lexicon lint >&2
echo "install: installed $prefix/bin/wirefix and $prefix/share/wirefix/Lexicons" >&2
