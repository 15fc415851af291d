"""Incremental deduplication: new reports re-clustered with the events of their windows only.

A run that adds documents to an already merged corpus does not merge every report again. For
each new report, its *window* is its area (``dedup.area_of``: reports of different areas are
never compared) and its date span widened by ``WINDOW_PAD_DAYS`` (the farthest apart two
reports of one event can be dated: a relative date within tolerance). The previous events
with a report in a window (for an undated new report: the events its place could corroborate,
as ``dedup`` step 3 looks for them) are *affected*: their reports and the new ones are merged
again by ``merge_events``; every other event, with its reports, merges and conflicts, is kept
as it was. An event's id is a hash of its first reading (``event_ids``), so an event the new
reports do not touch keeps its id, and one they join keeps it unless a new report was published
first. Events that share a first reading are numbered by the order a merge creates them: when
one of them is kept and another merged again, everything is merged again.

Within the affected events, a document that repeats an earlier document's reports (another
outlet's copy of a story: ``clones``) is not decided report by report but placed where its class
went, once that is proven to be where a report-by-report merge puts it; a heavily covered story's
new copies then cost their own reports, not a new pass over every copy before them.

The result equals a full merge unless a re-merged event would have pulled in a report of an
unaffected event beyond its window (a chain of day-apart relative dates); ``bench/`` measures
how many events differ from a full merge after adding 1% new documents.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

from transforms import catalog
from transforms.events import event_ids, rules
from transforms.events.clusters import area_of, span
from transforms.events.dedup import OUTPUTS, MergeResult, merge_events, ordered, quoted
from transforms.events.extract import rank
from transforms.rowdiff import changed_keys

WINDOW_PAD_DAYS = rules.RELATIVE_DATE_TOLERANCE_DAYS + 1  # one day more than any "near" join
# What a remerge reads of the previous reports before merging (``remerge_later``).
WINDOW_COLUMNS = ["report_id", "event_id", "place_id", "event_date", "date_precision"]


# Per MergeResult table, in its order: the column a build deletes and inserts rows by (the
# catalog's ``delta_key``: a report's rows by report, an event's by event).
DELTA_KEYS = tuple(str(t.delta_key) for t in catalog.loaded(catalog.KEYED))


class Remerged(NamedTuple):
    """A merge of every candidate, what it took, and what it changed."""

    result: MergeResult
    figures: dict[str, int]  # new reports, affected events, reports re-merged, full (1 or 0)
    # Per MergeResult table (in its order), the ``DELTA_KEYS`` values of the rows that differ
    # from the previous result's: added, removed or changed. A new copy of a heavily covered
    # story adds its own report rows and rewrites its event's row, not the event's other
    # reports. None after a full merge (every row may differ).
    rewritten: tuple[pa.Array, ...] | None


def remerge_events(
    candidates: pa.Table,
    previous: MergeResult,
    documents: pa.Table,
    places: pa.Table,
    entities: pa.Table,
) -> Remerged:
    """The merge result for all ``candidates`` given the ``previous`` result of a merge of
    some of them. Candidates whose report_id the previous result lacks are the new ones.

    Falls back to a full ``merge_events`` when there is no previous result or when a previous
    report is no longer a candidate (documents re-extracted: windows would be unsound).

    The previous reports may come without their quotes (``QUOTE``): a report's quote is its
    candidate's (the same document and span), so every report row takes it from
    ``candidates``, as a full merge does, and only one copy of the quotes is ever held.
    """
    known = previous.reports.select(WINDOW_COLUMNS)
    return remerge_later(candidates, known, lambda: previous, documents, places, entities)


def remerge_later(
    candidates: pa.Table,
    known: pa.Table,
    previous: Callable[[], MergeResult],
    documents: pa.Table,
    places: pa.Table,
    entities: pa.Table,
) -> Remerged:
    """``remerge_events`` given the previous reports' ``WINDOW_COLUMNS`` (``known``) and a
    function that gives the whole previous result, called once the reports to merge again are
    merged: a caller that reads the previous result then never holds it beside the merge's own
    tables (the +1% run's peak memory otherwise)."""
    from transforms.events import place_index  # late: the package imports dedup

    quotes = candidates.select(["report_id", QUOTE]) if QUOTE in candidates.column_names else None
    unquoted = candidates.drop_columns([QUOTE]) if quotes is not None else candidates
    pidx = place_index(places)
    plan = _plan(unquoted, known, pidx)
    del known
    if plan is None:
        return _full(candidates, documents, places, entities)
    if plan.figures["new_reports"] == 0:
        return _nothing_new(previous(), quotes)
    doc_ids = pc.unique(plan.subset.column("doc_id"))
    placed: dict[str, int] = {}
    merged = merge_events(
        plan.subset,
        documents.filter(pc.is_in(documents.column("doc_id"), doc_ids)),
        places,
        entities,
        pidx,
        clones=placed,
    )
    gone, figures = plan.gone, plan.figures
    figures["copies_placed"] = placed.get("placed", 0)
    del plan, unquoted  # the reports live on in ``merged``
    before = previous()
    if _numbering_shared(before.events.column("event_id"), gone, merged.events):
        return _full(candidates, documents, places, entities)
    return _combined(before, merged, gone, figures, quotes)


class _Plan(NamedTuple):
    """What a remerge merges again: the new candidates and every candidate of the affected
    events (``subset``), the affected events' ids (``gone``), and how many of each."""

    subset: pa.Table
    gone: pa.Array
    figures: dict[str, int]


def _plan(candidates: pa.Table, known: pa.Table, pidx: dict[str, dict]) -> _Plan | None:
    """The reports to merge again (``_Plan``); None when only a full merge is sound (no
    previous result, or a previous report no longer a candidate)."""
    cand_ids = candidates.column("report_id")
    ids = known.column("report_id")
    if known.num_rows == 0 or not pc.all(pc.is_in(ids, cand_ids)).as_py():
        return None
    is_new = pc.invert(pc.is_in(cand_ids, ids))
    new = candidates.filter(is_new)
    gone = pa.array(sorted(_affected(new, known, pidx)) if new.num_rows else [], pa.string())
    again = ids.filter(pc.is_in(known.column("event_id"), gone))
    take = pc.or_(is_new, pc.is_in(cand_ids, again))
    # a heavily covered story's events take every candidate: no copy of them
    subset = candidates if pc.all(take).as_py() else candidates.filter(take)
    figures = {
        "new_reports": new.num_rows,
        "affected_events": len(gone),
        "remerged_reports": subset.num_rows,
        "full": 0,
    }
    return _Plan(subset, gone, figures)


def _nothing_new(previous: MergeResult, quotes: pa.Table | None) -> Remerged:
    """The previous result (its reports quoted), as no row of it changes."""
    nothing = {"new_reports": 0, "affected_events": 0, "remerged_reports": 0, "full": 0}
    if QUOTE not in previous.reports.column_names:
        previous = previous._replace(reports=_quoted(previous.reports, quotes))
    return Remerged(previous, nothing, tuple(pa.array([], pa.string()) for _ in OUTPUTS))


QUOTE = "quote"
_UNQUOTED = pa.schema([f for f in OUTPUTS[0][0] if f.name != QUOTE])


def _unquoted(reports: pa.Table) -> pa.Table:
    """Report rows without their quotes (compared and combined so; ``_quoted`` after)."""
    return reports.drop_columns([QUOTE]) if QUOTE in reports.column_names else reports


def _quoted(reports: pa.Table, quotes: pa.Table | None) -> pa.Table:
    """Report rows (no quote column) with their candidates' quotes, as ``schemas``' table
    (null quotes when the candidates had none)."""
    reports = reports.append_column(QUOTE, pa.nulls(reports.num_rows, pa.string()))
    if quotes is not None:
        reports = quoted(reports, quotes)
    return reports.select(OUTPUTS[0][0].names)


def _combined(
    previous: MergeResult,
    merged: MergeResult,
    gone: pa.Array,
    figures: dict[str, int],
    quotes: pa.Table | None,
) -> Remerged:
    """The previous result without the events ``gone`` plus the ``merged`` ones, and the keys
    of the rows that differ from the previous result's, table by table (report rows compared
    without their quotes, then given the candidates' ``quotes``)."""
    previous = previous._replace(reports=_unquoted(previous.reports))
    merged = merged._replace(reports=_unquoted(merged.reports))
    tables, rewritten = [], []
    outputs = ((_UNQUOTED, OUTPUTS[0][1]), *OUTPUTS[1:])
    for (schema, key), delta, old, fresh in zip(outputs, DELTA_KEYS, previous, merged, strict=True):
        was = pc.is_in(old.column("event_id"), gone)
        try:
            rewritten.append(changed_keys(old.cast(schema), fresh.cast(schema), key, delta, was))
        except ValueError:  # keys repeat (never seen): every row merged again is rewritten
            both = [*old.column(delta).filter(was).chunks, *fresh.column(delta).chunks]
            rewritten.append(pc.unique(pa.concat_arrays([pa.array([], pa.string()), *both])))
        kept = old.filter(pc.invert(was))
        if kept.num_rows == 0:  # every event merged again (a heavy story's): in order already
            tables.append(fresh.cast(schema))
        else:
            tables.append(ordered(pa.concat_tables([kept.cast(schema), fresh.cast(schema)]), key))
        del kept
    tables[0] = _quoted(tables[0], quotes)
    return Remerged(MergeResult(*tables), figures, tuple(rewritten))


def _full(
    candidates: pa.Table, documents: pa.Table, places: pa.Table, entities: pa.Table
) -> Remerged:
    full = merge_events(candidates, documents, places, entities)
    n = candidates.num_rows
    figures = {"new_reports": n, "affected_events": 0, "remerged_reports": n, "full": 1}
    return Remerged(full, figures, None)


def _numbering_shared(previous_ids: pa.ChunkedArray, gone: pa.Array, fresh: pa.Table) -> bool:
    """Whether an event kept as it was shares its first reading with an event merged again
    (``event_ids``: such events are numbered by the order a merge of all of them creates them,
    which a merge of some of them does not know)."""
    touched = {event_ids.base_of(e) for e in gone.to_pylist()}
    touched.update(event_ids.base_of(e) for e in fresh.column("event_id").to_pylist())
    kept = pc.filter(previous_ids, pc.invert(pc.is_in(previous_ids, gone)))
    return any(event_ids.base_of(e) in touched for e in kept.to_pylist())


def _affected(new: pa.Table, reports: pa.Table, pidx: dict[str, dict]) -> set[str]:
    """Ids of the previous events with a report in the window of a new report."""
    pad = timedelta(days=WINDOW_PAD_DAYS)
    spans: dict[str, list[tuple[date, date]]] = defaultdict(list)  # area -> dated windows
    places: dict[str, set[str]] = defaultdict(set)  # area -> places of undated new reports
    whole: set[str] = set()  # areas an undated coarse new report may corroborate anywhere
    for r in new.select(WINDOW_COLUMNS[2:] + ["report_id"]).to_pylist():
        pid, area = r["place_id"], area_of(r["place_id"], pidx)
        if r["event_date"] is not None:
            lo, hi = span(r["event_date"], r["date_precision"])
            spans[area].append((lo - pad, hi + pad))
        elif pid is not None:  # undated: corroborated by place (place-less ones stay alone)
            p = pidx.get(pid)
            if p is not None and rank(p) > 0:
                whole.add(area)
            places[area].add(pid)
    windows = {area: _union(spans) for area, spans in spans.items()}

    def by_place(pid: str | None) -> tuple[str, bool]:
        """(area, hit whatever the date) of a previous report's place."""
        area = area_of(pid, pidx)
        p = pidx.get(pid or "")
        hit = area in whole or (
            area in places and (pid in places[area] or (p is not None and rank(p) > 0))
        )
        return area, hit

    def by_date(area: str, day: date | None, precision: str | None, pid: str | None) -> bool:
        if area not in windows:
            return False
        if day is None:  # still undated: a new event may now corroborate it
            return pid is not None
        starts, ends = windows[area]
        lo, hi = span(day, precision)
        i = bisect.bisect_left(ends, lo)  # the first window not over before ``lo``
        return i < len(ends) and starts[i] <= hi

    # Reports share places and dates: each distinct place, and each distinct area and date,
    # is judged once, and an event's reports alike (a heavy story's copies) are read once.
    place_memo: dict[str | None, tuple[str, bool]] = {}
    date_memo: dict[tuple, bool] = {}
    out: set[str] = set()
    cols = (c.to_pylist() for c in _distinct(reports, WINDOW_COLUMNS[1:]).columns)
    for event_id, pid, day, precision in zip(*cols, strict=True):
        if event_id in out:
            continue
        placed = place_memo.get(pid)
        if placed is None:
            placed = place_memo[pid] = by_place(pid)
        area, hit = placed
        if not hit:
            key = (area, day, precision, pid is None)
            dated = date_memo.get(key)
            if dated is None:
                dated = date_memo[key] = by_date(area, day, precision, pid)
            hit = dated
        if hit:
            out.add(event_id)
    return out


def _distinct(table: pa.Table, columns: list[str]) -> pa.Table:
    """The distinct rows of ``table``'s ``columns``."""
    return table.select(columns).group_by(columns, use_threads=False).aggregate([])


def _union(spans: list[tuple[date, date]]) -> tuple[list[date], list[date]]:
    """The union of closed date spans as disjoint spans in order: (starts, ends). A span meets
    the union exactly when it meets the first of these that does not end before it starts."""
    starts: list[date] = []
    ends: list[date] = []
    for lo, hi in sorted(spans):
        if ends and lo <= ends[-1]:
            ends[-1] = max(ends[-1], hi)
        else:
            starts.append(lo)
            ends.append(hi)
    return starts, ends
