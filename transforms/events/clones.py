"""Documents that repeat an earlier document's reports: decided once, placed by their class.

Grain: one *class* per distinct sequence of report kinds (``kinds``) a document gives one area,
in merge order. A heavily covered story is a few classes however many outlets republish it.

The first ``REPRESENTATIVES`` documents of a class (by doc_id, so first in every date bucket of
the merge order) are merged report by report; each later one (a *clone*) is not decided at all:
its i-th report goes where the class's first document's i-th report went. That is what a
report-by-report merge does, and it is verified, never assumed (``Clones.after_strict``,
``Clones.after_undated``); when a condition fails the area is merged report by report again.

Why the conditions suffice. A clone's report comes after its first document's report of the same
kind, so the event that report joined (or started) already holds its signature and bounds: a
clone can only add counts to it. A verdict only narrows as an event gains reports (complete
link; bounds only tighten) and a score only grows, so an event the clone may join at the end of
its step it could join when its turn came, with the same first best signature; and when every
other candidate's best signature scores below it at the end, none outscored or tied it then. The
clone's own document gives it the same part of each event as its first document had (its
earlier reports went where those went). Counts are read only to break ties between equal scores
(none may occur: ``Index.ties``) and by step 2's "several documents agree" (every event clones
join in step 1 has that many already, or cannot anchor). A report dated by corroboration takes
its date from the event's first signature of the best kind; that signature must predate step 3
(not itself corroborated), so every copy takes the same. Merged this way, an area's reports,
events, merges and conflicts are those of the report-by-report merge, row for row.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from transforms.events import rules
from transforms.events.clusters import (
    Cluster,
    DocPart,
    Index,
    corroborating,
    documents_allow,
    pair,
    reason,
)
from transforms.events.kinds import Rows

REPRESENTATIVES = max(2, rules.NEAR_MIN_DOCUMENTS)  # documents of a class merged one by one
_MIRROR = "\x00clone"  # the document id a clone's verdicts are judged under


class Clones:
    """The clones of one area's rows (``twin``: clone position -> the position of its class's
    first document's report of the same kind) and what verifying them needs."""

    def __init__(self, rows: Rows):
        self.rows = rows
        clone, twin = twins(pa.array(rows.doc_ids, pa.string()), pa.array(rows.kinds, pa.int64()))
        self.twin: dict[int, int] = dict(zip(clone.to_pylist(), twin.to_pylist(), strict=True))
        # per watched position, its clones' positions (``_place``)
        by_twin = pa.table({"q": twin, "p": clone}).group_by("q", use_threads=False)
        grouped = by_twin.aggregate([("p", "list")])
        self.clones_of: dict[int, list[int]] = dict(
            zip(grouped.column("q").to_pylist(), grouped.column("p_list").to_pylist(), strict=True)
        )
        self.watched = set(self.clones_of)
        # per watched position: its document's part of each event when it was decided, its kind
        self.seen: dict[int, tuple[tuple, int]] = {}
        self.joined: dict[int, tuple[Cluster, tuple[str, str]]] = {}  # each step's verdicts
        self._position: dict[str, int] | None = None  # report_id -> position (``_held_by``)

    def kept(self, start: int, stop: int) -> list[int]:
        """The positions in ``range(start, stop)`` that are decided (no clone's)."""
        return [i for i in range(start, stop) if i not in self.twin]

    def before(self, i: int, index: Index) -> None:
        """Position ``i`` is about to be decided: what its clones' verdicts will be judged with."""
        if i in self.watched:
            self.seen[i] = (index.doc_state(self.rows.doc_ids[i]), self.rows.kinds[i])

    def after_strict(self, index: Index) -> bool:
        """Step 1 is done: whether every clone's dated report joins its first document's event
        as a copy (kept in ``joined``)."""
        if index.ties:
            return False
        at = _clusters_of(index, self.watched, alive_only=False)
        dated = self.rows.dated()
        for q in (q for q in self.watched if q < dated):
            ev = at[q]
            if not ev.one_relative_wording() and ev.n_docs < rules.NEAR_MIN_DOCUMENTS:
                return False  # its clones would make it an anchor of step 2
            v = self._verdict(index, q, ev, "strict")
            if v is None:
                return False
            r = self._report(q)
            self.joined[q] = (ev, (v[1]["report_id"], reason(r, v[1], v[2], v[3])))
        return True

    def after_undated(self, index: Index, merges: dict[int, tuple[str, str]]) -> bool:
        """Step 3 is done: whether every clone's undated report joins its first document's
        event and names there what it would have named when its turn came; if so, every
        clone is placed (``_place``)."""
        if index.ties:
            return False
        at = _clusters_of(index, self.watched, alive_only=True)
        dated = self.rows.dated()
        for q in (q for q in self.watched if q >= dated):
            ev = at.get(q)
            if ev is None or q not in merges:
                return False  # left alone: each clone would start an event of its own
            v = self._verdict(index, q, ev, "undated")
            if v is None or not self._held_by(v[1], q):
                return False
            ref = corroborating(ev)
            if ref is None or ref["date_method"] == "corroborated":
                return False  # a date taken from step 3: copies might take others
            self.joined[q] = (ev, (v[1]["report_id"], reason(self._report(q), *v[1:])))
        self._place(at, merges)
        return True

    def _held_by(self, sig: dict, q: int) -> bool:
        """Whether signature ``sig`` was in its event when position ``q`` was decided: any
        signature of steps 1 and 2, and one dated by corroboration at ``q`` or before."""
        if sig["date_method"] != "corroborated":
            return True
        if self._position is None:  # once: a scan per copy class would grow with the corpus
            self._position = {r: i for i, r in enumerate(self.rows.report_ids)}
        return self._position[sig["report_id"]] <= q

    def _place(self, at: dict[int, Cluster], merges: dict[int, tuple[str, str]]) -> None:
        """Each clone's report joins its twin's event, with its own merge row (and the date
        its twin was corroborated with); counts are not read again."""
        rows, dated = self.rows, self.rows.dated()
        for q, clones in self.clones_of.items():
            joined, merge = self.joined[q], merges.get(q)
            if q >= dated:
                kind = rows.kinds[q]
                for p in clones:
                    rows.kinds[p] = kind
                merge = joined[1]
            elif joined[0].alive:  # still the event it joined in step 1
                merge = joined[1]
            at[q].rows.extend(clones)
            if merge is not None:
                merges.update(dict.fromkeys(clones, merge))

    def _report(self, q: int) -> dict[str, Any]:
        """The report a clone of position ``q`` is, as it was when ``q`` was decided."""
        r = dict(self.rows.reps[self.seen[q][1]])
        r["report_id"], r["doc_id"] = self.rows.report_ids[q], _MIRROR
        return r

    def _verdict(self, index: Index, q: int, ev: Cluster, mode: str) -> Any:
        """``ev``'s verdict on a clone of position ``q``, when ``ev`` may hold it and every other
        candidate's best signature scores below that verdict; else None."""
        r = self._report(q)
        mirrored = [(_MIRROR, seq) for seq, _keys, _sentences in self.seen[q][0]]
        for (_doc, seq), (_seq, keys, sentences) in zip(mirrored, self.seen[q][0], strict=True):
            part = index.parts[(_MIRROR, seq)] = DocPart()
            part.keys, part.sentences = set(keys), set(sentences)
        try:
            v = index.judge(r, ev, mode, [r])
            if not v:
                return None
            pool = index.dated_candidates(r, 0) if mode == "strict" else index.place_candidates(r)
            for other in pool:
                own = index.parts.get((_MIRROR, other.seq))
                if other is ev or (own is not None and not documents_allow(r, own, mode)):
                    continue  # its document never joins ``other``, whatever ``other`` holds
                if _best_score(r, other, index.places, mode) >= v[0]:
                    return None
            return v
        finally:
            for key in mirrored:
                del index.parts[key]


def twins(docs: pa.Array, kinds: pa.Array) -> tuple[pa.Array, pa.Array]:
    """The clones of an area's reports, given per position (merge order) its document and its
    kind: (clone positions, the position of the report of the same rank of its class's first
    document). A class is a distinct sequence of kinds; its documents in doc_id order (the
    merge order's: a class's reports share their date buckets), all but the first
    ``REPRESENTATIVES`` are clones. Arrow throughout: one list per document, none per report."""
    none = pa.array([], pa.int64())
    if len(docs) == 0:
        return none, none
    positions = pa.array(range(len(docs)), pa.int64())
    by_doc = pa.table({"doc": docs, "kind": kinds, "at": positions}).group_by(
        "doc", use_threads=False  # single-threaded: each list in merge order
    )
    per_doc = by_doc.aggregate([("kind", "list"), ("at", "list")]).combine_chunks()
    listed = pc.cast(per_doc.column("kind_list"), pa.list_(pa.string()))
    cls = pc.dictionary_encode(pc.binary_join(listed, ",")).chunk(0).indices
    order = pc.sort_indices(
        pa.table({"class": cls, "doc": per_doc.column("doc")}),
        sort_keys=[("class", "ascending"), ("doc", "ascending")],
    )
    in_order = cls.take(order)
    before = pa.concat_arrays([pa.array([-1], in_order.type), in_order.slice(0, len(order) - 1)])
    row = pa.array(range(len(order)), pa.int64())
    # each row's class's first row (rows of a class are consecutive), then its rank in it
    first = pc.cumulative_max(pc.if_else(pc.not_equal(in_order, before), row, 0))
    clone = pc.greater_equal(pc.subtract(row, first), REPRESENTATIVES)
    at = per_doc.column("at_list").chunk(0)
    # a clone's document and its class's first give the same kinds in the same order
    clone_at = pc.list_flatten(at.take(order.filter(clone)))
    return clone_at, pc.list_flatten(at.take(order.take(first).filter(clone)))


def _best_score(r: dict, ev: Cluster, places: dict[str, dict], mode: str) -> int:
    """The best score any signature of ``ev`` gives ``r`` (-1: none may)."""
    scores = [
        p.score
        for o in ev.sigs.values()
        if not (mode == "undated" and o["event_date"] is None)
        and (p := pair(r, o, places, mode)) is not None
    ]
    return max(scores, default=-1)


def _clusters_of(index: Index, positions: set[int], alive_only: bool) -> dict[int, Cluster]:
    """The cluster holding each of ``positions`` (the alive one when ``alive_only``)."""
    out: dict[int, Cluster] = {}
    for ev in index.clusters:
        if alive_only and not ev.alive:
            continue
        for i in ev.rows:
            if i in positions:
                out[i] = ev
    return out
