#!/usr/bin/env bash
# Rebuilds the clean-copy corpus in Tests/CleanCopy: natively written English prose on which
# Wirefix must apply no correction at all (see Tests/CleanCopy/SOURCE.md).
#
#   jargon.txt       the Jargon File 4.4.7 (public domain), Debian package jargon-text
#   python-docs.txt  the prose paragraphs of the Python 3.11 documentation (PSF License),
#                    Debian package python3.11-doc
#
# Only the form changes: a paragraph becomes one line (its wrapped lines joined by one space),
# paragraphs are separated by a blank line, text is NFC. Kept are paragraphs of at least 12
# words that end a sentence; dropped are headwords, headings, index lines and, in the Python
# documentation, every paragraph holding inline code or markup (code is not prose). Paragraphs
# listed in EXCLUDED are dropped because the source itself is damaged there (a real typo is no
# clean copy); each is named with its reason.
#
# Usage: Scripts/build-clean-copy.sh
# Needs: python3; apt-get install jargon-text python3.11-doc (the script installs them as root).
set -euo pipefail
cd "$(dirname "$0")/.."
jargon=/usr/share/doc/jargon-text/jargon.txt.gz
pydocs=/usr/share/doc/python3.11/html
if [[ ! -f $jargon || ! -d $pydocs ]]; then
    if [[ $(id -u) -eq 0 ]]; then
        apt-get install -y -q jargon-text python3.11-doc >&2
    else
        echo "build-clean-copy.sh: install jargon-text and python3.11-doc first" >&2
        exit 2
    fi
fi
python3 - "$jargon" "$pydocs" Tests/CleanCopy <<'PY'
import glob, gzip, re, sys, unicodedata
from html.parser import HTMLParser

jargon_path, pydocs, out = sys.argv[1:4]

# Paragraphs whose source text is itself damaged, by a phrase they contain, with the reason.
EXCLUDED = {
    "west sidesof the chamber": "a typo in the Jargon File's quotation of the game Adventure: 'sidesof'",
}

def norm(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()

def is_prose(paragraph):
    return len(paragraph.split()) >= 12 and paragraph[-1] in ".!?\"”)"

def excluded(paragraph):
    return any(phrase in paragraph for phrase in EXCLUDED)

def jargon(path):
    text = gzip.open(path, "rt", encoding="utf-8").read()
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        paragraph = norm(" ".join(line.strip() for line in block.split("\n")))
        if not paragraph or paragraph.startswith(":"):  # ":baroque: adj." headword lines
            continue
        if is_prose(paragraph) and not excluded(paragraph):
            paragraphs.append(paragraph)
    return paragraphs

class Paragraphs(HTMLParser):
    """The text of each <p> in the document body that holds no code or markup element."""
    MARKUP = {"code", "pre", "kbd", "samp", "var", "em", "sup"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_body = False
        self.buffer = None
        self.markup = 0
        self.paragraphs = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "div" and "body" in classes:
            self.in_body = True
        if tag == "p" and self.in_body:
            self.buffer, self.markup = [], 0
        elif self.buffer is not None and (tag in self.MARKUP or "pre" in classes):
            self.markup += 1

    def handle_endtag(self, tag):
        if tag == "p" and self.buffer is not None:
            paragraph = norm("".join(self.buffer))
            if self.markup == 0 and is_prose(paragraph) and not excluded(paragraph):
                self.paragraphs.append(paragraph)
            self.buffer = None

    def handle_data(self, data):
        if self.buffer is not None:
            self.buffer.append(data)

def python_docs(root):
    paragraphs = []
    for section in ["tutorial", "howto", "faq", "reference", "whatsnew", "library", "using",
                    "extending", "installing", "distributing"]:
        for page in sorted(glob.glob(f"{root}/{section}/*.html")):
            parser = Paragraphs()
            parser.feed(open(page, encoding="utf-8").read())
            paragraphs += parser.paragraphs
    return paragraphs

for name, paragraphs in [("jargon.txt", jargon(jargon_path)), ("python-docs.txt", python_docs(pydocs))]:
    with open(f"{out}/{name}", "w", encoding="utf-8", newline="\n") as f:
        f.write("\n\n".join(paragraphs) + "\n")
    size = sum(len(p.encode()) + 2 for p in paragraphs)
    print(f"{out}/{name}: {len(paragraphs)} paragraphs, {size} bytes", file=sys.stderr)
PY
# The PSF License asks that its text and the copyright notice stay with the documentation.
sed -n '/^PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2/,/^BEOPEN.COM LICENSE AGREEMENT/p' \
    /usr/share/doc/python3.11-doc/copyright | sed '$d' > Tests/CleanCopy/LICENSE-python-docs.txt
