"""Sentence segmentation by rules: spans, never copies, so every offset maps back to the text.

Splits at line breaks and at ., ! or ? followed by space and a capital, digit or opening quote,
unless the word before the stop is an abbreviation ("Mr.", "Feb.", "U.N.") or a lone initial.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "brig",
        "adm",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "pres",
        "st",
        "mt",
        "ft",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "vs",
        "etc",
        "approx",
        "est",
        "dept",
        "univ",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "rev",
    ]
)

# One pass finds both kinds of break: a run of line breaks, or a candidate sentence boundary
# (terminal punctuation, optional closing quotes/brackets in group 1, then space within the
# line, before a capital, digit or opening quote). It starts with one character class, not an
# alternation, so the regex engine skips ahead fast.
_BREAK = re.compile(r"""[\n.!?](?:(?<=\n)\n*|(["'”’)\]]*)[^\S\n]+(?=["'“‘(\[]?[A-Z0-9]))""")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _is_abbreviation(text: str, start: int, stop: int) -> bool:
    """True when the word before the full stop at ``stop`` ("Mr.", "U.N.", "W.") is an
    abbreviation or an initial; ``start`` bounds the word (the sentence's start)."""
    p = stop
    while p > start and text[p - 1] in _WORD_CHARS:
        p -= 1
    word = text[p:stop].lstrip(".")  # the word starts with a letter
    if not word:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "George W. Bush"
        return True
    if "." in word:  # dotted acronym: "U.N.", "U.S."
        return True
    return word.lower() in ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, in order; ``text[start:end]`` is it."""
    out: list[tuple[int, int]] = []
    append = out.append
    start = 0
    for m in _BREAK.finditer(text):
        at = m.start()
        if text[at] == "\n":
            end, nxt = at, m.end()
        elif text[at] == "." and _is_abbreviation(text, start, at):
            continue
        else:
            end, nxt = m.end(1), m.end()
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            append((s, e))
        start = nxt
    s, e = start, len(text)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        append((s, e))
    return out


def sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    """Number (0-based) of the sentence holding ``offset``; -1 when it falls between sentences."""
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = spans[mid]
        if offset < s:
            hi = mid - 1
        elif offset >= e:
            lo = mid + 1
        else:
            return mid
    return -1
