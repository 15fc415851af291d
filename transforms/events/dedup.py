"""Cross-source deduplication: reports -> distinct events, by ACLED's rule, with reasons.

Grain: ``events`` one row per distinct real-world attack; ``merges`` one row per report merged
into an event after its first; ``conflicts`` one row per event field its reports disagree on.

Rule (``compatible``): a report joins an event when
- place: the same place, or one holds the other ("Deir ez-Zor province" holds "Mayadin");
  both place-less also agree; a place-less report never joins a placed event (unknown is not
  the same);
- date: the same day; a coarser date (week/month/year) holding the finer one; or, for a
  report left alone whose date was resolved from a relative expression ("the day before"),
  within ``rules.RELATIVE_DATE_TOLERANCE_DAYS`` of an event at least
  ``rules.NEAR_MIN_DOCUMENTS`` documents agree on (the disagreement is kept as an
  ``event_date`` conflict). Copies of one
  report (the same reading in many documents, as when outlets republish a wire story) count
  as that one report: left alone together, they move together and never anchor another;
- perpetrator: the same, or either unknown ("unknown assailants" then claimed by a group);
- type: the same ACLED event_type, or either report's weapon unknown (its type was a guess),
  or any types for reports of one day (at day precision) and one town whose tolls agree
  (outlets word one ambush as a shooting or a shelling; the disagreement stays an
  ``event_type`` conflict; "at least three" agrees with three, not with twelve);
- loose ties: when the only tie is loose (neither report names a place, or the day is not a
  stated one: a publication week, a month or year holding a day, a date by corroboration),
  the tolls must agree and a toll both state or one named perpetrator must back it
  (``clusters.loose_tie_ok``): place-less reports of one country on one day are many attacks;
- two reports of one document stay apart unless they name the same place and day in
  different sentences (a document that lists two attacks means two).
- publication: a report never joins an event when either side is dated after the other's
  document was published (an attack cannot happen after a document reported it; ACLED dates
  an event by its reports, so a later-dated report is another attack, or the same one misdated,
  and stays apart rather than moving the event past a report).
Reports are taken in a fixed order (dated first, by date, then report_id) and each joins its
best compatible event (exact date, then exact place, then most documents), else starts one.

A report dated by its document's publication (``date_method = 'publication'``: no date in its
text, the week ending on the publication day) is compatible with any stated date whose span
overlaps that week (two publication dates: only the same day), and its date is the event's
only when no report states one.

Undated reports (no date in the text, or none resolvable without a publication date) are
dated by corroboration afterwards: they join the best compatible event with the same or a
holding place, and take its date with ``date_method = 'corroborated'``; else they stay
undated, alone.

Event date: the most reported day, among the reports' dates that are on or before the
publication date of every document reporting the event (``_event_row``); a week-precision date
(the 7 days ending on a claim's day) is cut back to the earliest publication when it ends after
it. A report whose own date differs stays visible as an ``event_date`` conflict. A report's
date is never after its own document's publication (extraction returns no such date; one dated
by corroboration only takes the date of an event its document could report).

``event_id`` is a hash of the event's first reading (``event_ids``): the reading of its
earliest published report. Re-runs give the same ids; adding unrelated documents, or copies
and later reports of an event, does not change them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any, NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

from transforms import schemas
from transforms.events import event_ids, rules
from transforms.events.clusters import SIGNATURE, Cluster, Index, area_of, span


class MergeResult(NamedTuple):
    reports: pa.Table
    events: pa.Table
    merges: pa.Table
    conflicts: pa.Table


class _Members(NamedTuple):
    """One finished event's reports, read back for its output rows."""

    reports: list[dict[str, Any]]
    docs: set[str]


def _mode(values: list[Any]) -> Any:
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    counts = Counter(vals)
    top = max(counts.values())
    return min((v for v in counts if counts[v] == top), key=str)


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


def _inferred_zero(r: dict, kind: str) -> bool:
    return r.get(f"{kind}_best") == 0 and r.get(f"{kind}_high") is None


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


def _conflicts(event_id: str, reports: list[dict]) -> list[dict]:
    out = []
    fields = {
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
    for name, get in fields.items():
        by_value: dict[str, list[str]] = {}
        for r in reports:
            v = get(r)
            if v is not None:
                by_value.setdefault(v, []).append(r["report_id"])
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


def merge_events(
    reports: pa.Table, documents: pa.Table, places: pa.Table, entities: pa.Table
) -> MergeResult:
    """Merge all the corpus's reports into events (module docstring has the rule).

    Arrow tables in (schemas.EVENT_REPORTS; DOCUMENTS' doc_id, published_date and source;
    PLACES; ENTITIES' entity_id and canonical_name), Arrow tables out. Area by area
    (``area_of``): reports of different areas are never compared, so the result is the same as
    one pass over all of them, and only one area's reports are ever Python objects.
    """
    from transforms.events import place_index  # late: the package imports this module

    pidx = place_index(places)
    ids, canonical = (entities.column(c).to_pylist() for c in ("entity_id", "canonical_name"))
    names = {str(e): str(n or "") for e, n in zip(ids, canonical, strict=True)}
    place_ids = reports.column("place_id").to_pylist()
    doc_ids = reports.column("doc_id").to_pylist()
    by_area: dict[str, list[int]] = {}
    for i, pid in enumerate(place_ids):
        by_area.setdefault(area_of(pid, pidx), []).append(i)
    parts = [
        _merge_area(
            reports.take(rows), pidx, _documents(documents, {doc_ids[i] for i in rows}), names
        )
        for _area, rows in sorted(by_area.items())
    ]
    return MergeResult(
        *(
            ordered(pa.concat_tables([p[i] for p in parts]) if parts else schema.empty_table(), key)
            for i, (schema, key) in enumerate(OUTPUTS)
        )
    )


def _documents(documents: pa.Table, doc_ids: set[str]) -> dict[str, dict]:
    """doc_id -> date and outlet, for the documents of one area's reports."""
    wanted = pa.array(sorted(doc_ids), pa.string())
    sub = documents.filter(pc.is_in(documents.column("doc_id"), wanted))
    cols = [c for c in ("doc_id", "published_date", "source") if c in sub.column_names]
    return {d["doc_id"]: d for d in sub.select(cols).to_pylist()}


# MergeResult's tables: schema and row order.
OUTPUTS = (
    (schemas.EVENT_REPORTS, ["report_id"]),
    (schemas.EVENTS, ["event_id"]),
    (schemas.EVENT_MERGES, ["report_id"]),
    (schemas.EVENT_CONFLICTS, ["event_id", "field"]),
)


def ordered(table: pa.Table, key: list[str]) -> pa.Table:
    """``table`` in the order of ``key`` (a MergeResult table's row order)."""
    return table.sort_by([(k, "ascending") for k in key]) if table.num_rows else table


# Columns the merge never reads: carried from the input table to the output as they are.
_CARRIED = ("quote", "char_start", "char_end", "event_id")
_REDATED = ("event_date", "date_precision", "date_method")


class _Rows:
    """One area's reports in merge order (``_order_of``), as columns: a report is a dict only
    while it is read (``rows[i]``), so an event of 100,000 reports holds positions, not
    100,000 dicts. Repeated values (the same town, day, actor) are one object."""

    def __init__(self, reports: pa.Table, docs: dict[str, dict]):
        read = [c for c in reports.column_names if c not in _CARRIED]
        cols = {c: _interned(reports.column(c).to_pylist()) for c in read}
        order = sorted(range(reports.num_rows), key=lambda i: _order_of(cols, i))
        self.table = reports.take(order)
        self.cols = {c: [cols[c][i] for i in order] for c in read}
        self.report_ids = self.cols["report_id"]
        self._signed = [self.cols[c] for c in SIGNATURE]
        self.pubs = {
            d: p if isinstance(p := row.get("published_date"), date) else None
            for d, row in docs.items()
        }

    def __len__(self) -> int:
        return len(self.report_ids)

    def __getitem__(self, i: int) -> dict[str, Any]:
        r = {c: v[i] for c, v in self.cols.items()}
        r["_pub"] = self.pubs.get(r["doc_id"])
        return r

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self[i] for i in range(len(self)))

    def dated(self) -> int:
        """How many reports are dated: they come first (``_order_of``)."""
        return sum(d is not None for d in self.cols["event_date"])

    def reading(self, i: int) -> event_ids.Reading:
        """Report ``i``'s document's publication, whether it was dated by corroboration, and
        its signature: what its event's id is chosen by (``event_ids``)."""
        sig = tuple(col[i] for col in self._signed)
        if sig[1] != "unknown":  # the weapon: known or not (``signature``)
            sig = (sig[0], "known", *sig[2:])
        pub = self.pubs.get(self.cols["doc_id"][i])
        return pub, self.cols["date_method"][i] == "corroborated", sig

    def redate(self, i: int, r: dict[str, Any]) -> None:
        """Report ``i`` takes the date ``r`` now holds (dated by corroboration)."""
        for c in _REDATED:
            self.cols[c][i] = r[c]

    def output(self, event_of: list[str | None]) -> pa.Table:
        """The area's report rows with their event (and corroborated dates), by report_id."""
        t = self.table
        for c in _REDATED:
            t = t.set_column(
                t.schema.get_field_index(c), c, pa.array(self.cols[c], t.schema.field(c).type)
            )
        t = t.set_column(
            t.schema.get_field_index("event_id"), "event_id", pa.array(event_of, pa.string())
        )
        for f in schemas.EVENT_REPORTS:  # an input without a column has it null, as it was
            if f.name not in t.column_names:
                t = t.append_column(f.name, pa.nulls(t.num_rows, f.type))
        return ordered(
            t.select(schemas.EVENT_REPORTS.names).cast(schemas.EVENT_REPORTS), ["report_id"]
        )


def _interned(values: list[Any]) -> list[Any]:
    """``values`` with equal values one object (Arrow makes one per row)."""
    seen: dict[Any, Any] = {}
    return [v if v is None else seen.setdefault(v, v) for v in values]


def _order_of(cols: dict[str, list[Any]], i: int) -> tuple:
    """Merge order of report ``i``: dated before undated, by date; on a day, reports that name
    their weapon and perpetrator first: specific reports found events, vague ones then join
    the best fit."""
    d = cols["event_date"][i]
    return (
        d is None,
        cols["date_method"][i] == "publication",  # stated dates found events, publication joins
        d or date.min,
        cols["weapon"][i] == "unknown",
        cols["perpetrator_id"][i] is None,
        cols["report_id"][i],
    )


def _merge_area(
    reports: pa.Table,
    pidx: dict[str, dict],
    docs: dict[str, dict],
    names: dict[str, str],
) -> MergeResult:
    """Steps 1-3 of the rule over the reports of one area."""
    rows = _Rows(reports, docs)
    index = Index(pidx)
    # row -> (merged_with, reason): a report's last join (copies that joined their first
    # copy, then moved with it in step 2, are merged with the event they moved into)
    merges: dict[int, tuple[str, str]] = {}

    def join(hit: tuple[Cluster, str, str], i: int, r: dict) -> None:
        index.add(hit[0], r, i)
        merges[i] = (hit[1], hit[2])

    tol = rules.RELATIVE_DATE_TOLERANCE_DAYS
    # 1. dated reports, ACLED's strict rule (same day, or a coarser date holding it).
    n_dated = rows.dated()
    for i in range(n_dated):
        r = rows[i]
        hit = index.decide(r, "strict")
        if hit is None:
            index.new(r, i)
        else:
            join(hit, i, r)
    # 2. a report left alone whose date came from a relative expression may be a day off: it
    #    joins the best event within tolerance that several documents already agree on (two
    #    lone reports never pull each other across days); the date conflict stays visible.
    #    Copies of one such report (one wording, many outlets) are one witness: they move
    #    together, and never anchor another.
    for ev in [e for e in index.clusters if e.one_relative_wording()]:
        group = [rows[i] for i in ev.rows]
        corroborated = [
            e
            for e in index.dated_candidates(group[0], tol)
            if e is not ev and e.n_docs >= rules.NEAR_MIN_DOCUMENTS and not e.one_relative_wording()
        ]
        hit = index.best(group[0], corroborated, "near", group)
        if hit is not None:
            index.retire(ev)
            for i, r in zip(ev.rows, group, strict=True):
                join(hit, i, r)
    # 3. undated reports: dated by corroboration, else alone.
    for i in range(n_dated, len(rows)):
        r = rows[i]
        hit = None
        if r.get("place_id") is not None:
            hit = index.decide(r, "undated")
        if hit is None:
            index.new(r, i)
            continue
        _corroborate(r, hit[0])
        rows.redate(i, r)
        join(hit, i, r)
    events = [e for e in index.clusters if e.alive]

    event_rows, conflict_rows = [], []
    event_of: list[str | None] = [None] * len(rows)
    ids = event_ids.numbered(
        [event_ids.first_reading(map(rows.reading, ev.rows)) for ev in events],
        lambda k: min(rows.report_ids[i] for i in events[k].rows),
    )
    for ev, eid in zip(events, ids, strict=True):
        # an event's report rows are Python objects while it is written only
        members = _Members([rows[i] for i in ev.rows], set())
        members.docs.update(r["doc_id"] for r in members.reports)
        for i in ev.rows:
            event_of[i] = eid
        event_rows.append(_event_row(eid, members, pidx, docs, names))
        conflict_rows.extend(_conflicts(eid, members.reports))
        del members
    merge_rows = [
        {
            "event_id": event_of[i],
            "report_id": rows.report_ids[i],
            "merged_with": other,
            "reason": reason,
        }
        for i, (other, reason) in merges.items()
    ]
    conflicted = {c["event_id"] for c in conflict_rows}
    for e in event_rows:
        e["has_conflict"] = e["event_id"] in conflicted
    key = "report_id"
    return MergeResult(
        reports=rows.output(event_of),
        events=_table(sorted(event_rows, key=lambda e: e["event_id"]), schemas.EVENTS),
        merges=_table(sorted(merge_rows, key=lambda m: m[key]), schemas.EVENT_MERGES),
        conflicts=_table(
            sorted(conflict_rows, key=lambda c: (c["event_id"], c["field"])),
            schemas.EVENT_CONFLICTS,
        ),
    )


def _corroborate(r: dict[str, Any], event: Cluster) -> None:
    """An undated report takes the date of the event its place joins (the event's best
    dated reading), never after its own document's publication."""
    dated = [o for o in event.sigs.values() if o["event_date"] is not None]
    ref = max(
        dated,
        key=lambda o: (o["date_precision"] == "day", o["date_method"] == "explicit"),
    )
    r["event_date"], r["date_precision"] = ref["event_date"], ref["date_precision"]
    if r["_pub"] is not None and r["event_date"] > r["_pub"]:
        r["event_date"] = r["_pub"]  # a claim's week ending after this document: cut back
    r["date_method"] = "corroborated"


def _table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    return schemas.conform(rows, schema) if rows else schema.empty_table()


def _event_row(
    eid: str, ev: _Members, places: dict[str, dict], docs: dict[str, dict], names: dict[str, str]
) -> dict[str, Any]:
    rs = ev.reports
    # The finest place named; among equals, the one most reports name.
    placed = [r for r in rs if r.get("place_id") in places]
    place = None
    if placed:
        finest = min(
            rules.PRECISION_RANK.get(places[r["place_id"]]["precision"], 9) for r in placed
        )
        pid = _mode(
            [
                r["place_id"]
                for r in placed
                if rules.PRECISION_RANK.get(places[r["place_id"]]["precision"], 9) == finest
            ]
        )
        place = places[pid]
    # Date: the most reported exact day (explicit before relative on ties), else the finest.
    dated = [
        r
        for r in rs
        if r.get("event_date") is not None
        and r.get("date_method") not in ("corroborated", "publication")
    ] or [r for r in rs if r.get("event_date") is not None]
    # Only dates on or before every reporting document's publication (the first report).
    first_pub = min((r["_pub"] for r in rs if r.get("_pub") is not None), default=None)
    if first_pub is not None:
        dated = [r for r in dated if r["event_date"] <= first_pub] or [
            {**r, "event_date": first_pub}  # a claim's week ending after it: cut back
            for r in dated
            if r.get("date_precision") == "week" and span(r["event_date"], "week")[0] <= first_pub
        ]
    d, prec = None, None
    if dated:
        rank = {"day": 0, "week": 1, "month": 2, "year": 3}
        finest = min(rank.get(r.get("date_precision") or "day", 0) for r in dated)
        cands = [r for r in dated if rank.get(r.get("date_precision") or "day", 0) == finest]
        votes = Counter(r["event_date"] for r in cands)
        explicit = Counter(r["event_date"] for r in cands if r.get("date_method") == "explicit")
        d = max(votes, key=lambda v: (votes[v], explicit[v], v))
        prec = next(r["date_precision"] for r in cands if r["event_date"] == d)
    typed = [r for r in rs if r.get("weapon") != "unknown"] or rs
    etype = _mode([r.get("event_type") for r in typed])
    sub = _mode([r.get("sub_event_type") for r in typed if r.get("event_type") == etype])
    perp = _mode([r.get("perpetrator_id") for r in rs])
    actor2 = _mode([r.get("actor2") for r in rs if r.get("actor2") not in (None, perp)])
    attrs = {r.get("attribution") for r in rs if r.get("perpetrator_id") == perp}
    attribution = next(
        (a for a in ("claimed", "attributed", "suspected", "disputed") if a in attrs),
        "unattributed",
    )
    if perp is not None and "disputed" in attrs and "claimed" not in attrs:
        attribution = "disputed"
    kl, kb, kh = _range(rs, "killed")
    wl, wb, wh = _range(rs, "wounded")
    pubs: list[date] = []
    for r in rs:
        p = docs.get(r["doc_id"], {}).get("published_date")
        if isinstance(p, date):
            pubs.append(p)
    sources = {docs.get(r["doc_id"], {}).get("source") or r["doc_id"] for r in rs}
    loc_text = _mode(
        [r.get("location_text") for r in rs if place and r.get("place_id") == place["place_id"]]
    )
    return {
        "event_id": eid,
        "event_type": etype,
        "sub_event_type": sub,
        "event_date": d,
        "date_precision": prec,
        "place_id": place["place_id"] if place else None,
        "location": (place.get("name") if place else None) or loc_text,
        "admin1": place.get("admin1") if place else None,
        "country_code": place.get("country_code") if place else None,
        "latitude": place.get("latitude") if place else None,
        "longitude": place.get("longitude") if place else None,
        "geo_precision": _geo_precision(rs, place),
        "perpetrator": names.get(perp) if perp else None,
        "perpetrator_id": perp,
        "actor1": names.get(perp) if perp else None,
        "actor2": names.get(actor2) if actor2 else None,
        "attribution": attribution,
        "target": _mode([r.get("target") for r in rs]),
        "weapon": _mode([r.get("weapon") for r in rs if r.get("weapon") != "unknown"]) or "unknown",
        "killed_low": kl,
        "killed_best": kb,
        "killed_high": kh,
        "perpetrators_killed": _perpetrators_killed(rs, kh),
        "wounded_low": wl,
        "wounded_best": wb,
        "wounded_high": wh,
        "n_reports": len(rs),
        "n_documents": len(ev.docs),
        "n_sources": len(sources),
        "first_reported": min(pubs) if pubs else None,
        "last_reported": max(pubs) if pubs else None,
        "has_conflict": False,
    }


def _geo_precision(rs: list[dict], place: dict | None) -> str | None:
    """The event's ACLED geo_precision: the finest its reports at its place give ("in X"
    beats "near X"), else the place's own level."""
    if place is None:
        return None
    codes = [
        r["geo_precision"]
        for r in rs
        if r.get("place_id") == place["place_id"] and r.get("geo_precision")
    ]
    return min(codes) if codes else rules.GEO_PRECISION.get(place["precision"])
