"""Attack events: per-document report extraction and corpus-wide deduplication.

Public API (called by the flows):

- ``extract_reports(documents, mentions, places, entities) -> pa.Table`` (EVENT_REPORTS rows,
  event_id null; per-document work, safe to run chunk by chunk).
- ``merge_events(reports, documents, places, entities) -> MergeResult`` (over all reports:
  reports with event_id, events, merges, conflicts).
- ``evaluate(...)`` in ``transforms.events.evaluate`` scores against a gold annotation.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pandas as pd
import pyarrow as pa

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

    for fn in (
        dates._find_dates,
        dates._date_matches,
        extract._unsourced,
        extract._clause_reasons,
        classify.attribution_of,
        casualties.count_casualties,
        classify.wording_reason,
        classify.attack_count,
        classify.is_anaphoric,
        classify.is_attack,
        classify.weapon_of,
        classify.target_of,
    ):
        fn.cache_clear()


def _records(df: pd.DataFrame | pa.Table | None) -> list[dict[str, Any]]:
    if df is None:
        return []
    if isinstance(df, pa.Table):
        return df.to_pylist()
    return [{str(k): v for k, v in row.items()} for row in df.to_dict("records")]


def _columns(df: pd.DataFrame | pa.Table | None, names: list[str]) -> list[list[Any]]:
    """Columns as Python lists (a missing optional column as Nones), faster than row dicts."""
    if df is None or len(df) == 0:
        return [[] for _ in names]
    n = len(df)
    out = []
    for name in names:
        if name not in (df.column_names if isinstance(df, pa.Table) else df.columns):
            out.append([None] * n)
        elif isinstance(df, pa.Table):
            out.append(df.column(name).to_pylist())
        else:
            out.append(df[name].tolist())
    return out


def _clean(v: Any) -> Any:
    """pandas NaN/NaT/None -> None; Timestamps -> date."""
    if v is None:
        return None
    if isinstance(v, pd.Timestamp):
        return None if pd.isna(v) else v.date()
    if isinstance(v, float) and v != v:
        return None
    if v is pd.NaT:
        return None
    return v


def place_index(places: pd.DataFrame | pa.Table | None) -> dict[str, dict]:
    """place_id -> row; also ``gov:<admin1>`` -> the governorate row (for "X province")."""
    out: dict[str, dict] = {}
    for row in _records(places):
        row = {k: _clean(v) for k, v in row.items()}
        pid = str(row["place_id"])
        row["place_id"] = pid
        out[pid] = row
        if row.get("precision") == "governorate" and row.get("admin1"):
            out.setdefault(f"gov:{row['admin1']}", row)
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
]


def _str_or(values: list[Any], default: str | None) -> list[Any]:
    # Missing values arrive as None (Arrow) or NaN (pandas): anything not a str is missing.
    return [v if isinstance(v, str) else default for v in values]


def _mentions_by_doc(mentions: pd.DataFrame | pa.Table | None) -> dict[str, list[Mention]]:
    """doc_id -> its place and possible-perpetrator mentions (media, persons dropped), in input
    order. Cleaned column by column, not row by row: this runs once per mention."""
    doc_ids, starts, ends, surfaces, eids, pids, etypes, roles = _columns(
        mentions, _MENTION_COLUMNS
    )
    keep = [t in _USED_TYPES for t in etypes]
    pids = [
        v if isinstance(v, str) else None if v is None or v != v else str(v)  # NaN != NaN
        for v in pids
    ]
    found = map(
        Mention._make,
        zip(
            map(int, starts),
            map(int, ends),
            _str_or(surfaces, ""),
            _str_or(eids, None),
            pids,
            etypes,
            _str_or(roles, None),
            strict=True,
        ),
    )
    by_doc: dict[str, list[Mention]] = {}
    for doc_id, mention in itertools.compress(zip(doc_ids, found, strict=True), keep):
        group = by_doc.get(doc_id)
        if group is None:
            by_doc[doc_id] = [mention]
        else:
            group.append(mention)
    return by_doc


def extract_reports(
    documents: pd.DataFrame, mentions: pd.DataFrame, places: pd.DataFrame, entities: pd.DataFrame
) -> pa.Table:
    """EVENT_REPORTS rows (event_id null) for ``documents``; see ``extract.py`` for the rules.

    Only per-document inputs are used: the same document always gives the same reports, with
    ``report_id`` a hash of doc_id and character span.
    """
    del entities  # perpetrators come as entity_id on mentions; names are joined at merge time
    pidx = place_index(places)
    by_doc = _mentions_by_doc(mentions)
    rows: list[dict[str, Any]] = []
    doc_cols = _columns(documents, ["doc_id", "text", "published_date"])
    for doc_id, text, pub in zip(*doc_cols, strict=True):
        pub = _clean(pub)
        doc = {
            "doc_id": doc_id,
            "text": text,
            "published_date": pub if isinstance(pub, date) else None,
        }
        rows.extend(extract_document(doc, by_doc.get(doc_id, []), pidx))
    if not rows:
        return schemas.EVENT_REPORTS.empty_table()
    return schemas.conform(rows, schemas.EVENT_REPORTS)
