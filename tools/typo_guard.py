#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The guard of the note reader's typo tolerance (data/diary_phrases.txt [typo]).

The reader bends a word it does not know into a word of a fact phrase that is
one Damerau edit away (one letter inserted, dropped, replaced, or two next to
each other swapped: Damerau 1964), but never a real English word ("ladder"
is no typo of "bladder", "height" none of "weight"). This tool lists those
real words: every word of a system word list (SCOWL, as Debian's wamerican and
wbritish install it in /usr/share/dict) that is one edit from a fact phrase
word of min_length letters or more, and that the reader would otherwise bend.

  python3 tools/typo_guard.py              print the real_words value
  python3 tools/typo_guard.py --measure    how often one edit of a real word
                                           of each length makes another real
                                           word (Kukich 1992's real-word errors)
  python3 tools/typo_guard.py --check      exit 1 if data's real_words misses
                                           a word the word list has
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PHRASES = os.path.join(ROOT, "data", "diary_phrases.txt")
# session 32 (branch dia37): read after diary_phrases.txt into the same lists
VOICES = os.path.join(ROOT, "data", "diary_voices.txt")
DICTS = ["/usr/share/dict/american-english", "/usr/share/dict/british-english"]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def sections(path):
    """(section, key, value) of a data file, continuation lines joined."""
    sec, key, val = "", None, []
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            s = line.strip()
            if line[:1] in (" ", "\t"):
                if s and not s.startswith("#") and key:
                    val.append(s)
                continue
            if key:
                out.append((sec, key, " ".join(val)))
                key = None
            if not s or s.startswith("#"):
                continue
            if s.startswith("["):
                sec = s[1:-1]
                continue
            k, _, v = s.partition("=")
            key, val = k.strip(), [v.strip()]
    if key:
        out.append((sec, key, " ".join(val)))
    return out


def config():
    """min_length, real_words and the fact phrase words (exact, prefix stems)."""
    min_len, real = 5, set()
    exact, stems = set(), set()
    both = sections(PHRASES) + (sections(VOICES) if os.path.exists(VOICES) else [])
    for sec, key, val in both:
        if sec == "typo" and key == "min_length":
            min_len = int(val)
        elif sec == "typo" and key == "real_words":
            real |= set(w.strip() for w in val.split("|") if w.strip())
        elif (sec.startswith("fact.") or sec.startswith("more.") or sec == "temperature") and \
                key in ("phrase", "concept", "with", "words"):
            for alt in re.split(r"[|&\s/]+", val):
                if not alt or alt == "..":
                    continue
                if alt.endswith("*") and alt[:-1].isalpha():
                    stems.add(alt[:-1])
                elif alt.isalpha():
                    exact.add(alt)
    return min_len, real, exact, stems


def edits1(w):
    """Every string one Damerau edit from w."""
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    out = set()
    for a, b in splits:
        if b:
            out.add(a + b[1:])
            for c in LETTERS:
                out.add(a + c + b[1:])
        if len(b) > 1:
            out.add(a + b[1] + b[0] + b[2:])
        for c in LETTERS:
            out.add(a + c + b)
    out.discard(w)
    return out


def english():
    words = set()
    for d in DICTS:
        if not os.path.exists(d):
            continue
        with open(d, encoding="utf-8", errors="replace") as f:
            for w in f:
                w = w.strip().lower().replace("'", "")  # the reader drops apostrophes
                if w.isascii() and w.isalpha():
                    words.add(w)
    if not words:
        sys.exit("typo_guard.py: no word list in /usr/share/dict (apt-get install wamerican wbritish)")
    return words


def guard(min_len, exact, stems, eng):
    """Real words one edit from a fact phrase word that the reader would bend."""
    targets = [w for w in exact if len(w) >= min_len]
    tstems = [s for s in stems if len(s) >= min_len]
    near = set()
    for t in targets:
        near |= edits1(t) & eng
    for s in tstems:
        e1 = edits1(s)
        for w in eng:
            if w.startswith(s):
                continue
            for k in (len(s) - 1, len(s), len(s) + 1):
                if k <= len(w) and w[:k] in e1:
                    near.add(w)
                    break
    # a word the reader already reads as it is is never bent
    known = set(exact)
    return sorted(w for w in near if w not in known and not any(w.startswith(s) for s in stems))


def measure(eng):
    """Per length: the share of one-edit variants of real words that are real words."""
    by_len = {}
    for w in eng:
        by_len.setdefault(len(w), []).append(w)
    print("length  words  variants  real  share")
    for n in range(3, 11):
        ws = sorted(by_len.get(n, []))[::max(1, len(by_len.get(n, [])) // 400)]
        var = real = 0
        for w in ws:
            e = edits1(w)
            var += len(e)
            real += len(e & eng)
        print("%6d %6d %9d %5d %6.3f%%" % (n, len(ws), var, real, 100.0 * real / max(var, 1)))


def main():
    min_len, real, exact, stems = config()
    eng = english()
    if "--measure" in sys.argv:
        measure(eng)
        return 0
    g = guard(min_len, exact, stems, eng)
    if "--check" in sys.argv:
        missing = [w for w in g if w not in real]
        for w in missing:
            print("typo_guard.py: real word not in [typo] real_words:", w)
        return 1 if missing else 0
    line = "real_words ="
    out = []
    for w in g:
        if len(line) + len(w) + 3 > 96:
            out.append(line)
            line = " "
        line += " " + w + " |" if line != "real_words =" else " " + w + " |"
    out.append(line.rstrip(" |"))
    print("\n".join(out))
    print("# %d real words, min_length %d" % (len(g), min_len), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
