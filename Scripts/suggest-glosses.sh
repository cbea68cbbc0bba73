#!/usr/bin/env bash
# Suggests literal English glosses for Spanish and Portuguese name components, for a person to
# review before anything goes into Lexicons/glosses/.
#
# For each component it prints what machine translation and bilingual dictionaries make of the
# lowercase word: "Robles" → robles → "Oaks" (Apertium spa-eng), lemma roble → oak (the Apertium
# bilingual dictionary). Portuguese components go through Apertium por→spa and then spa→eng,
# and are looked up in FreeDict por-eng.
#
# The dictionaries are GPL, so this script only runs on a developer's machine and nothing it
# prints is committed as is: the committed glosses are our own reviewed list, and
# Lexicons/glosses/SOURCE.md records which entries this script suggested.
#
# Usage: Scripts/suggest-glosses.sh [FILE]
#   FILE (or standard input) holds one component per line, optionally followed by a tab and
#   "es" or "pt" (default: try both). Output, tab-separated, one line per component:
#   component  lang  analysis  bidix  mt  freedict
#   where analysis is the Apertium morphological analysis (lemma<tags>), bidix the lemma
#   translations of the bilingual dictionary, mt what the whole Apertium pipeline writes, and
#   freedict the FreeDict entry (spa-eng or por-eng). Empty fields are "-".
# Needs: apt-get install apertium apertium-en-es apertium-es-pt dict-freedict-spa-eng dict-freedict-por-eng
set -euo pipefail
data=/usr/share/apertium
for need in "$data/apertium-eng-spa/spa-eng.automorf.bin" "$data/apertium-es-pt/pt-es.automorf.bin" \
            /usr/share/dictd/freedict-spa-eng.index /usr/share/dictd/freedict-por-eng.index; do
    if [ ! -r "$need" ]; then
        echo "suggest-glosses: $need is missing; install: apt-get install apertium apertium-en-es apertium-es-pt dict-freedict-spa-eng dict-freedict-por-eng" >&2
        exit 1
    fi
done
command -v apertium >/dev/null && command -v lt-proc >/dev/null || {
    echo "suggest-glosses: apertium and lt-proc are missing; install: apt-get install apertium lttoolbox" >&2
    exit 1
}
input=$(mktemp)
trap 'rm -f "$input"' EXIT
cat "${1:-/dev/stdin}" > "$input"
python3 - "$input" "$data" <<'PY'
import gzip, re, subprocess, sys

path, data = sys.argv[1], sys.argv[2]
rows = []
for line in open(path, encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"): continue
    parts = line.split("\t")
    langs = [parts[1]] if len(parts) > 1 and parts[1] in ("es", "pt") else ["es", "pt"]
    for lang in langs: rows.append((parts[0], lang))

def run(command, lines):
    """Runs an Apertium command over lines, one result per line ('.' separators keep lines apart)."""
    text = "\n".join(f"{line} ." for line in lines) + "\n"
    out = subprocess.run(command, input=text, capture_output=True, text=True, check=True).stdout
    results = out.rstrip("\n").split("\n")
    if len(results) != len(lines): raise SystemExit(f"suggest-glosses: {command[0]} returned {len(results)} lines for {len(lines)}")
    return [re.sub(r"\s*\.\s*$", "", r).strip() for r in results]

def analyses(binary, words):
    out = run(["lt-proc", binary], words)
    return [re.findall(r"/([^/$]+)", o.split("$")[0]) for o in out]

def bidix(binary, analysis_lists):
    flat = [a for analyses in analysis_lists for a in analyses if not a.startswith("*")]
    if not flat: return [[] for _ in analysis_lists]
    out = run(["lt-proc", "-b", binary], ["^" + a + "$" for a in flat])
    translated = {}
    for a, o in zip(flat, out):
        translated[a] = [t for t in re.findall(r"/([^/$]+)", o.split("$")[0]) if not t.startswith("@")]
    return [[t for a in analyses for t in translated.get(a, [])] for analyses in analysis_lists]

def freedict(name):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    def b64(s):
        n = 0
        for c in s: n = n * 64 + alphabet.index(c)
        return n
    index = {}
    for line in open(f"/usr/share/dictd/freedict-{name}.index", encoding="utf-8"):
        head, offset, length = line.rstrip("\n").split("\t")
        index.setdefault(head.lower(), []).append((b64(offset), b64(length)))
    body = gzip.open(f"/usr/share/dictd/freedict-{name}.dict.dz").read()
    def lookup(word):
        entries = []
        for offset, length in index.get(word, []):
            text = body[offset:offset + length].decode("utf-8").strip().split("\n")
            entries.append("; ".join(t.strip() for t in text[1:] if t.strip()))
        return " / ".join(entries)
    return lookup

lookups = {"es": freedict("spa-eng"), "pt": freedict("por-eng")}
spa_eng = f"{data}/apertium-eng-spa"
result = {}
for lang in ("es", "pt"):
    items = [c for c, l in rows if l == lang]
    if not items: continue
    words = [c.lower() for c in items]
    if lang == "es":
        analysis = analyses(f"{spa_eng}/spa-eng.automorf.bin", words)
        lemmas = bidix(f"{spa_eng}/spa-eng.autobil.bin", analysis)
        mt = run(["apertium", "spa-eng"], words)
    else:
        analysis = analyses(f"{data}/apertium-es-pt/pt-es.automorf.bin", words)
        spanish = run(["apertium", "pt-es"], words)
        lemmas = [[] for _ in words]
        mt = run(["apertium", "spa-eng"], [s.replace("*", "") for s in spanish])
        mt = [f"{s} → {m}" for s, m in zip(spanish, mt)]
    for c, a, b, m in zip(items, analysis, lemmas, mt):
        result[(c, lang)] = (a, b, m, lookups[lang](c.lower()))
for c, lang in rows:
    a, b, m, f = result[(c, lang)]
    print("\t".join([c, lang, "|".join(a) or "-", "|".join(dict.fromkeys(b)) or "-", m or "-", f or "-"]))
PY
