"""One area's reports for the merge, as *kinds*: the reports that read alike.

Grain: one kind per distinct combination of every column the merge reads of a report, besides
its id and document (and with its document's publication). A heavily covered story is a
handful of kinds however many outlets republish it: a report is a position, its kind and its
ids, and a dict of its fields is made only while the merge reads it (``Rows.__getitem__``).

Kinds are found by Arrow (each column dictionary-encoded, the codes combined), the merge order
by Arrow's sort, and the rows of the output put back in the table's order by Arrow: no Python
object per report and column. Two reports of one kind are alike in every field the rule, the
event rows and the event ids read, so whatever is decided of one kind (its signature, its
reading, its verdicts while nothing changed) holds for every report of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from transforms import schemas
from transforms.events import event_ids
from transforms.events.clusters import SIGNATURE, span
from transforms.events.event_rows import READING, Docs, Members

# Columns the merge never reads: carried from the input table to the output as they are.
CARRIED = ("quote", "char_start", "char_end", "event_id")
REDATED = ("event_date", "date_precision", "date_method")
_IDS = ("report_id", "doc_id")
_PUB = "_pub"  # the document's publication, a field of the kind


class Rows:
    """One area's reports in merge order (``order_key``): position ``i`` is the i-th report the
    merge takes. ``kinds[i]`` its kind, ``report_ids[i]`` / ``doc_ids[i]`` its ids,
    ``single[i]`` whether its document gives this area no other report."""

    def __init__(self, reports: pa.Table, docs: Docs):
        self.table = reports  # as given: never copied in order
        self.read = [c for c in reports.column_names if c not in CARRIED and c not in _IDS]
        given_docs = reports.column("doc_id").to_pylist()
        pub = pa.array(list(map(docs.pub.get, given_docs)), pa.date32())
        order = _merge_order(reports)
        self.order = order  # merge position -> table row
        self.report_ids = reports.column("report_id").take(order).to_pylist()
        self.doc_ids = [given_docs[i] for i in order.to_pylist()]
        codes, first = _kinds([*(reports.column(c) for c in self.read), pub])
        self.kinds: list[int] = codes.take(order).to_pylist()
        # one dict per kind: its fields as ``to_pylist`` gives them (the first row of it)
        reps = reports.select(self.read).take(first).to_pylist()
        for rep, p in zip(reps, pub.take(first).to_pylist(), strict=True):
            rep[_PUB] = p
        self.reps: list[dict[str, Any]] = reps
        self._key_of: dict[tuple, int] | None = None  # kind by its fields (``redate``)
        self._redated: dict[tuple, int] = {}  # (kind, date fields) -> kind (``redate``)
        counts: dict[str, int] = {}
        for d in self.doc_ids:
            counts[d] = counts.get(d, 0) + 1
        self.single = [counts[d] == 1 for d in self.doc_ids]

    def __len__(self) -> int:
        return len(self.report_ids)

    def __getitem__(self, i: int) -> dict[str, Any]:
        r = dict(self.reps[self.kinds[i]])
        r["report_id"], r["doc_id"] = self.report_ids[i], self.doc_ids[i]
        return r

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self[i] for i in range(len(self)))

    def dated(self) -> int:
        """How many reports are dated: they come first (``order_key``)."""
        col = self.table.column("event_date")
        return len(col) - col.null_count

    def reading(self, kind: int) -> event_ids.Reading:
        """A kind's document publication, whether it was dated by corroboration, and its
        signature: what its event's id is chosen by (``event_ids``)."""
        rep = self.reps[kind]
        sig = tuple(rep.get(c) for c in SIGNATURE)
        if sig[1] != "unknown":  # the weapon: known or not (``signature``)
            sig = (sig[0], "known", *sig[2:])
        return rep[_PUB], rep.get("date_method") == "corroborated", sig

    def redate(self, i: int, r: dict[str, Any]) -> None:
        """Report ``i`` takes the date ``r`` now holds (dated by corroboration): its kind is
        the one of its fields with that date."""
        was, date_ = self.kinds[i], tuple(r[c] for c in REDATED)
        kind = self._redated.get((was, date_))
        if kind is None:
            kind = self._redated[(was, date_)] = self._kind_of(
                {**self.reps[was], **dict(zip(REDATED, date_, strict=True))}
            )
        self.kinds[i] = kind

    def _kind_of(self, rep: dict[str, Any]) -> int:
        """The kind of the fields ``rep`` (a new kind when no report reads so)."""
        if self._key_of is None:
            self._key_of = {self._key(x): k for k, x in enumerate(self.reps)}
        key = self._key(rep)
        kind = self._key_of.get(key)
        if kind is None:
            kind = self._key_of[key] = len(self.reps)
            self.reps.append(rep)
        return kind

    def _key(self, rep: dict[str, Any]) -> tuple:
        return tuple(rep.get(c) for c in (*self.read, _PUB))

    def members(self, positions: Any) -> Members:
        """An event's ``Members`` from the positions of its reports, in merge order: each
        distinct reading with the ids of its reports, in order of its first report."""
        by_kind: dict[int, tuple] = {}
        by_reading: dict[tuple, list[str]] = {}
        kinds, ids = self.kinds, self.report_ids
        for i in positions:
            k = kinds[i]
            reading = by_kind.get(k)
            if reading is None:
                rep = self.reps[k]
                reading = by_kind[k] = tuple(rep.get(c) for c in READING)
            got = by_reading.get(reading)
            if got is None:
                got = by_reading[reading] = []
            got.append(ids[i])
        docs = {self.doc_ids[i] for i in positions}
        readings = [(dict(zip(READING, k, strict=True)), v) for k, v in by_reading.items()]
        return Members(readings, docs)

    def output(self, event_of: list[str | None]) -> pa.Table:
        """The area's report rows with their event (and corroborated dates), in the table's
        order (``merge_events`` puts every area's rows in report_id order at once)."""
        t = self.table
        back = pc.sort_indices(self.order)  # table row -> merge position
        at = pa.array(self.kinds, pa.int64()).take(back)
        for c in REDATED:
            field = t.schema.field(c)
            per_kind = pa.array([rep.get(c) for rep in self.reps], field.type)
            t = t.set_column(t.schema.get_field_index(c), c, per_kind.take(at))
        t = t.set_column(
            t.schema.get_field_index("event_id"),
            "event_id",
            pa.array(event_of, pa.string()).take(back),
        )
        for f in schemas.EVENT_REPORTS:  # an input without a column has it null, as it was
            if f.name not in t.column_names:
                t = t.append_column(f.name, pa.nulls(t.num_rows, f.type))
        return t.select(schemas.EVENT_REPORTS.names).cast(schemas.EVENT_REPORTS)

    def starts(self) -> list[date | None]:
        """Per kind, the first day of its date span (None undated)."""
        return [
            None if rep.get("event_date") is None
            else span(rep["event_date"], rep.get("date_precision"))[0]
            for rep in self.reps
        ]  # fmt: skip


def _merge_order(reports: pa.Table) -> pa.Array:
    """Table rows in merge order: dated before undated, by date; stated dates before
    publication weeks; on a day, reports that name their weapon and perpetrator first
    (specific reports found events, vague ones then join the best fit); then a document's
    reports together (a copy of a document then meets every event of the original, and each of
    its reports joins the one agreeing with it best), by report_id."""
    date_ = reports.column("event_date")
    method = reports.column("date_method") if "date_method" in reports.column_names else None
    weapon = reports.column("weapon") if "weapon" in reports.column_names else None
    perp = reports.column("perpetrator_id") if "perpetrator_id" in reports.column_names else None
    n = reports.num_rows

    def flag(col: Any, value: str) -> Any:
        if col is None:
            return pa.array([False] * n, pa.bool_())
        return pc.fill_null(pc.equal(col, value), False)

    keys = pa.table(
        {
            "undated": pc.is_null(date_),
            "publication": flag(method, "publication"),
            "date": pc.fill_null(date_, date.min),
            "weapon_unknown": flag(weapon, "unknown"),
            "no_perpetrator": pa.array([True] * n) if perp is None else pc.is_null(perp),
            "doc_id": reports.column("doc_id"),
            "report_id": reports.column("report_id"),
        }
    )
    return pc.sort_indices(keys, sort_keys=[(c, "ascending") for c in keys.column_names])


def _kinds(columns: list[Any]) -> tuple[pa.Array, pa.Array]:
    """Per row, the number of its kind (rows equal in every column, nulls equal); and per
    kind, its first row."""
    n = len(columns[0]) if columns else 0
    codes = pa.array([0] * n, pa.int64())
    for col in columns:
        col = col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col
        enc = pc.dictionary_encode(col, null_encoding="encode")
        width = len(enc.dictionary) + 1
        mixed = pc.add(pc.multiply(codes, width), enc.indices.cast(pa.int64()))
        codes = pc.dictionary_encode(mixed).indices.cast(pa.int64())  # dense again
    if n == 0:
        return codes, pa.array([], pa.int64())
    n_kinds = pc.max(codes).as_py() + 1  # codes are dense: 0 .. n_kinds - 1
    first = pc.index_in(pa.array(range(n_kinds), pa.int64()), value_set=codes)
    return codes, first.cast(pa.int64())
