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

# A candidate boundary: terminal punctuation (optionally closing quotes/brackets), then space.
_BOUNDARY = re.compile(r"""[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])""")
_LINE = re.compile(r"\n+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.[\"'”’)\]]*$")


def _is_abbreviation(chunk: str) -> bool:
    m = _WORD_BEFORE.search(chunk)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "George W. Bush"
        return True
    if "." in word:  # dotted acronym: "U.N.", "U.S."
        return True
    return word.lower() in ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, in order; ``text[start:end]`` is it."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line_match in [*_LINE.finditer(text), None]:
        line_end = line_match.start() if line_match else len(text)
        start = line_start
        for b in _BOUNDARY.finditer(text, line_start, line_end):
            stop = b.start() + 1
            while stop < b.end() and not text[stop].isspace():
                stop += 1
            if _is_abbreviation(text[start:stop]):
                continue
            spans.append((start, stop))
            start = b.end()
        spans.append((start, line_end))
        line_start = line_match.end() if line_match else len(text)
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
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
