"""Date expressions in a sentence, resolved against the publication date (or a context date).

Contract: ``find_dates(text, published, anchor)`` returns every date expression in ``text`` as a
``DateRef`` (span, resolved date or None, precision, method, anaphoric flag), in text order.

- Explicit: "Feb 21", "February 21, 2026", "21 February 2026", "2026-02-21", "in December",
  "last November", "in 2014", "06/05/2019" (the order of day and month its numbers allow; when
  both do, the reading on or before publication, the later if both are; with no publication,
  only its year; heading a note before a colon, "08/09/2014: ...", month first, as incident
  summaries stamp it). A day or month without a year takes the most recent such day or
  month on or before publication ("in December" read in February 2026 is December 2025).
- Relative to publication: "on Saturday" (the latest Saturday on or before publication),
  "yesterday", "last week", "last month", "two days ago".
- Anaphoric, relative to ``anchor`` (the last date the article mentioned, else publication):
  "the day before", "two days earlier", "N days after ..." (the thing after which is N days
  before the anchor: its day, never the day of the attack the sentence tells, method
  ``other``), "the same month", "the next day".
- Never after the article: a date that would fall after ``published`` resolves to None.
  Without a publication date only expressions carrying their own year (or anaphora with an
  anchor) resolve; the rest come back with ``date=None`` so the caller knows a date was said.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta
from typing import NamedTuple

from transforms.events.rules import MONTH_NAMES, NUMBER_WORDS, TEXT_CACHE_SIZE

MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}

_MON = r"(" + MONTH_NAMES + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_NUM = r"(\d{1,2}|" + "|".join(k for k in NUMBER_WORDS if k not in {"a", "an"}) + r"|a|an)"
_UNIT = r"(days?|weeks?|months?)"

# (name, pattern); names drive resolution. Case-sensitive month names keep "may" the verb out.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    # "06/05/2019": day and month in either order (coders' summaries write MM/DD/YYYY, much of
    # the region's press DD/MM/YYYY); which is which is settled in _numeric.
    ("numeric", re.compile(r"(?<![\d/])\b(\d{1,2})/(\d{1,2})/(\d{4})\b(?!/\d)")),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON}\.?,?(?:\s+(\d{{4}}))?\b")),
    ("mdy", re.compile(rf"\b{_MON}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(\d{{4}}))?\b")),
    (
        "my",
        re.compile(
            rf"(?i:\b(in|last|this|early|late|mid|of|during|until|by)\s+)"
            rf"(?:-?\s*)?{_MON}(?:\s+(\d{{4}}))?\b|\b{_MON}\s+(\d{{4}})\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"(?i)\b(?:(last|on|this|past)\s+)?(monday|tuesday|wednesday|"
            r"thursday|friday|saturday|sunday)\b"
        ),
    ),
    ("ago", re.compile(rf"(?i)\b{_NUM}\s+{_UNIT}\s+ago\b")),
    ("anaphor_n", re.compile(rf"(?i)\b{_NUM}\s+{_UNIT}\s+(earlier|before|later|after|prior)\b")),
    (
        "anaphor_day",
        re.compile(
            r"(?i)\b(?:the\s+(day|night|evening)\s+before|"
            r"the\s+previous\s+(day|night|evening)|"
            r"the\s+(next|following)\s+day|the\s+same\s+(day|week|month))\b"
        ),
    ),
    (
        "rel_pub",
        re.compile(
            r"(?i)\b(yesterday|today|tonight|this\s+morning|last\s+night|"
            r"last\s+week|last\s+month|last\s+year|this\s+week|this\s+month)\b"
        ),
    ),
    ("year", re.compile(r"(?<![\d,.-])\b(19[5-9]\d|20\d\d)\b(?!-|[\d,.]\d)")),
]


class DateRef(NamedTuple):
    """One date expression: ``text[start:end]``, resolved to ``value`` at ``precision``.

    An immutable tuple of plain values (cheap to build, and memoised tuples of them stay out of
    the cyclic garbage collector's way)."""

    start: int
    end: int
    value: date | None
    precision: str  # 'day' | 'week' | 'month' | 'year'
    # 'explicit' | 'relative' | 'name' (a year naming an event: never its date) | 'other' (the
    # day of the thing "N days after" names: "came a day after X" dates X, never the attack)
    method: str
    anaphoric: bool


def _number(tok: str) -> int:
    tok = tok.lower()
    return int(tok) if tok.isdigit() else NUMBER_WORDS.get(tok, 1)


def _month_day(month: int, day: int, year: int | None, ref: date | None) -> date | None:
    """The day, or the most recent such day on or before ``ref`` when the year is missing."""
    try:
        if year is not None:
            return date(year, month, day)
        if ref is None:
            return None
        d = date(ref.year, month, day)
        return d if d <= ref else date(ref.year - 1, month, day)
    except ValueError:
        return None


def _month(month: int, year: int | None, ref: date | None, strictly_before: bool) -> date | None:
    if year is not None:
        return date(year, month, 1)
    if ref is None:
        return None
    y = ref.year
    if month > ref.month or (strictly_before and month == ref.month):
        y -= 1
    return date(y, month, 1)


def _numeric(s: int, e: int, g: tuple[str, ...], pub: date | None) -> DateRef:
    """"06/05/2019": the day its numbers allow, as day/month or month/day; of two, the one on
    or before publication (the later when both are); undecidable, the year alone."""
    first, second, year = int(g[0]), int(g[1]), int(g[2])
    readings = {
        d for d in (_day_of(year, second, first), _day_of(year, first, second)) if d is not None
    }
    if len(readings) > 1:
        readings = {d for d in readings if d <= pub} if pub is not None else set()
        if not readings:
            return DateRef(s, e, date(year, 1, 1), "year", "explicit", False)
    value = max(readings) if readings else None
    return DateRef(s, e, value, "day", "explicit", False)


def _heads_a_note(text: str, s: int, e: int) -> bool:
    """A numeric date heading the text before a colon ("08/09/2014: Assailants ..."): the stamp
    of an incident summary, written month first (the Global Terrorism Database's convention)."""
    return text.startswith(":", e) and not text[:s].strip()


def _month_first(ref: DateRef, g: tuple[str, ...], pub: date | None) -> DateRef:
    """``ref`` read month first, when that is a day (and not after ``pub``)."""
    value = _day_of(int(g[2]), int(g[0]), int(g[1]))
    if value is None or (pub is not None and value > pub):
        return ref
    return DateRef(ref.start, ref.end, value, "day", ref.method, ref.anaphoric)


def _day_of(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shift_month(d: date, months: int) -> date:
    m = d.month - 1 + months
    return date(d.year + m // 12, m % 12 + 1, 1)


# A date expression found in a text: (kind, start, end, the match's groups; "" for a group
# that did not take part, so the resolver tests each group's truth, never None).
_Found = tuple[str, int, int, tuple[str, ...]]


def _resolve(found: _Found, pub: date | None, anchor: date | None) -> DateRef:
    kind, s, e, g = found
    if kind == "iso":
        try:
            v = date(int(g[0]), int(g[1]), int(g[2]))
        except ValueError:
            v = None
        return DateRef(s, e, v, "day", "explicit", False)
    if kind == "numeric":
        return _numeric(s, e, g, pub)
    if kind in ("dmy", "mdy"):
        day, mon = (g[0], g[1]) if kind == "dmy" else (g[1], g[0])
        year = int(g[2]) if g[2] else None
        v = _month_day(MONTHS[mon.lower().rstrip(".")], int(day), year, pub or anchor)
        return DateRef(s, e, v, "day", "explicit", False)
    if kind == "my":
        if g[1]:
            mon, year_txt, last = g[1], g[2], (g[0] or "").lower() == "last"
        else:
            mon, year_txt, last = g[3], g[4], False
        v = _month(MONTHS[mon.lower()], int(year_txt) if year_txt else None, pub or anchor, last)
        return DateRef(s, e, v, "month", "explicit", False)
    if kind == "year":
        return DateRef(s, e, date(int(g[0]), 1, 1), "year", "explicit", False)
    if kind == "weekday":
        if pub is None:
            return DateRef(s, e, None, "day", "relative", False)
        back = (pub.weekday() - WEEKDAYS[g[1].lower()]) % 7
        if back == 0 and (g[0] or "").lower() == "last":
            back = 7
        return DateRef(s, e, pub - timedelta(days=back), "day", "relative", False)
    if kind == "rel_pub":
        word = " ".join(g[0].lower().split())
        if pub is None:
            return DateRef(s, e, None, "day", "relative", False)
        table = {
            "yesterday": (pub - timedelta(days=1), "day"),
            "last night": (pub - timedelta(days=1), "day"),
            "today": (pub, "day"),
            "tonight": (pub, "day"),
            "this morning": (pub, "day"),
            # week precision means the 7 days ending on the date: last week ends last Sunday
            "last week": (pub - timedelta(days=pub.weekday() + 1), "week"),
            "this week": (pub, "week"),
            "last month": (_shift_month(pub, -1), "month"),
            "this month": (pub.replace(day=1), "month"),
            "last year": (date(pub.year - 1, 1, 1), "year"),
        }
        v, prec = table[word]
        return DateRef(s, e, v, prec, "relative", False)
    if kind == "ago":
        n, unit = _number(g[0]), g[1].lower().rstrip("s")
        if pub is None:
            return DateRef(s, e, None, "day", "relative", False)
        if unit == "month":
            return DateRef(s, e, _shift_month(pub, -n), "month", "relative", False)
        days = n * (7 if unit == "week" else 1)
        return DateRef(
            s, e, pub - timedelta(days=days), "day" if unit == "day" else "week", "relative", False
        )
    base = anchor or pub
    if kind == "anaphor_n":
        n, unit, direction = _number(g[0]), g[1].lower().rstrip("s"), g[2].lower()
        # "two days earlier" / "N days before" the anchor: anchor - N. "N days after X" says X
        # was N days before the anchor; "N days later" is after the anchor.
        sign = 1 if direction == "later" else -1
        if base is None:
            return DateRef(s, e, None, "day", "relative", True)
        if unit == "month":
            return DateRef(s, e, _shift_month(base, sign * n), "month", "relative", True)
        days = n * (7 if unit == "week" else 1)
        return DateRef(
            s,
            e,
            base + timedelta(days=sign * days),
            "day" if unit == "day" else "week",
            "relative",
            True,
        )
    # anaphor_day
    if base is None:
        return DateRef(s, e, None, "day", "relative", True)
    if g[0] or g[1]:
        return DateRef(s, e, base - timedelta(days=1), "day", "relative", True)
    if g[2]:
        return DateRef(s, e, base + timedelta(days=1), "day", "relative", True)
    unit = g[3].lower()
    if unit == "month":
        return DateRef(s, e, base.replace(day=1), "month", "relative", True)
    return DateRef(s, e, base, "day" if unit == "day" else "week", "relative", True)


_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Substrings without which a pattern cannot match: a cheap test before each regex scan.
# Substrings a pattern cannot match without: every group must have one hit (a cheap test
# before each regex scan).
_UNITS = ("day", "week", "month")
_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "numeric": (("/",),),
    "dmy": (_MONTH_STEMS,),
    "mdy": (_MONTH_STEMS,),
    "my": (_MONTH_STEMS,),
    "weekday": (("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),),
    "ago": ((" ago",), _UNITS),
    "anaphor_n": (("earlier", "before", "later", "after", "prior"), _UNITS),
    "anaphor_day": (("before", "previous", "next", "following", "same"), _UNITS),
    "rel_pub": (
        (
            "yesterday",
            "today",
            "tonight",
            "morning",
            "last night",
            "last week",
            "last month",
            "last year",
            "this week",
            "this month",
        ),
    ),
    "year": (("19", "20"),),
}
_DIGIT = re.compile(r"\d")
_DIGIT_KINDS = frozenset({"iso", "numeric", "year", "dmy", "mdy"})
# The month name every "dmy", "mdy" and "my" match holds, case-sensitive as in those patterns:
# one scan instead of three when the lower-cased stems only hit "market" or "decided".
_MONTH_NAME = re.compile(_MON)
_MONTH_KINDS = frozenset({"dmy", "mdy", "my"})
# Longest word before a month name in those patterns: "during" (a day, "21st", is shorter).
_MONTH_LEAD = 6
# (kind, pattern, needs a digit, needed substring groups), in _PATTERNS order.
_GATED = [(kind, pat, kind in _DIGIT_KINDS, _NEEDS.get(kind, ())) for kind, pat in _PATTERNS]


def has_month_name(text: str) -> bool:
    """Whether ``text`` holds a month name as the day, month and full-date patterns read it."""
    return _MONTH_NAME.search(text) is not None


def find_dates(text: str, published: date | None, anchor: date | None = None) -> list[DateRef]:
    """Every date expression in ``text``, non-overlapping (longest first at a position)."""
    return list(_find_dates(text, published, anchor))


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _find_dates(text: str, published: date | None, anchor: date | None) -> tuple[DateRef, ...]:
    # Cached: wire copies and rewrites repeat sentences; DateRef is frozen, the tuple too.
    out: list[DateRef] = []
    for found in _date_matches(text):
        ref = _resolve(found, published, anchor)
        if found[0] == "numeric" and _heads_a_note(text, found[1], found[2]):
            ref = _month_first(ref, found[3], published)
        if ref.precision == "year" and _names_an_event(text, ref.start, ref.end):
            ref = ref._replace(method="name")
        elif found[0] == "anaphor_n" and found[3][2].lower() == "after":
            ref = ref._replace(method="other")
        if ref.value is not None and published is not None and ref.value > published:
            # Never after the article: a later date is a plan or a typo, not an event's day.
            ref = DateRef(ref.start, ref.end, None, ref.precision, ref.method, ref.anaphoric)
        out.append(ref)
    return tuple(out)


# A bare year is part of a name, not a date, when a capitalised name follows it with no
# preposition before it ("the 2004 Karbala bombings", "2003 Jordanian embassy bombing:") or it
# stands in brackets after a name ("Battle of Mosul (2016)").
_YEAR_NAME_AFTER = re.compile(r"\s+[A-Z]")
_YEAR_AS_DATE_BEFORE = re.compile(
    r"\b(?:in|since|of|during|until|till|by|from|to|through|before|after|early|late|mid|end|"
    r"summer|spring|autumn|fall|winter|around|between|and|or|year|years)\W*$",
    re.IGNORECASE,
)


def _names_an_event(text: str, s: int, e: int) -> bool:
    if s > 0 and e < len(text) and text[s - 1] == "(" and text[e] == ")":
        return s >= 2 and text[: s - 1].rstrip()[-1:].isalpha()
    return (
        _YEAR_NAME_AFTER.match(text, e) is not None
        and _YEAR_AS_DATE_BEFORE.search(text, max(0, s - 12), s) is None
    )


def _month_scan_from(text: str, first: int) -> int:
    """Where a "dmy", "mdy" or "my" match may start at the earliest, the first month name
    being at ``first``: before it only spaces or a dash, and a day ("21st") or a word ("during")
    of at most _MONTH_LEAD letters. (A later month's match cannot start before ``first``: no
    such word holds a month name.)"""
    k = first
    while k > 0 and (text[k - 1].isspace() or text[k - 1] == "-"):
        k -= 1
    return max(0, k - _MONTH_LEAD)


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _date_matches(text: str) -> tuple[_Found, ...]:
    """The date expressions of ``text`` (kind, match), non-overlapping, longest first at a
    position. Cached apart from resolution: a sentence repeated in articles published on other
    days is scanned once."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    low = text.lower()
    digit = _DIGIT.search(text) is not None
    month_from: int | None = None  # where month-named matches may start (-1: no month)
    for kind, pat, needs_digit, needs in _GATED:
        if needs_digit and not digit:
            continue
        # Every group of needed substrings must have one hit (before any regex scan).
        missing = False
        for group in needs:
            for n in group:
                if n in low:
                    break
            else:
                missing = True
                break
        if missing:
            continue
        pos = 0
        if kind in _MONTH_KINDS:
            if month_from is None:
                first = _MONTH_NAME.search(text)
                month_from = -1 if first is None else _month_scan_from(text, first.start())
            if month_from < 0:
                continue
            pos = month_from
        elif kind == "iso" and "-" not in text:
            continue
        for m in pat.finditer(text, pos):
            found.append((m.start(), -(m.end() - m.start()), kind, m))
    found.sort(key=lambda t: (t[0], t[1]))
    out: list[_Found] = []
    taken_end = -1
    for start, _, kind, m in found:
        if start < taken_end:
            continue
        # Plain values, not the match: the memo keeps no match objects (nor their text) alive.
        out.append((kind, start, m.end(), m.groups("")))
        taken_end = m.end()
    return tuple(out)


def latest_explicit_day(text: str) -> date | None:
    """The latest full date ("21 February 2026", "Feb 21, 2026", "2026-02-21") in ``text``: an
    undated article's stand-in for its publication day."""
    best = None
    if _DIGIT.search(text) is None:
        return None  # each of the three patterns needs digits
    first = _MONTH_NAME.search(text)
    month_from = 0 if first is None else _month_scan_from(text, first.start())
    for kind in ("iso", "dmy", "mdy"):
        if (kind == "iso" and "-" not in text) or (kind != "iso" and first is None):
            continue  # a full date needs its dashes or its month name
        pat = dict(_PATTERNS)[kind]
        for m in pat.finditer(text, 0 if kind == "iso" else month_from):
            ref = _resolve((kind, m.start(), m.end(), m.groups("")), None, None)
            if ref.value is not None and (best is None or ref.value > best):
                best = ref.value
    return best
