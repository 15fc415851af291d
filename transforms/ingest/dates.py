"""Publication dates: from metadata values, else from datelines in the text. Null when absent.

Only labelled date stamps ("Published: 4 March 2026", "Updated: February 22, 2026, 6:02 AM",
"date 2026-02-22") and lines that are nothing but a date ("Thursday, 12 March 2026",
"Feb 21, 2026") count: a date inside a sentence is an event or a caption, not the publication.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
MIN_YEAR, MAX_YEAR = 1990, 2100


def _month(n: int) -> str:
    return (
        rf"(?P<mon{n}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
        r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    )


_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
# Python's re forbids repeated group names: each form numbers its groups (y1, mon2, d3, ...).
_DATE_FORMS = [
    r"(?P<y1>\d{4})-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?",
    _WEEKDAY + _month(2) + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})",
    _WEEKDAY + r"(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s+" + _month(3) + r",?\s+(?P<y3>\d{4})",
    r"(?P<d4>\d{1,2})/(?P<m4>\d{1,2})/(?P<y4>\d{4})",
]
_TIME = (
    r"(?:\s*[,|•·-]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:GMT|UTC|[A-Z]{2,4}))?)?"
)
_DATE = "(?:" + "|".join(f"(?:{f})" for f in _DATE_FORMS) + ")"
_LABEL = r"(?P<label>first published|last updated|published|updated|posted|date|dated|issued)"
# Labelled stamp anywhere on a line.
_LABELLED = re.compile(rf"\b{_LABEL}\b\s*(?:on|at)?\s*[:\-–|]?\s*{_DATE}", re.IGNORECASE)
# A line that is only a date (with weekday, time, separators).
_BARE_LINE = re.compile(rf"^\s*[|•·\-–]?\s*{_DATE}{_TIME}\s*[|•·\-–]?\s*$", re.IGNORECASE)
LABEL_RANK = {
    "first published": 0,
    "published": 0,
    "posted": 1,
    "issued": 1,
    "date": 2,
    "dated": 2,
    "last updated": 3,
    "updated": 3,
}


def _groups_to_date(groups: dict[str, str | None]) -> date | None:
    g = {k.rstrip("0123456789"): v for k, v in groups.items() if v}
    try:
        year = int(g["y"])
        month = MONTHS[g["mon"].lower().rstrip(".")] if "mon" in g else int(g["m"])
        day = int(g["d"])
        found = date(year, month, day)
    except (KeyError, ValueError):
        return None
    return found if MIN_YEAR <= found.year <= MAX_YEAR else None


def _match_date(m: re.Match[str]) -> date | None:
    return _groups_to_date(m.groupdict())


def parse_date_value(value: str | None) -> date | None:
    """A metadata value: ISO date or datetime, or a written date. None if it is not one."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed.date() if MIN_YEAR <= parsed.year <= MAX_YEAR else None
    except ValueError:
        pass
    m = re.search(_DATE, value, re.IGNORECASE)
    return _match_date(m) if m else None


# Every labelled stamp contains one of these (lower-cased); "date" covers updated and dated.
LABEL_NEEDLES = ("publish", "posted", "date", "issued")


def _labelled(line: str) -> bool:
    lowered = line.lower()
    return any(n in lowered for n in LABEL_NEEDLES)


def find_text_date(text: str) -> tuple[date | None, str | None, tuple[int, int] | None]:
    """(date, method, line span) of the best dateline in the text; (None, None, None) if none.

    A "published" stamp beats an "updated" one; labelled stamps beat bare date lines; among
    equals the first in the text wins.
    """
    best: tuple[int, int, date, str, tuple[int, int]] | None = None
    pos = 0
    for line in text.split("\n"):
        span = (pos, pos + len(line))
        pos += len(line) + 1
        for rank, found, method in _line_dates(line):
            cand = (rank, span[0], found, method, span)
            best = min(best, cand) if best else cand
    if best is None:
        return None, None, None
    return best[2], best[3], best[4]


@functools.lru_cache(maxsize=16_384)  # a story's copies repeat their lines
def _line_dates(line: str) -> tuple[tuple[int, date, str], ...]:
    """(rank, date, method) of each date stamp of one line, in the order found."""
    if len(line) > 300:
        return ()
    out = []
    for m in _LABELLED.finditer(line) if _labelled(line) else ():
        found = _match_date(m)
        if found:
            label = " ".join(m.group("label").lower().split())
            out.append((LABEL_RANK.get(label, 2), found, f"text:{label}"))
    m2 = _BARE_LINE.match(line) if len(line) < 80 else None
    if m2:
        found = _match_date(m2)
        if found:
            out.append((4, found, "text:dateline"))
    return tuple(out)


def strip_date_stamps(line: str) -> str:
    """The line without its labelled date stamps (and their times)."""
    if not _labelled(line):
        return line.strip(" |•·-–:,")
    out = line
    for m in reversed(list(_LABELLED.finditer(line))):
        end = m.end()
        tail = re.match(_TIME, line[end:], re.IGNORECASE)
        end += tail.end() if tail else 0
        out = out[: m.start()] + out[end:]
    return out.strip(" |•·-–:,")


def is_dateline(line: str) -> bool:
    """True for a line that is only a date stamp (kept as metadata, not body)."""
    return bool(_BARE_LINE.match(line)) or (
        _labelled(line) and bool(_LABELLED.search(line)) and strip_date_stamps(line) == ""
    )
