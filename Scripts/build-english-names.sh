#!/usr/bin/env bash
# Rebuilds Lexicons/english/names.tsv, the list of common English-language given names and
# surnames, from the US Census Bureau's 1990 name frequency files (public domain) as shipped in
# the PyPI package "names" 0.3.0 (MIT License), downloaded with pip.
#
# Rules use it to tell a real English name ("Peter Castle", "Oliver White") from a calque of a
# Spanish one ("Nicholas Mature"): every word of a real English name is a common given name or
# surname.
#
# Usage: Scripts/build-english-names.sh
set -euo pipefail
cd "$(dirname "$0")/.."
version=0.3.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --no-binary :all: "names==$version" -d "$work"
tar -xzf "$work/names-$version.tar.gz" -C "$work"
python3 - "$work/names-$version/names" Lexicons/english/names.tsv <<'PY'
import sys
src, out = sys.argv[1], sys.argv[2]
SURNAME_LIMIT = 20000
rows = {}
def read(path, kind, limit=None):
    for line in open(f"{src}/{path}", encoding="ascii"):
        parts = line.split()
        if len(parts) != 4:
            continue
        name, rank = parts[0].lower(), int(parts[3])
        if limit is not None and rank > limit:
            continue
        key = (name, kind)
        if key not in rows or rank < rows[key]:
            rows[key] = rank
read("dist.male.first", "given")
read("dist.female.first", "given")
read("dist.all.last", "surname", SURNAME_LIMIT)
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("# Common US given names and surnames: name<TAB>kind<TAB>rank (1 = most frequent of its kind).\n")
    f.write("# Source: US Census Bureau, 1990 Census name files (public domain), as shipped in the PyPI\n")
    f.write(f"# package names 0.3.0 (MIT License). Surnames up to rank {SURNAME_LIMIT}; all given names.\n")
    f.write("# Regenerate with Scripts/build-english-names.sh; do not edit by hand.\n")
    for (name, kind), rank in sorted(rows.items(), key=lambda item: (item[0][1], item[1], item[0][0])):
        f.write(f"{name}\t{kind}\t{rank}\n")
print(f"wrote {len(rows)} names to {out}")
PY
