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
  without a place, a toll of one is no backing, and a group only with the same target;
- two reports of one document stay apart unless they name the same place and day in
  different sentences (a document that lists two attacks means two).
- publication: a report never joins an event when either side is dated after the other's
  document was published (an attack cannot happen after a document reported it; ACLED dates
  an event by its reports, so a later-dated report is another attack, or the same one misdated,
  and stays apart rather than moving the event past a report).
Reports are taken in a fixed order (dated first, by date, specific before vague, then by
document and report_id) and each joins its best compatible event (exact date, then exact
place, then agreement: perpetrator, target, type and the best tolls, then most documents), else
starts one: a republished document's reports each meet the original's events and join the one
that says what they say (a total shared by two attacks, 3 and 2, stays 3 and 2).

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

from collections.abc import Iterator
from datetime import date
from typing import Any, NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

from transforms import schemas
from transforms.events import clusters, event_ids, rules
from transforms.events import event_rows as event_rows_of
from transforms.events.clones import Clones
from transforms.events.clusters import Cluster, Index, area_of
from transforms.events.event_rows import Docs
from transforms.events.kinds import Rows


class MergeResult(NamedTuple):
    reports: pa.Table
    events: pa.Table
    merges: pa.Table
    conflicts: pa.Table


def merge_events(
    reports: pa.Table,
    documents: pa.Table,
    places: pa.Table,
    entities: pa.Table,
    pidx: dict[str, dict] | None = None,
    clones: dict[str, int] | None = None,
) -> MergeResult:
    """Merge all the corpus's reports into events (module docstring has the rule); ``pidx``:
    ``place_index(places)`` when the caller has it. With ``clones`` (a dict of counts), the
    documents that repeat an earlier document's reports are placed by their class instead of
    decided one by one (``clones``; the same result, verified), and ``clones`` counts the
    reports so placed ('placed') and the areas merged report by report after all ('checked').

    Arrow tables in (schemas.EVENT_REPORTS; DOCUMENTS' doc_id, published_date and source;
    PLACES; ENTITIES' entity_id and canonical_name), Arrow tables out. Area by area
    (``area_of``): reports of different areas are never compared, so the result is the same as
    one pass over all of them, and only one area's reports are ever Python objects. The quotes
    (most of a report's bytes, never read by the rule) are set aside and put back by report,
    not carried through every step.
    """
    from transforms.events import place_index  # late: the package imports this module

    pidx = place_index(places) if pidx is None else pidx
    ids, canonical = (entities.column(c).to_pylist() for c in ("entity_id", "canonical_name"))
    names = {str(e): str(n or "") for e, n in zip(ids, canonical, strict=True)}
    quotes = None
    if "quote" in reports.column_names:
        quotes = reports.select(["report_id", "quote"])
        reports = reports.drop_columns(["quote"])
    reports = reports.combine_chunks()  # one chunk per lake part otherwise: every take slow
    parts = []
    # read by doc_id only: one map for every area (a heavy story's copies are in each)
    docs = _documents(documents, pc.unique(reports.column("doc_id")))
    for rows in _by_area(reports.column("place_id"), pidx):
        area = reports.take(rows)
        parts.append(_merge_area(area, pidx, docs, names, clones))
        del area
        pa.default_memory_pool().release_unused()
    merged = MergeResult(
        *(
            ordered(pa.concat_tables([p[i] for p in parts]) if parts else schema.empty_table(), key)
            for i, (schema, key) in enumerate(OUTPUTS)
        )
    )
    return merged if quotes is None else merged._replace(reports=quoted(merged.reports, quotes))


def _by_area(places_of: pa.ChunkedArray, pidx: dict[str, dict]) -> list[pa.Array]:
    """The positions of the reports of each area (``area_of`` their place), areas in the order
    of their names, positions in table order."""
    distinct = pc.unique(places_of)
    area_of_place = [area_of(p, pidx) for p in distinct.to_pylist()]
    names = sorted(set(area_of_place))
    number = {a: k for k, a in enumerate(names)}
    codes = pa.array([number[a] for a in area_of_place], pa.int32()).take(
        pc.index_in(places_of, distinct)
    )
    at = pc.sort_indices(codes)  # stable: each area's positions stay in table order
    sizes = pc.value_counts(codes).to_pylist()
    counts = dict(sorted((c["values"], c["counts"]) for c in sizes))
    out, start = [], 0
    for n in counts.values():
        out.append(at.slice(start, n))
        start += n
    return out


def quoted(reports: pa.Table, quotes: pa.Table) -> pa.Table:
    """``reports`` (one row per report of ``quotes``, by report_id) with their quotes."""
    quotes = ordered(quotes, ["report_id"])
    if quotes.column("report_id").equals(reports.column("report_id")):
        quote = quotes.column("quote")
    else:  # not row for row (never seen): looked up by report_id
        at = pc.index_in(reports.column("report_id"), quotes.column("report_id"))
        quote = quotes.column("quote").take(at)
    i = reports.schema.get_field_index("quote")
    return reports.set_column(i, reports.schema.field(i), quote)


def _documents(documents: pa.Table, doc_ids: pa.Array) -> Docs:
    """The publication and outlet of the documents of one area's reports (a column the table
    lacks reads as None)."""
    sub = documents.filter(pc.is_in(documents.column("doc_id"), doc_ids))
    ids = sub.column("doc_id").to_pylist()
    pubs, sources = (
        sub.column(c).to_pylist() if c in sub.column_names else [None] * sub.num_rows
        for c in ("published_date", "source")
    )
    return Docs(
        {d: p if isinstance(p, date) else None for d, p in zip(ids, pubs, strict=True)},
        {d: s or d for d, s in zip(ids, sources, strict=True)},
    )


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


def _merge_area(
    reports: pa.Table,
    pidx: dict[str, dict],
    docs: Docs,
    names: dict[str, str],
    clones: dict[str, int] | None = None,
) -> MergeResult:
    """Steps 1-3 of the rule over the reports of one area. With ``clones``, documents that
    repeat another's reports are placed by their class (``Clones``) and counted in it, unless
    that is not proven to give the report-by-report result: then every report is decided."""
    rows = Rows(reports, docs)
    index = Index(pidx)
    plan = None if clones is None else Clones(rows)
    if plan is not None and not plan.twin:
        plan = None  # no document repeats another: nothing to place
    # row -> (merged_with, reason): a report's last join (copies that joined their first
    # copy, then moved with it in step 2, are merged with the event they moved into)
    merges: dict[int, tuple[str, str]] = {}

    said: dict[tuple[str, str], tuple[str, str]] = {}  # one object per distinct merge row

    def join(hit: tuple[Cluster, str, str], i: int, r: dict) -> None:
        index.add(hit[0], r, i)
        merges[i] = said.setdefault((hit[1], hit[2]), (hit[1], hit[2]))

    tol = rules.RELATIVE_DATE_TOLERANCE_DAYS
    # 1. dated reports, ACLED's strict rule (same day, or a coarser date holding it).
    _strict(rows, index, join, merges, plan)
    if plan is not None and not plan.after_strict(index):
        return _unproven(reports, pidx, docs, names, clones)
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
    _undated(rows, index, join, merges, plan)
    if plan is not None:
        if not plan.after_undated(index, merges):
            return _unproven(reports, pidx, docs, names, clones)
        _count(clones, "placed", len(plan.twin))
    events = [e for e in index.clusters if e.alive]

    event_rows, conflict_rows = [], []
    event_of: list[str | None] = [None] * len(rows)
    kinds = rows.kinds
    ids = event_ids.numbered(
        [event_ids.first_reading(map(rows.reading, {kinds[i] for i in ev.rows})) for ev in events],
        lambda k: min(rows.report_ids[i] for i in events[k].rows),
    )
    for ev, eid in zip(events, ids, strict=True):
        # an event's reports as its distinct readings, while it is written only
        members = rows.members(ev.rows)
        for i in ev.rows:
            event_of[i] = eid
        event_rows.append(event_rows_of.event_row(eid, members, pidx, docs, names))
        conflict_rows.extend(event_rows_of.conflicts(eid, members))
        del members
    merge_rows = _merge_rows(merges, event_of, rows.report_ids)
    conflicted = {c["event_id"] for c in conflict_rows}
    for e in event_rows:
        e["has_conflict"] = e["event_id"] in conflicted
    return MergeResult(
        reports=rows.output(event_of),
        events=_table(sorted(event_rows, key=lambda e: e["event_id"]), schemas.EVENTS),
        merges=merge_rows,
        conflicts=_table(
            sorted(conflict_rows, key=lambda c: (c["event_id"], c["field"])),
            schemas.EVENT_CONFLICTS,
        ),
    )


class _Copies:
    """Decisions kept by kind of report and what its document gave the area so far: a report
    of a kind decided before, while nothing a verdict depends on changed since
    (``Index.version``), whose best event did not win on its count of documents, joins that
    event again without being read (``Index.copy_joins``): what a heavily covered story's
    copies cost. The decision is the one ``Index.decide`` gives it."""

    def __init__(self, rows: Rows, index: Index):
        self.rows, self.index = rows, index
        # (kind, document state) -> (version, event, merge row, kind after it joined)
        self.kept: dict[tuple, tuple[int, Cluster, tuple[str, str], int]] = {}
        self.copies: dict[int, clusters.CopyOf] = {}

    def key(self, i: int) -> tuple:
        rows = self.rows
        doc = rows.doc_ids[i]
        return rows.kinds[i], () if rows.single[i] else self.index.doc_state(doc)

    def join(self, i: int, key: tuple, merges: dict[int, tuple[str, str]]) -> bool:
        """Report ``i`` joins as a report of its kind did before; False: decide it."""
        kept = self.kept.get(key)
        if kept is None or kept[0] != self.index.version:
            return False
        rows, kind = self.rows, kept[3]
        copy = self.copies.get(kind)
        if copy is None:
            copy = self.copies[kind] = clusters.copy_of(rows.reps[kind])
        if not self.index.copy_joins(kept[1], i, copy, rows.doc_ids[i], rows.single[i]):
            return False
        rows.kinds[i] = kind
        merges[i] = kept[2]
        return True

    def keep(self, i: int, key: tuple, version: int, event: Cluster, merge: tuple) -> None:
        """Report ``i`` (of ``key``) was decided at ``version`` and joined ``event``."""
        if self.index.unique_best:
            self.kept[key] = (version, event, merge, self.rows.kinds[i])


def _unproven(
    reports: pa.Table,
    pidx: dict[str, dict],
    docs: Docs,
    names: dict[str, str],
    clones: dict[str, int] | None,
) -> MergeResult:
    """An area whose clones are not proven to go where their class went: every report decided."""
    _count(clones, "checked", 1)
    return _merge_area(reports, pidx, docs, names)


def _count(figures: dict[str, int] | None, key: str, n: int) -> None:
    if figures is not None:
        figures[key] = figures.get(key, 0) + n


def _decided(
    rows: Rows, index: Index, plan: Clones | None, start: int, stop: int
) -> Iterator[int]:
    """The positions of ``range(start, stop)`` decided one by one (every one but clones'),
    each announced to the plan first."""
    for i in range(start, stop) if plan is None else plan.kept(start, stop):
        if plan is not None:
            plan.before(i, index)
        yield i


def _strict(
    rows: Rows,
    index: Index,
    join: Any,
    merges: dict[int, tuple[str, str]],
    plan: Clones | None = None,
) -> None:
    """Step 1: each dated report joins its best event by the strict rule, else starts one."""
    copies = _Copies(rows, index)
    for i in _decided(rows, index, plan, 0, rows.dated()):
        key = copies.key(i)
        if copies.join(i, key, merges):
            continue
        r = rows[i]
        version = index.version
        hit = index.decide(r, "strict")
        if hit is None:
            index.new(r, i)
            continue
        join(hit, i, r)
        copies.keep(i, key, version, hit[0], merges[i])


def _undated(
    rows: Rows,
    index: Index,
    join: Any,
    merges: dict[int, tuple[str, str]],
    plan: Clones | None = None,
) -> None:
    """Step 3: undated reports, dated by corroboration, else alone."""
    copies = _Copies(rows, index)
    for i in _decided(rows, index, plan, rows.dated(), len(rows)):
        key = copies.key(i)
        if copies.join(i, key, merges):
            continue
        r = rows[i]
        hit = None
        version = index.version
        if r.get("place_id") is not None:
            hit = index.decide(r, "undated")
        if hit is None:
            index.new(r, i)
            continue
        _corroborate(r, hit[0])
        rows.redate(i, r)
        join(hit, i, r)
        copies.keep(i, key, version, hit[0], merges[i])


def _merge_rows(
    merges: dict[int, tuple[str, str]], event_of: list[str | None], report_ids: list[str]
) -> pa.Table:
    """The area's ``event_merges`` rows, built as columns (``merge_events`` puts every area's
    rows in report_id order at once)."""
    rows = list(merges)
    if not rows:
        return schemas.EVENT_MERGES.empty_table()
    cols = {
        "event_id": [event_of[i] for i in rows],
        "report_id": [report_ids[i] for i in rows],
        "merged_with": [merges[i][0] for i in rows],
        "reason": [merges[i][1] for i in rows],
    }
    return pa.table(cols, schema=schemas.EVENT_MERGES)


def _corroborate(r: dict[str, Any], event: Cluster) -> None:
    """An undated report takes the date of the event its place joins (the event's best
    dated reading), never after its own document's publication."""
    ref = clusters.corroborating(event)
    assert ref is not None  # an event an undated report joins has a dated signature
    r["event_date"], r["date_precision"] = ref["event_date"], ref["date_precision"]
    if r["_pub"] is not None and r["event_date"] > r["_pub"]:
        r["event_date"] = r["_pub"]  # a claim's week ending after this document: cut back
    r["date_method"] = "corroborated"


def _table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    return schemas.conform(rows, schema) if rows else schema.empty_table()
