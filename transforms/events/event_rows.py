"""An event's output rows (its ``events`` row and its ``event_conflicts`` rows) from a compact
account of its reports: each distinct *reading* (the fields these rows are made of) with the
ids of the reports that read so, and the documents that reported it.

A story republished by ten thousand outlets is a handful of readings: the rows are computed
from those, weighted by their reports, never from a dict per report. Every rule below counts
readings by their reports, so the rows are those a report-by-report pass gives.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, NamedTuple

from transforms.events import rules
from transforms.events.clusters import span

# The report fields an event's rows are made of (besides its documents).
READING = (
    "place_id",
    "event_date",
    "date_precision",
    "date_method",
    "event_type",
    "sub_event_type",
    "weapon",
    "perpetrator_id",
    "actor1",
    "actor2",
    "attribution",
    "target",
    "killed_low",
    "killed_best",
    "killed_high",
    "wounded_low",
    "wounded_best",
    "wounded_high",
    "perpetrators_killed",
    "location_text",
    "geo_precision",
)


class Docs(NamedTuple):
    """What an event's rows read of its documents: per doc_id, its publication (None: not a
    date) and its outlet (the doc_id itself when unknown). A document not listed has neither."""

    pub: dict[str, date | None]
    source: dict[str, str]

    @classmethod
    def of(cls, rows: dict[str, dict]) -> Docs:
        """From doc_id -> {published_date, source} (either may be missing)."""
        return cls(
            {d: p if isinstance(p := r.get("published_date"), date) else None
             for d, r in rows.items()},
            {d: r.get("source") or d for d, r in rows.items()},
        )  # fmt: skip


class Members(NamedTuple):
    """One finished event's reports: its readings (each a dict of ``READING`` fields) with the
    ids of their reports, in order of each reading's first report; its documents."""

    readings: list[tuple[dict[str, Any], list[str]]]
    docs: set[str]

    @property
    def weighted(self) -> list[tuple[dict[str, Any], int]]:
        return [(r, len(ids)) for r, ids in self.readings]

    @property
    def n_reports(self) -> int:
        return sum(len(ids) for _r, ids in self.readings)


def members(columns: dict[str, list[Any]], positions: Any, report_ids: list[str]) -> Members:
    """An event's ``Members`` from an area's report columns (``READING`` and ``doc_id``) and
    the positions of its reports in them, in merge order."""
    absent = [None] * len(report_ids)  # a column the input lacked reads as unknown
    at = list(positions)
    cols = [[col[i] for i in at] for col in (columns.get(c, absent) for c in READING)]
    by_reading: dict[tuple, list[str]] = {}
    for reading, i in zip(zip(*cols, strict=True), at, strict=True):
        by_reading.setdefault(reading, []).append(report_ids[i])
    docs = columns["doc_id"]
    seen = {docs[i] for i in at}
    readings = [(dict(zip(READING, k, strict=True)), ids) for k, ids in by_reading.items()]
    return Members(readings, seen)


def _mode(values: list[tuple[Any, int]]) -> Any:
    """The most frequent value (by weight), None apart; ties to the least as text."""
    counts: Counter = Counter()
    for v, w in values:
        if v is not None:
            counts[v] += w
    if not counts:
        return None
    top = max(counts.values())
    return min((v for v in counts if counts[v] == top), key=str)


def _inferred_zero(r: dict, kind: str) -> bool:
    return r.get(f"{kind}_best") == 0 and r.get(f"{kind}_high") is None


def _range(reports: list[dict], kind: str) -> tuple[Any, Any, Any]:
    """Conservative across outlets: lowest low and best (ACLED), highest high. A zero with no
    bound (killed inferred from a report of only wounded) yields to any toll another states."""
    rows = [r for r in reports if r.get(f"{kind}_low") is not None]
    stated = [r for r in rows if not _inferred_zero(r, kind)]
    rows = stated or rows
    if not rows:
        return None, None, None
    bests = [r[f"{kind}_best"] for r in rows if r.get(f"{kind}_best") is not None]
    highs = [r.get(f"{kind}_high") for r in rows]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    return min(r[f"{kind}_low"] for r in rows), (min(bests) if bests else None), high


def _perpetrators_killed(reports: list[dict], killed_high: Any) -> Any:
    """The most attackers any report says died (a report silent on them does not deny it),
    never above the event's killed high."""
    stated = [r["perpetrators_killed"] for r in reports if r.get("perpetrators_killed") is not None]
    if not stated:
        return None
    return max(stated) if killed_high is None else min(max(stated), killed_high)


def _toll(r: dict, kind: str) -> str | None:
    """A report's toll as "low/best/high" ('?' unknown); None when it states none."""
    if r.get(f"{kind}_low") is None:
        return None
    return "/".join(
        "?" if r.get(f"{kind}_{k}") is None else str(int(r[f"{kind}_{k}"]))
        for k in ("low", "best", "high")
    )


_CONFLICT_FIELDS = {
    "event_date": lambda r: (
        str(r["event_date"])
        if r.get("event_date")
        and r.get("date_precision") == "day"
        and r.get("date_method") != "corroborated"
        else None
    ),
    "place_id": lambda r: r.get("place_id"),
    "killed": lambda r: None if _inferred_zero(r, "killed") else _toll(r, "killed"),
    "wounded": lambda r: _toll(r, "wounded"),
    "target": lambda r: r.get("target"),
    "weapon": lambda r: None if r.get("weapon") == "unknown" else r.get("weapon"),
    "event_type": lambda r: r.get("sub_event_type"),
}


def conflicts(event_id: str, ev: Members) -> list[dict]:
    """One row per field its reports disagree on: the values and the reports giving them."""
    out = []
    for name, get in _CONFLICT_FIELDS.items():
        by_value: dict[str, list[str]] = {}
        for r, ids in ev.readings:
            v = get(r)
            if v is not None:
                by_value.setdefault(v, []).extend(ids)
        if name == "place_id" and len(by_value) > 1:
            continue  # nested places are refinement, not contradiction (see merge reasons)
        if len(by_value) > 1:
            vals = sorted(by_value)
            out.append(
                {
                    "event_id": event_id,
                    "field": name,
                    "values": vals,
                    "report_ids": sorted({i for v in vals for i in by_value[v]}),
                }
            )
    return out


def _place(ws: list[tuple[dict, int]], places: dict[str, dict]) -> dict | None:
    """The finest place named; among equals, the one most reports name."""
    placed = [(r, w) for r, w in ws if r.get("place_id") in places]
    if not placed:
        return None

    def level(r: dict) -> int:
        return rules.PRECISION_RANK.get(places[r["place_id"]]["precision"], 9)

    finest = min(level(r) for r, _w in placed)
    return places[_mode([(r["place_id"], w) for r, w in placed if level(r) == finest])]


_DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _date(ws: list[tuple[dict, int]], first_pub: date | None) -> tuple[Any, Any]:
    """The most reported exact day (explicit before relative on ties), else the finest; only
    dates on or before every reporting document's publication (the first report)."""
    dated = [
        (r, w)
        for r, w in ws
        if r.get("event_date") is not None
        and r.get("date_method") not in ("corroborated", "publication")
    ] or [(r, w) for r, w in ws if r.get("event_date") is not None]
    if first_pub is not None:
        dated = [(r, w) for r, w in dated if r["event_date"] <= first_pub] or [
            ({**r, "event_date": first_pub}, w)  # a claim's week ending after it: cut back
            for r, w in dated
            if r.get("date_precision") == "week" and span(r["event_date"], "week")[0] <= first_pub
        ]
    if not dated:
        return None, None

    def level(r: dict) -> int:
        return _DATE_RANK.get(r.get("date_precision") or "day", 0)

    finest = min(level(r) for r, _w in dated)
    cands = [(r, w) for r, w in dated if level(r) == finest]
    votes: Counter = Counter()
    explicit: Counter = Counter()
    for r, w in cands:
        votes[r["event_date"]] += w
        if r.get("date_method") == "explicit":
            explicit[r["event_date"]] += w
    d = max(votes, key=lambda v: (votes[v], explicit[v], v))
    return d, next(r["date_precision"] for r, _w in cands if r["event_date"] == d)


def event_row(
    eid: str, ev: Members, places: dict[str, dict], docs: Docs, names: dict[str, str]
) -> dict[str, Any]:
    """The ``events`` row of an event (``has_conflict`` False: set once its conflicts are
    known)."""
    ws = ev.weighted
    rs = [r for r, _w in ws]
    place = _place(ws, places)
    pubs = list(filter(None, map(docs.pub.get, ev.docs)))  # a date is never false
    d, prec = _date(ws, min(pubs) if pubs else None)
    typed = [(r, w) for r, w in ws if r.get("weapon") != "unknown"] or ws
    etype = _mode([(r.get("event_type"), w) for r, w in typed])
    sub = _mode([(r.get("sub_event_type"), w) for r, w in typed if r.get("event_type") == etype])
    perp = _mode([(r.get("perpetrator_id"), w) for r, w in ws])
    # a clash told as mutual names no perpetrator, but its first side all the same
    actor1 = perp or _mode([(r.get("actor1"), w) for r, w in ws if r.get("actor1")])
    actor2 = _mode([(r.get("actor2"), w) for r, w in ws if r.get("actor2") not in (None, actor1)])
    kl, kb, kh = _range(rs, "killed")
    wl, wb, wh = _range(rs, "wounded")
    sources = set(map(docs.source.get, ev.docs, ev.docs))
    at_place = [(r, w) for r, w in ws if place and r.get("place_id") == place["place_id"]]
    loc_text = _mode([(r.get("location_text"), w) for r, w in at_place])
    weapon = _mode([(r.get("weapon"), w) for r, w in ws if r.get("weapon") != "unknown"])
    return {
        "event_id": eid,
        "event_type": etype,
        "sub_event_type": sub,
        "event_date": d,
        "date_precision": prec,
        "place_id": place["place_id"] if place else None,
        "location": (place.get("location") or place.get("name") if place else None) or loc_text,
        "admin1": place.get("admin1") if place else None,
        "country_code": place.get("country_code") if place else None,
        "latitude": place.get("latitude") if place else None,
        "longitude": place.get("longitude") if place else None,
        "geo_precision": _geo_precision([r for r, _w in at_place], place),
        "perpetrator": names.get(perp) if perp else None,
        "perpetrator_id": perp,
        "actor1": names.get(actor1) if actor1 else None,
        "actor2": names.get(actor2) if actor2 else None,
        "attribution": _attribution(rs, perp),
        "target": _mode([(r.get("target"), w) for r, w in ws]),
        "weapon": weapon or "unknown",
        "killed_low": kl,
        "killed_best": kb,
        "killed_high": kh,
        "perpetrators_killed": _perpetrators_killed(rs, kh),
        "wounded_low": wl,
        "wounded_best": wb,
        "wounded_high": wh,
        "n_reports": ev.n_reports,
        "n_documents": len(ev.docs),
        "n_sources": len(sources),
        "first_reported": min(pubs) if pubs else None,
        "last_reported": max(pubs) if pubs else None,
        "has_conflict": False,
    }


def _attribution(rs: list[dict], perp: Any) -> str:
    """The strongest attribution of the event's perpetrator; 'disputed' when some dispute it
    and none claims it."""
    attrs = {r.get("attribution") for r in rs if r.get("perpetrator_id") == perp}
    if perp is not None and "disputed" in attrs and "claimed" not in attrs:
        return "disputed"
    return next(
        (a for a in ("claimed", "attributed", "suspected", "disputed") if a in attrs),
        "unattributed",
    )


def _geo_precision(at_place: list[dict], place: dict | None) -> str | None:
    """The event's ACLED geo_precision: the finest its reports at its place give ("in X"
    beats "near X"), else the place's own level."""
    if place is None:
        return None
    codes = [r["geo_precision"] for r in at_place if r.get("geo_precision")]
    return min(codes) if codes else rules.GEO_PRECISION.get(place["precision"])
