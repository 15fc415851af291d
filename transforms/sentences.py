"""Sentence segmentation by rules: spans, never copies, so every offset maps back to the text.

Splits at line breaks and at ., ! or ? followed by space and a capital, digit or opening quote,
unless the word before the stop is an abbreviation ("Mr.", "Feb.", "U.N.") or a lone initial.
"""

from __future__ import annotations

import itertools
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

# The breaks: a run of line breaks, or a candidate sentence boundary (terminal punctuation,
# optional closing quotes/brackets in group 1, then space within the line, before a capital,
# digit or opening quote). One regex per break character: a literal first character lets the
# regex engine scan ahead several times faster than a character class would, and no match
# of one kind can hold a break character of another, so together they find what one
# alternation would.
_LINE_BREAKS = re.compile(r"\n\n*")  # (not "\n+": a literal first gives the fast scan)
_AFTER_STOP = r"""(["'”’)\]]*)[^\S\n]+(?=["'“‘(\[]?[A-Z0-9])"""
_FULL_STOP = re.compile(r"\." + _AFTER_STOP)
_OTHER_STOPS = (re.compile("!" + _AFTER_STOP), re.compile(r"\?" + _AFTER_STOP))
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


def _breaks(text: str) -> list[tuple[int, int, int]]:
    """(position, end of the sentence before, start of the next) of every candidate break,
    in order; a full stop's sentence end is negative (-1 - end): it may be an abbreviation."""
    found = [(m.start(), m.start(), m.end()) for m in _LINE_BREAKS.finditer(text)]
    stops = [(m.start(), -1 - m.end(1), m.end()) for m in _FULL_STOP.finditer(text)]
    if stops:
        found += stops
        found.sort()
    if "!" in text or "?" in text:
        for other in _OTHER_STOPS:
            found += [(m.start(), m.end(1), m.end()) for m in other.finditer(text)]
        found.sort()
    return found


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, in order; ``text[start:end]`` is it."""
    bounds = iter(sentence_bounds(text))
    return list(zip(bounds, bounds, strict=True))


def sentence_bounds(text: str) -> list[int]:
    """``sentence_spans`` flattened: [start0, end0, start1, end1, ...], strictly increasing, so
    ``bisect_right(bounds, offset)`` is odd exactly when ``offset`` lies inside a sentence
    (the sentence ``(k - 1) // 2``)."""
    out: list[int] = []
    append = out.append
    start = 0
    n = len(text)
    # the text's end closes the last sentence like a break would
    for at, end, nxt in itertools.chain(_breaks(text), ((n, n, n),)):
        if end < 0:  # a full stop
            if _is_abbreviation(text, start, at):
                continue
            end = -1 - end
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            append(s)
            append(e)
        start = nxt
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
