"""Attack events: per-document report extraction and corpus-wide deduplication.

Public API (called by the flows; every table in and out is a ``pa.Table``: callers convert
once, at the boundary):

- ``extract_reports(documents, mentions, places, entities) -> pa.Table`` (EVENT_REPORTS rows,
  event_id null; per-document work, safe to run chunk by chunk).
- ``merge_events(reports, documents, places, entities) -> MergeResult`` (over all reports:
  reports with event_id, events, merges, conflicts).
- ``evaluate(...)`` in ``transforms.events.evaluate`` scores against a gold annotation.
"""

from __future__ import annotations

import itertools
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from transforms import schemas
from transforms.events.dedup import MergeResult, merge_events
from transforms.events.extract import Mention, extract_document

_USED_TYPES = frozenset({"place", "armed_group", "government", "state", "international"})

__all__ = ["MergeResult", "clear_caches", "extract_reports", "merge_events", "place_index"]


def clear_caches() -> None:
    """Forget the memoised per-sentence and per-clause readings (dates, tolls, wording).

    Results never depend on them; a benchmark calls this so each run starts cold.
    """
    from transforms.events import casualties, classify, dates, extract

    for module in (casualties, classify, dates, extract):
        for fn in vars(module).values():
            if callable(getattr(fn, "cache_clear", None)):  # functools' text caches
                fn.cache_clear()


def _columns(table: pa.Table, names: list[str]) -> list[list[Any]]:
    """Columns as Python lists (a missing optional column as Nones), faster than row dicts."""
    n = table.num_rows
    have = set(table.column_names)
    return [table.column(name).to_pylist() if name in have else [None] * n for name in names]


# What extraction and merging read of a place.
_PLACE_INDEX_COLUMNS = [
    "place_id", "name", "location", "admin1", "admin2", "country_code", "latitude", "longitude",
    "feature_code", "precision", "population",
]  # fmt: skip


def place_index(places: pa.Table) -> dict[str, dict]:
    """place_id -> row; also ``gov:<admin1>`` -> the governorate row (for "X province"),
    ``district:<admin1>:<admin2>`` -> the district row (for "X district") and
    ``capital:<country_code>`` -> the national capital (for "in the capital")."""
    out: dict[str, dict] = {}
    # (the spellings and native names are the analysts', not ours)
    keep = [c for c in _PLACE_INDEX_COLUMNS if c in places.column_names]
    for row in places.select(keep).to_pylist():
        pid = str(row["place_id"])
        row["place_id"] = pid
        out[pid] = row
        if row.get("precision") == "governorate" and row.get("admin1"):
            out.setdefault(f"gov:{row['admin1']}", row)
        elif row.get("precision") == "district" and row.get("admin2"):
            out.setdefault(f"district:{row['admin1']}:{row['admin2']}", row)
        elif row.get("feature_code") == "PPLC" and row.get("country_code"):
            out.setdefault(f"capital:{row['country_code']}", row)
    return out


_MENTION_COLUMNS = [
    "doc_id",
    "char_start",
    "char_end",
    "surface",
    "entity_id",
    "place_id",
    "entity_type",
    "role",
    "field",
]


class _MentionsByDoc:
    """doc_id -> its place and possible-perpetrator mentions (media, persons dropped), in input
    order: the body's (``get``) and the headline's (``headline``; ``field = 'title'``, spans
    into the title). Columns are cleaned once, column by column; a document's ``Mention``
    tuples are built when it is read, so they die with it instead of piling up for the garbage
    collector.
    """

    def __init__(self, mentions: pa.Table):
        doc_ids, starts, ends, surfaces, eids, pids, etypes, roles, fields = _columns(
            mentions, _MENTION_COLUMNS
        )
        used = [t in _USED_TYPES for t in etypes]
        in_title = [f == "title" for f in fields]  # (no field column: all in the body)
        self.keep = [u and not t for u, t in zip(used, in_title, strict=True)]
        self.keep_title = [u and t for u, t in zip(used, in_title, strict=True)]
        self.titled = set(itertools.compress(doc_ids, self.keep_title))
        surfaces = ["" if v is None else v for v in surfaces]
        self.columns = (starts, ends, surfaces, eids, pids, etypes, roles)
        # Each document's runs of rows (lo, hi): one run when mentions come grouped by doc.
        self.runs: dict[Any, list[tuple[int, int]]] = {}
        n = len(doc_ids)
        cuts = [k for k in range(1, n) if doc_ids[k] != doc_ids[k - 1]]
        for lo, hi in zip([0, *cuts], [*cuts, n], strict=True):
            if lo < hi:
                self.runs.setdefault(doc_ids[lo], []).append((lo, hi))

    def get(self, doc_id: Any) -> list[Mention]:
        """The body's mentions of the document."""
        return self._of(doc_id, self.keep)

    def headline(self, doc_id: Any) -> list[Mention]:
        """The headline's mentions of the document (spans into its title)."""
        return self._of(doc_id, self.keep_title) if doc_id in self.titled else []

    def _of(self, doc_id: Any, keep: list[bool]) -> list[Mention]:
        out: list[Mention] = []
        for lo, hi in self.runs.get(doc_id, ()):
            rows = zip(*(c[lo:hi] for c in self.columns), strict=True)
            out.extend(map(Mention._make, itertools.compress(rows, keep[lo:hi])))
        return out


_AREAS = pa.array(["governorate", "district"])


def _mentioned(places: pa.Table, mentions: pa.Table) -> pa.Table:
    """The places the mentions name, every governorate and district ("X province" and "X
    district" read as one) and the national capitals ("in the capital"): the rest of a
    30,000-place gazetteer is never looked up."""
    if "place_id" not in mentions.column_names or mentions.num_rows == 0:
        return places
    named = pc.unique(pc.drop_null(mentions.column("place_id")))
    keep = pc.or_(
        pc.is_in(places.column("place_id"), value_set=named),
        pc.is_in(places.column("precision"), value_set=_AREAS),
    )
    if "feature_code" in places.column_names:
        capitals = pc.fill_null(pc.equal(places.column("feature_code"), "PPLC"), False)
        keep = pc.or_(keep, capitals)
    return places.filter(keep)


def extract_reports(
    documents: pa.Table, mentions: pa.Table, places: pa.Table, entities: pa.Table | None = None
) -> pa.Table:
    """EVENT_REPORTS rows (event_id null) for ``documents``; see ``extract.py`` for the rules.

    Arrow tables in (schemas.DOCUMENTS, ENTITY_MENTIONS, PLACES columns; documents need doc_id
    and text, the others are read when present), Arrow out; each input is read once into
    Python lists. Only per-document inputs are used: the same document always gives the same
    reports, with ``report_id`` a hash of doc_id and character span.
    """
    del entities  # perpetrators come as entity_id on mentions; names are joined at merge time
    pidx = place_index(_mentioned(places, mentions))
    by_doc = _MentionsByDoc(mentions)
    rows: list[dict[str, Any]] = []
    names = ["doc_id", "text", "published_date", "title", "published_date_method"]
    for doc_id, text, pub, title, method in zip(*_columns(documents, names), strict=True):
        doc = {"doc_id": doc_id, "text": text, "published_date": pub, "title": title}
        doc["published_date_method"] = method
        rows.extend(extract_document(doc, by_doc.get(doc_id), pidx, by_doc.headline(doc_id)))
    if not rows:
        return schemas.EVENT_REPORTS.empty_table()
    return schemas.conform(rows, schemas.EVENT_REPORTS)
