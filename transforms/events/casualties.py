"""Killed and wounded counts in a clause, as (low, best, high) ranges.

Contract: ``count_casualties(clause)`` returns ``Casualties(killed, wounded)``, each a
``(low, best, high)`` tuple or None when the clause states nothing; ``high`` None is unbounded.

Rules (general wording, no list of sentences):
- Victims are the noun phrase before a passive casualty verb ("a soldier and a civilian were
  killed") or after an active one ("killed three Americans", "killing a member of ... and
  wounding another"); conjuncts are summed, each counted by its leading quantity: numerals,
  number words, "a"/"an"/"another" = 1, qualifiers ("at least 3" = 3 or more, "more than 3" =
  4 or more, "up to 3" = 0 to 3), vague words by ACLED's rules (``rules.VAGUE_QUANTITIES``),
  a bare singular noun = 1, a bare plural = 2 or more.
- Attackers are not victims: a conjunct headed by "gunmen", "attackers", "militants" ... is
  left out.
- A clause with several statements of one kind keeps the largest (the statements usually
  restate one toll; summing would double count).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from transforms.events import rules
from transforms.events.rules import (
    ATTACKER_NOUNS,
    KILLED,
    NUMBER_WORDS,
    VAGUE_QUANTITIES,
    WOUNDED,
)

Range = tuple[int, int | None, int | None]


class Casualties(NamedTuple):
    killed: Range | None
    wounded: Range | None


_AUX = r"(?:(?:was|were|are|is|been|have\s+been|has\s+been|had\s+been|got)\s+)"
_ADV = (
    r"(?:(?:reportedly|also|all|both|later|allegedly|subsequently|critically|seriously|"
    r"badly|slightly|fatally)\s+)*"
)
# Passive: NP + aux + casualty verb. The NP is taken back to a clause boundary.
_PASSIVE = re.compile(rf"\b{_AUX}{_ADV}(?P<verb>{KILLED}|{WOUNDED})\b", re.IGNORECASE)
# Elliptic second passive: "... were killed and others wounded".
_ELLIPTIC = re.compile(
    rf"\band\s+(?P<np>(?:\w+\s+){{0,3}}?\w+)\s+(?P<verb>{WOUNDED}|{KILLED})\b", re.IGNORECASE
)
# Active: casualty verb + NP, or "leaving NP dead".
_ACTIVE = re.compile(
    r"\b(?P<verb>kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|"
    r"shot\s+dead|shooting\s+dead)\s+(?=(?P<np>[^.;:]{1,140}))",
    re.IGNORECASE,
)
_LEAVING = re.compile(
    rf"\b(?:leaving|left|leaves|leave)\s+(?P<np>(?:[\w'’-]+\s+){{1,10}}?)(?P<verb>dead|{WOUNDED})\b",
    re.IGNORECASE,
)
# Where a noun phrase stops (going forward after an active verb).
_NP_STOP = re.compile(
    r"\s+(?:and\s+(?:at|in|on|by)|in|on|at(?!\s+least)|near|during|when|while|after|before|by|with|as|since|who|which|"
    r"and\s+(?:wound|injur|kill|left|leav)\w*|on|outside|inside|amid|following)\b|[,\"“”(]",
    re.IGNORECASE,
)
# Where a noun phrase starts (going backward from a passive verb).
_NP_START = re.compile(
    r"(?:^|[,;:\"“”(]|\b(?:that|said|says|saying|where|when|after|while|confirmed|"
    r"reported|stated|stating|and\s+that)\b)\s*",
    re.IGNORECASE,
)
# Characters before a passive verb scanned first for where its noun phrase starts.
_NP_WINDOW = 64
_CONJ = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+plus\s+", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"^(?:(?P<q>at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to|"
    r"as\s+many\s+as)\s+)?(?P<n>\d[\d,]*|[a-z]+(?:\s+(?:few|dozen))?)\b",
    re.IGNORECASE,
)
# Compiled once (the module-level re cache lookup per call shows in a profile).
_VICTIM_HEADS = re.compile(
    r"\b(?:civilians?|soldiers?|members?|personnel|officers?)\b", re.IGNORECASE
)
_LETTERS = re.compile(r"[a-z]+")
_KILLED_VERB = re.compile(rf"(?i){KILLED}|kill|shot|shooting|dead")
# Lower-case substrings one of which every match of the pattern holds: a pattern is scanned
# only where one occurs (most casualty clauses lack "leaving", many an active verb).
_PASSIVE_VERB_STEMS = (
    "killed",
    "dead",
    "died",
    "slain",
    "executed",
    "beheaded",
    "lives",
    "wounded",
    "injured",
    "hurt",
    "maimed",
)
_PASSIVE_AUX_STEMS = ("was", "were", "are", "is", "been", "got")
_ELLIPTIC_STEMS = ("and",)
_LEAVING_STEMS = ("leav", "left")
_ACTIVE_STEMS = ("kill", "wound", "injur", "dead")
_PRONOUN_ONE = frozenset(["him", "her"])
_REFLEXIVE = frozenset(["himself", "herself", "themselves", "itself"])
_SKIP_HEAD = frozenset(
    [
        "the",
        "his",
        "her",
        "their",
        "its",
        "who",
        "which",
        "that",
        "it",
        "them",
        "they",
        "this",
        "these",
        "those",
        "himself",
        "in",
        "on",
    ]
)


def _conjunct_range(conj: str) -> Range | None:
    conj = conj.strip().strip("\"“”'")
    if not conj or ATTACKER_NOUNS.search(conj) and not _VICTIM_HEADS.search(conj):
        return None
    low_conj = conj.lower()
    first = low_conj.split()[0]
    if first in _PRONOUN_ONE:
        return (1, 1, 1)
    if first in _REFLEXIVE:  # "the bomber killed himself": the attacker
        return None
    m = _QUALIFIER.match(low_conj)
    q = (m.group("q") or "").lower() if m else ""
    tok = m.group("n").lower() if m else ""
    n: int | None = None
    if tok.replace(",", "").isdigit():
        n = int(tok.replace(",", ""))
    elif tok in NUMBER_WORDS:
        n = NUMBER_WORDS[tok]
    elif tok in VAGUE_QUANTITIES:
        return VAGUE_QUANTITIES[tok]
    elif tok.split()[0] in VAGUE_QUANTITIES if tok else False:
        return VAGUE_QUANTITIES[tok.split()[0]]
    if n is None:
        if q == "some":
            return VAGUE_QUANTITIES["some"]
        if first in {"them", "they", "who", "which", "it"}:
            return None
        words = _LETTERS.findall(low_conj)
        if not words:
            return None
        # The head of a phrase without a quantity: "of" starts a complement ("members of X").
        head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
        if head in _SKIP_HEAD:
            return None
        return (2, 2, None) if head.endswith("s") and not head.endswith("ss") else (1, 1, 1)
    if q in ("at least", "more than", "over"):
        lo = n + 1 if q in ("more than", "over") else n
        return (lo, lo, None)
    if q in ("about", "around", "nearly", "almost"):
        return (max(n - 1, 0) if q in ("nearly", "almost") else n, n, n)
    if q in ("up to", "as many as"):
        return (0, n, n)
    return (n, n, n)


def _np_range(np: str) -> Range | None:
    total_low, total_best, total_high = 0, 0, 0
    seen = False
    best_known, high_known = True, True
    for conj in _CONJ.split(np):
        r = _conjunct_range(conj)
        if r is None:
            continue
        seen = True
        total_low += r[0]
        if r[1] is None:
            best_known = False
        else:
            total_best += r[1]
        if r[2] is None:
            high_known = False
        else:
            total_high += r[2]
    if not seen:
        return None
    return (total_low, total_best if best_known else None, total_high if high_known else None)


def _larger(a: Range | None, b: Range | None) -> Range | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if (a[1] or a[0]) >= (b[1] or b[0]) else b


def _np_start(before: str, window: int = _NP_WINDOW) -> int:
    """Where the noun phrase before a passive verb starts: the end of the last _NP_START match
    in ``before`` (0 when none). The last match of a scan ends where the rightmost possible
    match does (a match can only start inside another as "that" in "and that", ending with it),
    so scanning the tail finds it whenever the tail holds one."""
    end = -1
    if len(before) > window:
        for m in _NP_START.finditer(before, len(before) - window):
            end = m.end()
        if end >= 0:
            return end
    for m in _NP_START.finditer(before):
        end = m.end()
    return max(end, 0)


def _kind(verb: str) -> str:
    return "killed" if _KILLED_VERB.match(verb) else "wounded"


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)  # repeated clauses; the result is immutable
def count_casualties(clause: str) -> Casualties:
    """Killed and wounded stated in one clause (see the module docstring for the rules)."""
    low = clause.lower()
    if not rules.hit(rules.CASUALTY_STEMS, low):
        return Casualties(None, None)
    found: dict[str, Range | None] = {"killed": None, "wounded": None}
    passive = rules.hit(_PASSIVE_VERB_STEMS, low) and rules.hit(_PASSIVE_AUX_STEMS, low)
    for m in _PASSIVE.finditer(clause) if passive else ():
        before = clause[: m.start()]
        np = before[_np_start(before) :]
        words = np.split()
        if 0 < len(words) <= 14:
            k = _kind(m.group("verb"))
            found[k] = _larger(found[k], _np_range(np))
    for pat, stems in ((_ELLIPTIC, _ELLIPTIC_STEMS), (_LEAVING, _LEAVING_STEMS)):
        if not rules.hit(stems, low):
            continue
        for m in pat.finditer(clause):
            k = _kind(m.group("verb"))
            if found[k] is None:
                found[k] = _np_range(m.group("np"))
    for m in _ACTIVE.finditer(clause) if rules.hit(_ACTIVE_STEMS, low) else ():
        if m.group("np").lower().startswith("and "):
            continue  # "were killed and three others wounded": the elliptic rule's case
        np = " " + m.group("np")
        stop = _NP_STOP.search(np)
        np = np[: stop.start()] if stop else np
        if np.split() and len(np.split()) <= 12:
            k = _kind(m.group("verb"))
            found[k] = _larger(found[k], _np_range(np))
    return Casualties(found["killed"], found["wounded"])
