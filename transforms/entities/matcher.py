"""Span finding: known aliases by one Aho-Corasick pass, unknown proper names by one regex.

``known_hits`` scans the normalised text (``registry.normalise``: lower case, punctuation as
spaces, same length) with the registry's automaton, whose patterns are padded with spaces, so
a hit always sits on word boundaries. Case rules then apply on the original text: an acronym
("IS", "US", "SDF") must match exactly and not inside an all-capitals line; an alias written
with capitals needs a capital in the text ("is" the verb never becomes the group). Overlaps go
to the leftmost, then longest hit.

``name_pieces`` finds capitalised word runs ("Syrian President Ahmad Al Shara") outside the
known hits, trims titles, demonyms and common words from their ends, and returns what is left
("Ahmad Al Shara") with its context cues, for key/fuzzy resolution and discovery.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.entities.lexicon import NAME_JOINERS, PERSON_TITLES, STOPWORDS
from transforms.entities.registry import Pattern, Registry, normalise


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    pattern: Pattern


@dataclass(frozen=True)
class Piece:
    """A capitalised name span the registry's aliases did not cover."""

    start: int
    end: int
    surface: str
    titled: bool  # a person title (Mr, President, spokesman ...) right before it
    sentence_initial: bool


_ALLCAPS_WORD = re.compile(r"[A-Z]{2,}")
_WORD = re.compile(r"[\w'’.-]+")


def _in_caps_line(text: str, start: int, end: int) -> bool:
    """True when the words around [start, end) are all capitals (a headline or a dateline)."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    around = _WORD.findall(text[max(left, start - 30) : start]) + _WORD.findall(
        text[end : min(right, end + 30)]
    )
    words = [w for w in around if any(c.isalpha() for c in w)]
    return bool(words) and all(not any(c.islower() for c in w) for w in words)


def _case_ok(text: str, start: int, end: int, pat: Pattern) -> bool:
    surface = text[start:end]
    if pat.case == "any":
        return True
    if pat.case == "exact":
        if surface not in pat.forms and surface.rstrip(".") not in {
            f.rstrip(".") for f in pat.forms
        }:
            return False
        # "IT IS" in a capitals headline is not the group; longer acronyms (ISIS) are safe.
        return len(surface) > 3 or not _in_caps_line(text, start, end)
    return any(c.isupper() for c in surface)


def known_hits(text: str, norm: str, registry: Registry) -> list[Hit]:
    """Non-overlapping registry alias hits in ``text`` (``norm = normalise(text)``), in order."""
    found: list[Hit] = []
    for end_pad, alias in registry.automaton.iter(f" {norm} "):
        start = end_pad - len(alias) - 1  # padded pattern " alias " ends at end_pad
        end = start + len(alias)
        pat = registry.patterns[alias]
        if end < len(text) and text[end] == "." and any(f.endswith(".") for f in pat.forms):
            end += 1  # "U.S." keeps its final stop
        if _case_ok(text, start, end, pat):
            found.append(Hit(start, end, pat))
    found.sort(key=lambda h: (h.start, h.start - h.end))
    out: list[Hit] = []
    last_end = -1
    for h in found:
        if h.start >= last_end:
            out.append(h)
            last_end = h.end
    return out


_ART = r"(?:(?:al|el|ad|ar|as|ash|az|ez|an|at)[-‑])"
_CAPWORD = rf"{_ART}?[A-ZÀ-ÖØ-ÞĀ-ž][\w'’‑-]*"
_JOIN = r"(?:al|el|bin|ibn|bint|abu|abd|of)"
_RUN = re.compile(rf"(?<![\w'’-])(?:{_JOIN}\s+)?{_CAPWORD}(?:\s+(?:{_JOIN}\s+)?{_CAPWORD})*")
_POSS = re.compile(r"['’]s$")
_SENT_END = re.compile(r"(?:^|[.!?:;\n\"“”]\s*|\n\s*)$")


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]


def name_pieces(text: str, covered: list[tuple[int, int]]) -> list[Piece]:
    """Capitalised name spans outside ``covered`` (sorted, non-overlapping spans), trimmed of
    titles, demonyms and common words at their ends."""
    pieces: list[Piece] = []
    ci = 0
    for m in _RUN.finditer(text):
        # cut the run around registry hits: each uncovered stretch is its own piece
        segs = []
        s = m.start()
        while ci < len(covered) and covered[ci][1] <= m.start():
            ci += 1
        j = ci
        while j < len(covered) and covered[j][0] < m.end():
            if covered[j][0] > s:
                segs.append((s, covered[j][0]))
            s = max(s, covered[j][1])
            j += 1
        if s < m.end():
            segs.append((s, m.end()))
        for a, b in segs:
            words = _words(text, a, b)
            titled = False
            while words:
                w = text[words[0][0] : words[0][1]]
                low = _POSS.sub("", w).lower().strip(".,")
                if low in PERSON_TITLES:
                    titled = True
                if low in STOPWORDS or low in PERSON_TITLES or low in NAME_JOINERS - {"abu"}:
                    words.pop(0)
                    continue
                break
            while words:
                w = text[words[-1][0] : words[-1][1]]
                low = w.lower().strip(".,")
                if low in STOPWORDS or low in NAME_JOINERS or low in PERSON_TITLES:
                    words.pop()
                    continue
                break
            if not words:
                continue
            st, en = words[0][0], words[-1][1]
            while en > st and text[en - 1] in ".,’'-":
                en -= 1
            surf = text[st:en]
            poss = _POSS.search(surf)
            if poss:
                en -= len(poss.group(0))
                surf = text[st:en]
            if en - st < 2 or not any(c.isupper() for c in surf):
                continue
            if not titled:
                before = text[max(0, st - 25) : st].split()
                titled = bool(before) and before[-1].lower().strip(".,") in PERSON_TITLES
            pieces.append(
                Piece(st, en, surf, titled, bool(_SENT_END.search(text[max(0, st - 3) : st])))
            )
    return pieces


__all__ = ["Hit", "Piece", "known_hits", "name_pieces", "normalise"]
