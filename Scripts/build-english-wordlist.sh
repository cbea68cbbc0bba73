#!/usr/bin/env bash
# Rebuilds Lexicons/english/words.tsv, the English word-frequency list, from symspellpy's
# frequency_dictionary_en_82_765.txt (MIT License), downloaded from PyPI with pip.
#
# Usage: Scripts/build-english-wordlist.sh
# Needs: python3 with pip, network access to PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
version=6.10.1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps "symspellpy==$version" -d "$work"
python3 - "$work"/symspellpy-"$version"-py3-none-any.whl Lexicons/english <<'PY'
import sys, zipfile, unicodedata
wheel, out = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(wheel)
raw = z.read("symspellpy/frequency_dictionary_en_82_765.txt").decode("utf-8")
license_text = z.read("symspellpy-6.10.1.dist-info/licenses/LICENSE").decode("utf-8")
rows = []
for line in raw.splitlines():
    parts = line.split(" ")
    if len(parts) != 2:
        continue
    word, count = parts[0], int(parts[1])
    word = unicodedata.normalize("NFC", word.lower())
    rows.append((word, count))
rows.sort(key=lambda r: (-r[1], r[0]))
with open(f"{out}/words.tsv", "w", encoding="utf-8", newline="\n") as f:
    f.write("# English word frequencies: word<TAB>count, most frequent first.\n")
    f.write("# Derived from symspellpy 6.10.1 frequency_dictionary_en_82_765.txt (MIT License, see LICENSE-symspellpy.txt).\n")
    f.write("# Regenerate with Scripts/build-english-wordlist.sh; do not edit by hand.\n")
    for word, count in rows:
        f.write(f"{word}\t{count}\n")
with open(f"{out}/LICENSE-symspellpy.txt", "w", encoding="utf-8") as f:
    f.write(license_text)
print(f"wrote {len(rows)} words to {out}/words.tsv")
PY
