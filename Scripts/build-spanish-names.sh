#!/usr/bin/env bash
# Rebuilds Lexicons/spanish/names.tsv, Spanish and Portuguese given names and surnames with their
# diacritics (Peña, Rodríguez, Núñez, Olivares, Évole, Gonçalves), from permissively licensed data:
#
#   - the cased Spanish word-probability table es_lexeme_prob.json in the PyPI package
#     spacy-lookups-data 1.0.5 (MIT License), downloaded with pip: which spellings occur, how often,
#     and how often capitalized against lowercase;
#   - Lexicons/english/names.tsv (US Census Bureau 1990 name files, public domain): which words
#     are given names or surnames at all;
#   - Debian's wspanish word list /usr/share/dict/spanish (public domain): which words are
#     ordinary Spanish words;
#   - Lexicons/english/words.tsv (symspellpy, MIT): English word counts, for the frequency test;
#   - Unicode CLDR (Debian's unicode-cldr-core, Unicode License): one-word country, city and
#     subdivision names in English, Spanish and Portuguese, and Lexicons/geography/countries.tsv,
#     to flag names that are also places (León, Córdoba, Ávila).
#
# No list of real people is used. Lexicons/spanish/SOURCE.md describes the method and its limits.
#
# Usage: Scripts/build-spanish-names.sh
# Needs: python3 with pip, network access to PyPI, and the packages wspanish and unicode-cldr-core
# (apt-get install wspanish unicode-cldr-core).
set -euo pipefail
cd "$(dirname "$0")/.."
version=1.0.5
wordlist=/usr/share/dict/spanish
cldr=/usr/share/unicode/cldr/common
if [ ! -r "$wordlist" ] || [ ! -d "$cldr/main" ]; then
    echo "build-spanish-names: $wordlist or $cldr is missing; install them with: apt-get install wspanish unicode-cldr-core" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps "spacy-lookups-data==$version" -d "$work"
mkdir -p Lexicons/spanish
python3 - "$work/spacy_lookups_data-$version-py2.py3-none-any.whl" "$wordlist" "$cldr" Lexicons <<'PY'
import collections, glob, gzip, io, json, math, re, sys, unicodedata, zipfile
import xml.etree.ElementTree as ET

wheel, wordlist, cldr, lexicons = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
z = zipfile.ZipFile(wheel)
probs = json.load(io.TextIOWrapper(gzip.GzipFile(fileobj=io.BytesIO(z.read("spacy_lookups_data/data/es_lexeme_prob.json.gz"))), encoding="utf-8"))
license_text = z.read("spacy_lookups_data-1.0.5.dist-info/LICENSE").decode("utf-8")
def lookup_keys(name):
    table = json.load(io.TextIOWrapper(gzip.GzipFile(fileobj=io.BytesIO(z.read(f"spacy_lookups_data/data/{name}"))), encoding="utf-8"))
    return set(table)
# Inflected forms of ordinary Spanish and Portuguese words (the lemmatizer tables' keys).
word_forms = lookup_keys("es_lemma_lookup.json.gz") | lookup_keys("pt_lemma_lookup.json.gz")

# The table holds log probabilities; the rarest entry occurred once, so exp(p - min) is a count.
floor = min(probs.values())
def count(p): return math.exp(p - floor)

def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")

ACUTE = set("áéíóú")
IBERIAN = ACUTE | set("ñüçãõ")
# French spellings that pass the letter test below.
FRENCH = {"cécile", "honoré", "doré", "vallée"}
def iberian_spelling(name):
    """Spanish or Portuguese orthography: Latin letters, at most one acute accent, ü only in güe/güi,
    ç only before a, o, u; no French ph, ée, bb, çoi."""
    low = name.lower()
    if any(not ("a" <= c <= "z") and c not in IBERIAN for c in low): return False
    if re.search(r"ph|ée|bb|çoi|ç[eiéí]|ç$", low) or low in FRENCH: return False
    if sum(c in ACUTE for c in low) > 1 or sum(c in "ãõ" for c in low) > 1: return False
    if "ü" in low and not re.search(r"gü[eiéí]", low): return False
    return True

# Capitalized spellings by folded key, and lowercase counts.
capitalized = collections.defaultdict(list)
lowercase = {}
for word, p in probs.items():
    if len(word) < 2 or not word.isalpha(): continue
    if word[0].isupper() and word[1:].islower():
        capitalized[fold(word)].append((word, count(p)))
    elif word.islower():
        lowercase[word] = count(p)

census = collections.defaultdict(dict)
for line in open(f"{lexicons}/english/names.tsv", encoding="utf-8"):
    if line.startswith("#") or not line.strip(): continue
    name, kind, rank = line.rstrip("\n").split("\t")
    census[name][kind] = int(rank)

spanish_words = set(fold(w.strip()) for w in open(wordlist, encoding="utf-8") if w.strip())

# One-word place names: CLDR territories, exemplar cities and subdivisions (en, es, pt), the places
# of Lexicons/geography/countries.tsv, and a few places the corpus spells like -ez surnames.
places = {"mayaguez", "trevelez", "montanchez", "genova", "mahon", "bonar", "naron", "pacifico", "america"}
for path in [f"{cldr}/main/{l}.xml" for l in ("en", "es", "pt")] + [f"{cldr}/subdivisions/{l}.xml" for l in ("en", "es", "pt")]:
    for element in ET.parse(path).iter():
        if element.tag in ("territory", "exemplarCity", "subdivision") and element.text and " " not in element.text.strip():
            places.add(fold(element.text.strip()))
for line in open(f"{lexicons}/geography/countries.tsv", encoding="utf-8"):
    if line.startswith("#") or line.startswith("code\t"): continue
    fields = line.rstrip("\n").split("\t")
    for field in fields[1:2] + fields[3:4]:
        places.update(fold(p) for p in field.split("|") if p and " " not in p)
english_rank, english_count = {}, {}
for line in open(f"{lexicons}/english/words.tsv", encoding="utf-8"):
    if line.startswith("#"): continue
    word, n = line.rstrip("\n").split("\t")
    english_rank.setdefault(word, len(english_rank) + 1)
    english_count[word] = int(n)

MIN_COUNT = 40          # occurrences of the chosen spelling
MIN_SHARE = 0.5         # of the capitalized occurrences of all spellings of the key
MAX_LOWER = 0.5         # lowercase occurrences of the chosen spelling per capitalized one

rows = {}   # (name, kind) -> (evidence, share)
def add(name, kind, evidence, share):
    key = (name, kind)
    if key not in rows: rows[key] = (evidence, share)

def best_spelling(key):
    spellings = sorted(capitalized.get(key, []), key=lambda s: (-s[1], s[0]))
    total = sum(c for _, c in spellings)
    if not spellings: return None, 0.0, 0.0
    return spellings[0][0], spellings[0][1] / total, spellings[0][1]

def plain_share(key):
    """The share of the capitalized occurrences of a key spelled in plain ASCII ("Nunez")."""
    spellings = capitalized.get(key, [])
    total = sum(c for _, c in spellings)
    return sum(c for w, c in spellings if w.isascii()) / total if total else 0.0

# 1. accent: a census name whose usual capitalized spelling in Spanish text carries Spanish or
#    Portuguese diacritics (José, Héctor, Rodríguez, Peña, Gonçalves), and is not mostly a
#    lowercase word ("Día", "Tía").
for key, kinds in census.items():
    name, share, n = best_spelling(key)
    if name is None or name.lower() == key: continue
    if not iberian_spelling(name) or share < MIN_SHARE or n < MIN_COUNT: continue
    if lowercase.get(name.lower(), 0) > MAX_LOWER * n: continue
    for kind in kinds: add(name, kind, "accent", share)

# 2. patronymic: a capitalized word of the corpus in -ez with an accented stem (Ibáñez, Benítez,
#    Ordóñez) that is no ordinary word, and its Portuguese -es counterpart (Rodrigues, Fernandes,
#    Nunes) when that is capitalized in the corpus and no Spanish word.
patronymic_stems = set()
for key in list(capitalized):
    if not key.endswith("ez") or len(key) < 5 or key in spanish_words: continue
    name, share, n = best_spelling(key)
    if name is None or not iberian_spelling(name) or name.lower() == key: continue
    if not any(c in IBERIAN for c in name.lower()[:-2]): continue
    if share < MIN_SHARE or n < MIN_COUNT or lowercase.get(name.lower(), 0) > 0.05 * n: continue
    patronymic_stems.add(key[:-2])
    add(name, "surname", "accent" if key in census else "patronymic", share)
for key, kinds in census.items():
    if key.endswith("ez") and "surname" in kinds: patronymic_stems.add(key[:-2])
for stem in sorted(patronymic_stems):
    key = stem + "es"
    if key in spanish_words or len(stem) < 4 or "given" in census.get(key, {}): continue
    name, share, n = best_spelling(key)
    if name is None or not iberian_spelling(name) or share < MIN_SHARE or n < MIN_COUNT: continue
    if lowercase.get(name.lower(), 0) > 0.05 * n: continue
    add(name, "surname", "patronymic", share)

# 3. frequency: a census surname without diacritics that Spanish text writes capitalized at least
#    100 times, not mostly as a lowercase word, and not a frequent English word, that is either
#    (a) at least twice as frequent in Spanish text as in English text (symspellpy's English
#    counts: Mendoza, Robles, Torres; not Smith, Friedman or Free), or (b) absent from the English
#    list and an ordinary Spanish or Portuguese word form (Olivares, Paredes, Ferreira: the keys of
#    the package's lemmatizer tables) or spelled like Spanish rather than
#    English by a letter-trigram model trained on wspanish against one trained on the English list.
def trigram_model(words):
    grams, contexts = collections.Counter(), collections.Counter()
    for w in words:
        s = "^^" + w + "$"
        for i in range(len(s) - 2):
            grams[s[i:i + 3]] += 1
            contexts[s[i:i + 2]] += 1
    return grams, contexts
def score(word, model):
    grams, contexts = model
    s = "^^" + word + "$"
    return sum(math.log((grams[s[i:i + 3]] + 0.1) / (contexts[s[i:i + 2]] + 2.7)) for i in range(len(s) - 2)) / (len(s) - 2)
english_words = sorted(english_rank, key=english_rank.get)[:40000]
spanish_model, english_model = trigram_model(spanish_words), trigram_model(english_words)
spanish_total = sum(count(p) for p in probs.values())
english_total = sum(english_count.values())
for key, kinds in census.items():
    if "surname" not in kinds or len(key) < 4 or not re.fullmatch(r"[a-z]+", key): continue
    name, share, n = best_spelling(key)
    if name is None or name.lower() != key: continue
    total = n / share
    if total < 100 or lowercase.get(key, 0) > 3 * total: continue
    if english_rank.get(key, 10**9) <= 5000: continue   # Dear, Near, Solar, Colorado
    if key in english_count:
        if math.log10((total / spanish_total) / (english_count[key] / english_total)) < 0.3: continue
    elif key not in spanish_words and key not in word_forms and score(key, spanish_model) - score(key, english_model) <= 0.5:
        continue
    add(name, "surname", "frequency", share)

with open(f"{lexicons}/spanish/names.tsv", "w", encoding="utf-8", newline="\n") as f:
    f.write("# Spanish and Portuguese given names and surnames as Spanish text spells them.\n")
    f.write("# name<TAB>kind<TAB>evidence<TAB>share<TAB>plain<TAB>place.\n")
    f.write("# kind: given or surname.\n")
    f.write("# evidence: accent (a US Census name whose usual spelling in Spanish text has diacritics),\n")
    f.write("#   patronymic (an -ez surname with an accented stem, or its Portuguese -es form),\n")
    f.write("#   frequency (a US Census surname that Spanish text uses far more than English text).\n")
    f.write("# share: the percentage of the capitalized occurrences of all spellings that fold to the same\n")
    f.write("#   letters that use this spelling.\n")
    f.write("# plain: the percentage of those occurrences spelled in plain ASCII letters (Nunez for Núñez).\n")
    f.write("# place: 'place' when the word is also a one-word place name (CLDR, countries.tsv), else '-'.\n")
    f.write("# Derived from spacy-lookups-data 1.0.5 (MIT, see LICENSE-spacy-lookups-data.txt), the US Census\n")
    f.write("# 1990 name files (public domain) and wspanish (public domain), filtered with Unicode CLDR; see\n")
    f.write("# SOURCE.md. Regenerate with Scripts/build-spanish-names.sh; do not edit by hand.\n")
    for (name, kind), (evidence, share) in sorted(rows.items(), key=lambda r: (fold(r[0][0]), r[0][0], r[0][1])):
        flag = "place" if fold(name) in places else "-"
        f.write(f"{unicodedata.normalize('NFC', name)}\t{kind}\t{evidence}\t{round(share * 100)}\t{round(plain_share(fold(name)) * 100)}\t{flag}\n")
with open(f"{lexicons}/spanish/LICENSE-spacy-lookups-data.txt", "w", encoding="utf-8", newline="\n") as f:
    f.write(license_text)
by = collections.Counter((kind, evidence) for (_, kind), (evidence, _) in rows.items())
print(f"wrote {len(rows)} names to {lexicons}/spanish/names.tsv: " + ", ".join(f"{k} {e} {n}" for (k, e), n in sorted(by.items())))
PY
