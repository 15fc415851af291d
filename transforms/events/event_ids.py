"""Event ids that stay as an event gains reports.

An event's id is a hash of its *first reading*: among its reports (those dated by
corroboration aside: they took the event's date), the one whose document was published first,
and on a tie the reading that sorts first. A reading is what the merge reads of a report
(``clusters.signature``: type, weapon known or not, perpetrator, place, date and its precision
and method, target, place wording); every copy of a report reads alike. So an event keeps its
id however many outlets republish its story and in whatever order their copies arrive, and a
full merge gives the ids a chain of incremental merges gives (an id is a function of the
event's reports, not of the order they came in). An event takes another id only when it gains a
report published before all of its own, or published on its first day and reading otherwise in
a way that sorts first.

Two events of one area may share a first reading (a document that lists two attacks alike;
lone reports with neither place nor date): the one the merge created first has ``ev_<hash>``,
each other one ``ev_<hash>-<hash of its smallest report_id>``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import date

# (publication of the report's document, dated by corroboration, the report's signature)
Reading = tuple[date | None, bool, tuple]


def first_reading(readings: Iterable[Reading]) -> str:
    """The hash of the first of an event's readings (see the module), 16 hex digits."""
    first: tuple | None = None
    texts: set[tuple] = set()  # the signatures read on the first day (copies: one)
    for pub, corroborated, sig in readings:
        when = (corroborated, pub is None, pub or date.min)
        if first is None or when < first:
            first, texts = when, {sig}
        elif when == first:
            texts.add(sig)
    if first is None:
        raise ValueError("an event has at least one report")
    return hashlib.sha1(min(map(_text, texts)).encode("utf-8")).hexdigest()[:16]


def _text(sig: tuple) -> str:
    return "\x1f".join("" if v is None else str(v) for v in sig)


def numbered(bases: list[str], smallest: Callable[[int], str]) -> list[str]:
    """Event ids for one area's events, in creation order, from their first readings' hashes:
    ``ev_<hash>``; an event whose first reading an event created before it has too
    ``ev_<hash>-<hash of its smallest report_id>`` (``smallest(i)`` of the i-th event), so
    another event of the same reading never renumbers the others."""
    seen: set[str] = set()
    out = []
    for i, base in enumerate(bases):
        if base in seen:
            tag = hashlib.sha1(smallest(i).encode("utf-8")).hexdigest()[:8]
            out.append(f"ev_{base}-{tag}")
        else:
            seen.add(base)
            out.append(f"ev_{base}")
    return out


def base_of(event_id: str) -> str:
    """The first-reading part of an id (``ev_<hash>`` of ``ev_<hash>-N``)."""
    return event_id.split("-", 1)[0]
