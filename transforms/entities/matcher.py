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
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from transforms.entities.lexicon import (
    ARTICLE_PREFIXES,
    BUILDING_AFTER,
    EVENT_CUE_AFTER,
    FUNCTION_WORDS,
    LIST_CUE_BEFORE,
    LIST_CUE_OF,
    NAME_JOINERS,
    PERSON_BEFORE,
    PERSON_TITLES,
    PLACE_CUE_AFTER,
    PLACE_CUE_AFTER_LOWER,
    PLACE_CUE_BEFORE,
    PLACE_CUE_OF,
    STOPWORDS,
)
from transforms.entities.registry import CUE, GUARD, Pattern, Registry, normalise


class Hit(NamedTuple):
    start: int
    end: int
    pattern: Pattern


class Piece(NamedTuple):
    """A capitalised name span the registry's aliases did not cover."""

    start: int
    end: int
    surface: str
    titled: bool  # a person title (Mr, President, spokesman ...) right before it
    sentence_initial: bool


def _in_caps_line(text: str, start: int, end: int) -> bool:
    """True when the words around [start, end) are all capitals (a headline or a dateline)."""
    if text[end : end + 1] != "\n" and "a" <= text[end + 1 : end + 2] <= "z":
        return False  # (the usual case, settled at once: "the US military")
    left = text[max(0, start - 30) : start]
    left = left[left.rfind("\n") + 1 :]
    right = text[end : end + 30]
    nl = right.find("\n")
    if nl >= 0:
        right = right[:nl]
    around = left + right
    return around.upper() == around and around.lower() != around


def _case_ok(text: str, start: int, end: int, pat: Pattern) -> bool:
    surface = text[start:end]
    if pat.case == "any":
        return True
    if pat.case == "exact":
        if surface not in pat.forms and surface.rstrip(".") not in pat.forms_nodot:
            return False
        # "IT IS" in a capitals headline is not the group; longer acronyms (ISIS) are safe.
        return len(surface) > 3 or not _in_caps_line(text, start, end)
    return surface != surface.lower()


# (an article written apart, which the name's span leaves out, stands between: "near Al
# Hajj Husayn", whose key window starts at "Hajj"; a hyphenated one is the span's own)
_ARTICLE_LEFT = r"(?:(?:[Aa]l|[Ee]l)\s+)?"
_WORD_BEFORE = re.compile(rf"([A-Za-z-]+)[\s,]+(?:the\s+)?{_ARTICLE_LEFT}$")
_OF_BEFORE = re.compile(rf"([A-Za-z]+)\s+of\s+(?:the\s+)?{_ARTICLE_LEFT}$")
# "Ahmad Khamis, Balad Ruz district", "Salam in Diyala province", "X in southern Idleb
# countryside", "X, Syria": a container after the name (a governorate, district or country of
# the conflict).
_CONTAINER_AFTER = re.compile(
    r"(?:,|\s+in)\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?"
    r"(?:(?:[A-Z][\w'’-]*\s+){1,3}(?:[Pp]rovince|[Gg]overnorate|"
    r"[Dd]istrict|[Ss]ub-?district|countryside)\b|(?:(?:north|south|east|west)\w*\s+)?"
    r"(?:Syria|Iraq)\b)"
)


# A route named by its first end: "the road linking X to Y", "the highway connecting X";
# "the X - Y axis", "the X-Y road".
_ROUTE_BEFORE = re.compile(
    r"\b(?:road|highway|route|axis)\s+(?:linking|connecting)\s+(?:the\s+)?$", re.IGNORECASE
)
_ROUTE_AFTER = re.compile(
    r"\s*[-–—]\s*[A-Z][\w'’]*(?:\s+[A-Za-z][\w'’]*){0,3}\s+(?:axis|road|highway|front|frontline)\b"
)


def place_cued(
    text: str, start: int, end: int, area_after: Callable[[str, int], bool] | None = None
) -> bool:
    """``_place_cued``, or the name one of a list of names ("A, B and C") whose last is cued
    after it ("A, B and C in the Hama countryside", "A and B (Idleb)") or whose first follows
    a verb or plural that cues them all ("shelled A, B and C", "the villages of A and B"):
    a list shares its cue, its first name too ("pounded A and B": A as well as B)."""
    if _place_cued(text, start, end, area_after):
        return True
    last = _list_last(text, end)
    if last is not None and _place_cued(text, *last, area_after):
        return True
    first = list_first(text, start)
    if first is None:
        if last is None:
            return False
        first = start  # the list's first name
    before = text[max(0, first - 40) : first]
    m = _OF_BEFORE.search(before)
    if m is not None and m.group(1).lower() in LIST_CUE_OF:
        return True
    m = _WORD_BEFORE.search(before)
    return m is not None and m.group(1).lower() in LIST_CUE_BEFORE


# One name of a list, and what joins it to the one before ("A, B and C", "A, B, and C").
_ARTICLES = r"(?:al|el|an|ar|as|ash|at|ad|az)"
_LIST_NAME = (
    rf"(?:{_ARTICLES}[- ])?[A-Z][\w'’`]*(?:[- ](?:(?:{_ARTICLES}|um|umm|abu|ibn|bani)[- ])?"
    r"[A-Z][\w'’`]*){0,3}"
)
_LIST_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_LIST_NEXT = re.compile(_LIST_JOIN + f"({_LIST_NAME})")
_LIST_PREV = re.compile(rf"(?<![\w'’`-])({_LIST_NAME}){_LIST_JOIN}$")  # (not "ar" in "near")
_LIST_MAX = 8


def _list_last(text: str, end: int) -> tuple[int, int] | None:
    """The span of the last name of the list going on after ``end``, None when none does."""
    last = None
    for _ in range(_LIST_MAX):
        m = _LIST_NEXT.match(text, end)
        if m is None:
            break
        last, end = m.span(1), m.end(1)
    return last


def list_first(text: str, start: int) -> int | None:
    """Where the first name of the list ending at ``start`` starts, None when no list does."""
    first = None
    for _ in range(_LIST_MAX):
        m = _LIST_PREV.search(text, max(0, start - 60), start)
        if m is None:
            break
        first = start = m.start(1)
    return first


def _place_cued(
    text: str, start: int, end: int, area_after: Callable[[str, int], bool] | None = None
) -> bool:
    """A place cue around ``text[start:end]``: a cue word right before it ("in", "near", "the
    village of", "40 km east of"), one right after it ("village", "area"), or a container
    after it (", Y province", " in Y district", or " in Y" with Y an area ``area_after``
    knows: ``Registry.area_after``). Never when it owns something ("Salam's") or names a
    building ("the Imam Ali shrine": ``BUILDING_AFTER``)."""
    if text.startswith(("'s", "’s"), end):
        return False
    after = text[end : end + 60]
    said = after.split(None, 1)[0].strip(".,;:") if after.strip() else ""
    word = said.lower()
    if word in BUILDING_AFTER:  # "at the Imam Ali shrine": the shrine's name
        return False
    before = text[max(0, start - 40) : start]
    m = _OF_BEFORE.search(before)
    if m is not None and m.group(1).lower() in PLACE_CUE_OF:
        return True
    m = _WORD_BEFORE.search(before)
    if m is not None and m.group(1).lower() in PLACE_CUE_BEFORE:
        return True
    if word in PLACE_CUE_AFTER or _CONTAINER_AFTER.match(after) is not None:
        return True
    if said in PLACE_CUE_AFTER_LOWER:  # "the Btar front" (not "the Levant Front")
        return True
    if _ROUTE_BEFORE.search(before) is not None or _ROUTE_AFTER.match(after) is not None:
        return True  # "the road linking X to Y", "the X - Y axis"
    if word in EVENT_CUE_AFTER and _SEVERAL_WORDS.search(text, start, end) is not None:
        return True
    if area_after is None or not area_after(text, end):
        return False
    # "in Hama" alone after the name: a place's holder, but not after a person's cue
    tail = [w.strip(".,;:") for w in before.lower().split()[-2:]]
    return not tail or (tail[-1] not in PERSON_BEFORE and " ".join(tail) not in PERSON_BEFORE)


# A name of several words: a space or hyphen between two letters.
_SEVERAL_WORDS = re.compile(r"[^\W\d_][ -][^\W\d_]")
_FIRST = itemgetter(0)
_WIDE = 1 << 20  # longer than any alias


def known_hits(
    text: str,
    norm: str,
    registry: Registry,
    guard_words: list[int] | None = None,
    muted: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int, Pattern]]:
    """Non-overlapping registry alias hits in ``text`` (``norm = normalise(text)``), in order,
    as plain (start, end, pattern) tuples (the fields of ``Hit``: cheaper to build). The
    starts of guarded-name words (``Registry.guards_flagged``) go to ``guard_words``; the
    spans of minor places' names found without a place cue (no hits) go to ``muted``.

    Overlaps go to the leftmost, then the longest hit (then the first found). The automaton
    reports hits by end, so the selection is kept as a stack: a hit that overlaps the kept
    ones either loses to the first of them it overlaps (which starts before it, or at the same
    place and is as long) or replaces it and everything kept after it (all inside the new
    hit, as none ends after it). That holds while ends never decrease; a stop kept after a
    dotted acronym ("U.S.") can break it, and then ``_select_sorted`` decides instead.
    """
    kept: list[tuple[int, int, Pattern]] = []
    keep = kept.append
    last_end = -1  # end of the last kept hit
    top = -1  # the largest end reported so far
    leads = False  # a kept hit may take a leading article ("Er-Raqqa")
    n = len(text)
    for end_pad, (size, case, dotted, pat) in registry.automaton.iter(f" {norm} "):
        end = end_pad - 1  # padded pattern " alias " ends at end_pad
        start = end - size
        if dotted and end < n and text[end] == ".":
            end += 1  # "U.S." keeps its final stop
        if case == "cap":
            if not "A" <= text[start] <= "Z":  # (an ASCII capital first: no need to look on)
                surface = text[start:end]
                if surface == surface.lower() and not _town_in_lower_case(
                    text, start, pat, registry
                ):
                    continue
                if surface.startswith(_ENGLISH_ARTICLES):
                    continue
        elif case == "exact":  # _acronym_ok, inlined: a third of the hits are acronyms
            surface = text[start:end]
            if surface not in pat.forms and surface.rstrip(".") not in pat.forms_nodot:
                continue
            if len(surface) <= 3 and _in_caps_line(text, start, end):
                continue
        elif case is GUARD:
            if guard_words is not None:
                guard_words.append(start)
            continue
        elif case == CUE and not _cue_ok(text, start, end, muted, registry):
            continue
        if end < top:
            if guard_words is not None:
                guard_words.clear()
            if muted is not None:
                muted.clear()
            return _select_sorted(text, norm, registry, guard_words, muted)
        top = end
        if start >= last_end:
            keep((start, end, pat))
            last_end = end
            if start > 2 and text[start - 1] in "-‑":
                leads = True
            continue
        i = len(kept) - 1  # the first kept hit this one overlaps
        while i and kept[i - 1][1] > start:
            i -= 1
        first = kept[i]
        if start < first[0] or (start == first[0] and end > first[1]):
            del kept[i:]
            keep((start, end, pat))
            last_end = end
            if start > 2 and text[start - 1] in "-‑":
                leads = True
    return _with_leads(text, kept) if leads else kept


# English words spelled as an Arabic article, in lower case and apart from the name ("fired at
# Tall Tamr", "as Sukhnah fell"): the English word, not a name's article ("At Tall", a town
# near Damascus, is no hit there; "Tall Tamr" is).
_ENGLISH_ARTICLES = ("at ", "as ", "an ")


# "the Syrian town of manbij": a known town's name written in lower case counts right after
# these words (never a minor village's: "the village of salam" is no place).
_TOWN_WORDS_BEFORE = ("town of ", "city of ")


def _town_in_lower_case(text: str, start: int, pat: Pattern, registry: Registry) -> bool:
    """Whether a lower-case alias names a known town, right after "town of" / "city of"."""
    if not text.endswith(_TOWN_WORDS_BEFORE, 0, start):
        return False
    places = registry.places
    return any(
        kind == "place" and not places[i].cue and places[i].precision == "town"
        for kind, i in pat.targets
    )


def _acronym_ok(text: str, start: int, end: int, pat: Pattern) -> bool:
    """The case test of an acronym alias (``case == 'exact'``)."""
    surface = text[start:end]
    if surface not in pat.forms and surface.rstrip(".") not in pat.forms_nodot:
        return False
    # "IT IS" in a capitals headline is not the group; longer acronyms (ISIS) are safe.
    return len(surface) > 3 or not _in_caps_line(text, start, end)


def _with_leads(text: str, kept: list[tuple[int, int, Pattern]]) -> list:
    """``kept`` with a leading article joined to its hit ("Er-Raqqa", "Al-Hassakeh") where it
    does not reach into the hit before."""
    out = []
    last_end = -1
    for start, end, pat in kept:
        if start > 2 and text[start - 1] in "-‑":
            lead = _LEAD_ARTICLE.search(text, max(0, start - 5), start)
            if lead is not None and lead.start(1) >= last_end:
                start = lead.start(1)
        out.append((start, end, pat))
        last_end = end
    return out


def _cue_ok(
    text: str, start: int, end: int, muted: list[tuple[int, int]] | None, registry: Registry
) -> bool:
    """A minor place's name counts capitalised and with a place cue; a capitalised name
    without one is muted (its span goes to ``muted``)."""
    surface = text[start:end]
    if surface == surface.lower():
        return False
    if not place_cued(text, start, end, registry.area_after):
        if muted is not None:
            muted.append((start, end))
        return False
    return True


def _select_sorted(
    text: str,
    norm: str,
    registry: Registry,
    guard_words: list[int] | None = None,
    muted: list[tuple[int, int]] | None = None,
) -> list:
    """``known_hits`` by sorting every hit (by start, the longest first, then the first
    found): the general case, for the rare texts whose hits do not come in order of end."""
    # (order key, start, end, pattern); the key sorts by start, then the longest first, as
    # one int (no alias is _WIDE long); the sort is stable
    found: list[tuple[int, int, int, Pattern]] = []
    n = len(text)
    for end_pad, (size, case, dotted, pat) in registry.automaton.iter(f" {norm} "):
        start = end_pad - size - 1
        end = start + size
        if dotted and end < n and text[end] == ".":
            end += 1
        if case == "cap":
            surface = text[start:end]
            if surface == surface.lower() and not _town_in_lower_case(text, start, pat, registry):
                continue
            if surface.startswith(_ENGLISH_ARTICLES):
                continue
        elif case == "exact" and not _acronym_ok(text, start, end, pat):
            continue
        elif case is GUARD:
            if guard_words is not None:
                guard_words.append(start)
            continue
        elif case == CUE and not _cue_ok(text, start, end, muted, registry):
            continue
        found.append((start * _WIDE + start - end, start, end, pat))
    found.sort(key=_FIRST)
    kept = []
    last_end = -1
    for _order, start, end, pat in found:
        if start >= last_end:
            last_end = end
            kept.append((start, end, pat))
    return _with_leads(text, kept)


# Capitals and word characters, Latin scripts with diacritics included ("Dayr Ḩāfir", "Aşāfīr")
# and the ayn/hamza marks of romanised Arabic ("Ḩamāʼ", "‘Ayn").
_CAP = "A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ‘ʿʾ"
_WORDCH = "A-Za-z0-9À-ɏḀ-ỿʰ-˿\u0300-\u036f'’‘`‑-"  # with combining marks ("az̧ Z̧uhūr")
_CAPWORD = rf"[{_CAP}][{_WORDCH}]*"
# The joiners al el ad adh an ar as ash at ath az ed en er es et ez bin ibn bint abu abd of and
# (and the French-style ach, ech, esh: "Hamidiyat ach Chedad", "Tell ech Cheikh"),
# by first letter (the engine then tries one branch per letter, not 24 in turn); the order of
# branches cannot matter: one is followed by a space or tab, at most one can match.
_JOIN = r"(?:a(?:ch|dh?|bu|bd|nd|[lnrz]|sh?|th?)|e(?:ch|sh|[ldnrstz])|bint?|ibn|of)[\u0300-\u036f]*"
# A run starts on a capital (a character-class start lets the regex engine skip ahead fast);
# later words may carry a lower-case article ("Abu Hudhayfa al-Ansari").
# (No optional prefix before the first capital: it would stop the engine skipping ahead.)
# Possessive quantifiers (*+, ++) match the same spans (a word never ends in a space, nothing
# follows the last word) and spare the engine its backtracking.
_CAPWORD_P = rf"[{_CAP}][{_WORDCH}]*+"
# A later word may open with an ayn or hamza mark, ASCII or not ("Hatim 'Abd 'Ali",
# "Sidi `Ali"): romanised Arabic writes the letter so, and the name goes on.
_AYN = "['`’]?"
_RUN = re.compile(
    rf"{_CAPWORD_P}(?:[ \t]++(?:{_JOIN}[ \t]+)?(?:[a-z]{{2,3}}[-‑])?{_AYN}{_CAPWORD_P})*+"
)
_ORDINAL = re.compile(r"(?:^|(?<=\s))\d+(?:st|nd|rd|th)[ \t]+$")  # "42nd Division"
_LEAD_ARTICLE = re.compile(rf"(?:^|[^\w'’-])((?i:{ARTICLE_PREFIXES})[-‑])$")
_POSS = re.compile(r"['’]s$")
# What may precede a sentence's (or a heading's, a menu item's) first word.
_SENT_END = re.compile(r"(?:^|[.!?:;\n\"“”>|•]\s*|\n\s*)$")


def _trim_words(
    run: str, drop: frozenset[str], possessive_tail: bool
) -> tuple[int, int, bool] | None:
    """(start, end, titled) of the name inside a capitalised run, relative to it, or None.

    Leading and trailing words in ``drop``, titles and joiners go ("The Syrian President" ->
    "Syrian President"); ``possessive_tail`` strips a possessive before testing the last word.
    """
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", run)]
    titled = False
    while words:
        low = _POSS.sub("", run[words[0][0] : words[0][1]]).lower().strip(".,")
        if low in PERSON_TITLES:
            titled = True
        if low in _KEEP_ARTICLES and len(words) > 1:
            break  # "Al Shara", "El Hol": the article belongs to the name
        if low in drop or low in PERSON_TITLES or low in _LEAD_JOINERS:
            words.pop(0)
            continue
        break
    while words:
        last = run[words[-1][0] : words[-1][1]]
        low = (_POSS.sub("", last) if possessive_tail else last).lower().strip(".,")
        if low in drop or low in NAME_JOINERS or low in PERSON_TITLES:
            words.pop()
            continue
        break
    if not words:
        return None
    st, en = words[0][0], words[-1][1]
    while en > st and run[en - 1] in ".,’'-":
        en -= 1
    poss = _POSS.search(run[st:en])
    if poss:
        en -= len(poss.group(0))
    surf = run[st:en]
    if en - st < 2 or surf == surf.lower():
        return None
    return st, en, titled


# Both are cached by the run's string: the same runs ("The", "Syrian President") recur in every
# document, so trimming is paid once per distinct run.
@lru_cache(maxsize=100_000)
def _trim(run: str) -> tuple[int, int, bool] | None:
    """The name inside a run: stopwords, titles and joiners trimmed at both ends."""
    return _trim_words(run, STOPWORDS, possessive_tail=False)


@lru_cache(maxsize=100_000)
def _trim_light(run: str) -> tuple[int, int, bool] | None:
    """Like ``_trim`` but only function words and titles go: "Syrian Democratic Force" stays."""
    return _trim_words(run, FUNCTION_WORDS, possessive_tail=True)


# Joiners a name does not start with ("of Mayadin"); "Al Shara", "Abu Bakr" keep theirs.
_LEAD_JOINERS = frozenset({"of", "de", "la", "du"})
_KEEP_ARTICLES = frozenset({"al", "el"})


_SPAN = re.Match.span
# A later word of a run opening with a mark: an ayn ("'Abd") or a quotation ("'We will")
# (the pattern starts on the rare mark, not on the space before it: the scan skips ahead)
_MARKED_WORD = re.compile(r"['`’](?<=[ \t].)([A-Za-z]+)")


# A closing quotation mark: after a letter or a stop, before a space, a stop or the end.
_CLOSING = re.compile(r"[\w.,!?]['’](?=[\s.,;:!?]|$)")


def _before_quotation(text: str, start: int, end: int) -> int:
    """The run's end, cut before a quotation after a name ("Reuters 'We will go on'"): a
    word opening with a mark, a common word, and a closing mark later on its line. An ayn
    opens a word of a name ("Hatim 'Abd 'Ali", "Mala 'Arab town") and closes nothing."""
    for m in _MARKED_WORD.finditer(text, start, end):
        if m.group(1).lower() in STOPWORDS:
            line_end = text.find("\n", m.end())
            if _CLOSING.search(text, m.end(), len(text) if line_end < 0 else line_end):
                return m.start() - 1  # (before the space before the mark)
    return end


def name_runs(text: str, hit_ends: dict[int, int] | None = None) -> list[tuple[int, int]]:
    """Spans of capitalised word runs ("Syrian President Ahmad Al Shara", "al-Shaddadi").

    ``hit_ends`` (start -> end of each known hit): runs that start where a hit starts and end
    within it are left out, as that hit says all there is ("ISIS", "Syria").
    """
    runs: list[tuple[int, int]] = []
    add = runs.append
    # the starts of words opening with a mark, found once a text (most have none)
    marks = [m.start() for m in _MARKED_WORD.finditer(text)]
    for m_start, m_end in map(_SPAN, _RUN.finditer(text)):
        if m_start:
            before = text[m_start - 1]
            if before != " ":  # (most runs follow a space: none of these tests apply)
                if before.isalnum() or before in "'’":
                    continue  # a capital inside a word ("iPhone", "McCain"'s second half)
                if before in "-‑":
                    lead = _LEAD_ARTICLE.search(text, max(0, m_start - 5), m_start)
                    if lead is None:
                        continue
                    m_start = lead.start(1)  # "al-Shaddadi" keeps its article
                    before = ""
            if (
                before
                and m_start > 3
                and text[m_start - 2] in "tdh"
                and text[m_start - 4].isdigit()
            ):
                ordinal = _ORDINAL.search(text, max(0, m_start - 9), m_start)
                if ordinal is not None:
                    m_start = ordinal.start()
        if marks and (k := bisect_left(marks, m_start)) < len(marks) and marks[k] < m_end:
            m_end = _before_quotation(text, m_start, m_end)
        parts = (
            [(m_start, m_end)]
            if text.find("s ", m_start, m_end) < 0
            else _possessives_apart(text, m_start, m_end)
        )
        for a, b in parts:
            if hit_ends is not None and hit_ends.get(a, -1) >= b:
                continue
            if b - a <= 12 and text[a:b].lower() in FUNCTION_WORDS:
                continue  # "The", "But", "According": a capitalised function word alone
            add((a, b))
    return runs


# A possessive inside a run ends a name: "Fallouja's Nazzal district" is Fallouja's, then
# Nazzal (not "Ra's al-Ayn": two letters before the mark are a word of the name).
_INNER_POSSESSIVE = re.compile(r"(?<=[A-Za-z]{3})['’]s(?=[ \t])")


def _possessives_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The run ``[start, end)`` cut after each possessive inside it."""
    out = []
    for m in _INNER_POSSESSIVE.finditer(text, start, end):
        out.append((start, m.end()))
        start = m.end() + 1
    out.append((start, end))
    return out


def name_pieces(
    text: str, covered: list[tuple[int, int]], runs: list[tuple[int, int]] | None = None
) -> list[Piece]:
    """Capitalised name spans outside ``covered`` (sorted spans), trimmed of titles, demonyms
    and common words at their ends (the discovery candidates).

    ``runs``: ``name_runs(text)`` when the caller has it, less any runs that lie inside one
    covered span, if it likes. A run's pieces are the run less the union of ``covered``, as the
    runs start in increasing order (every span the cursor has passed ends before the run):
    a run inside a covered span has none, and leaving it out changes no other run's.
    """
    pieces: list[Piece] = []
    ci = 0
    n_cov = len(covered)
    for m_start, m_end in name_runs(text) if runs is None else runs:
        while ci < n_cov and covered[ci][1] <= m_start:
            ci += 1
        if ci < n_cov and covered[ci][0] <= m_start and covered[ci][1] >= m_end:
            continue  # (the common case: one covered span holds the run, no piece is left)
        if ci < n_cov and covered[ci][0] < m_end:
            # cut the run around covered spans: each uncovered stretch is its own piece
            segs = []
            s = m_start
            j = ci
            while j < n_cov and covered[j][0] < m_end:
                if covered[j][0] > s:
                    segs.append((s, covered[j][0]))
                s = max(s, covered[j][1])
                j += 1
            if s < m_end:
                segs.append((s, m_end))
        else:
            segs = [(m_start, m_end)]
        for a, b in segs:
            piece = make_piece(text, a, b, _trim)
            if piece is not None:
                pieces.append(piece)
    return pieces


def make_piece(text: str, a: int, b: int, trim=None, context: bool = True) -> Piece | None:
    """The name inside text[a:b] after ``trim`` (default: function words and titles only).

    ``context=False`` skips the title and sentence-start look-behind (``titled`` then only
    says whether a title was trimmed from the stretch itself; ``sentence_initial`` is False).
    """
    trimmed = (trim or _trim_light)(text[a:b])
    if trimmed is None:
        return None
    st, en, titled = a + trimmed[0], a + trimmed[1], trimmed[2]
    if not context:
        return Piece(st, en, text[st:en], titled, False)
    if not titled:
        before = text[max(0, st - 25) : st].split()
        titled = bool(before) and before[-1].lower().strip(".,") in PERSON_TITLES
    initial = bool(_SENT_END.search(text[max(0, st - 3) : st]))
    return Piece(st, en, text[st:en], titled, initial)


__all__ = ["Hit", "Piece", "known_hits", "make_piece", "name_pieces", "name_runs", "normalise"]
