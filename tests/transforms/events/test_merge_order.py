"""merge_events' bookkeeping on columns: reports split by area, outputs sorted (once when report
and merge rows list the same reports), each equal to the plain Python reading of it."""

from __future__ import annotations

import importlib
import random

import pyarrow as pa

from transforms.events import place_index
from transforms.events.clusters import area_of

dedup = importlib.import_module("transforms.events.dedup")


def test_reports_split_by_area_as_one_by_one(places):
    pidx = place_index(places)
    rng = random.Random(7)
    pool = ["t_may", "g_dez", "t_raq", "g_raq", "t_pal", "c_sy", "t_dez_town", "unknown", None]
    ids = [rng.choice(pool) for _ in range(500)]
    column = pa.chunked_array([pa.array(ids[:200]), pa.array(ids[200:])])  # lake parts
    by_area: dict[str, list[int]] = {}
    for i, pid in enumerate(ids):
        by_area.setdefault(area_of(pid, pidx), []).append(i)
    expected = [rows for _area, rows in sorted(by_area.items())]
    got = [a.to_pylist() for a in dedup._by_area(column, pidx)]
    assert got == expected and len(got) >= 5  # governorates, a country, an unknown id, none


def _rows(ids, extra):
    return pa.table({"report_id": ids, "x": [f"{extra}{i}" for i in ids]})


def test_outputs_in_key_order_shared_sort_or_each_its_own():
    reports = _rows(["r3", "r1", "r2"], "rep")
    events = pa.table({"event_id": ["e2", "e1"]})
    conflicts = pa.table({"event_id": ["e1", "e1"], "field": ["b", "a"]})
    for merges in (_rows(["r3", "r1", "r2"], "m"), _rows(["r1", "r2", "r3"], "m"),
                   _rows(["r2", "r3"], "m")):  # fmt: skip
        got = dedup._in_order([reports, events, merges, conflicts])
        assert got.reports.equals(dedup.ordered(reports, ["report_id"]))
        assert got.merges.equals(dedup.ordered(merges, ["report_id"]))
        assert got.events.column("event_id").to_pylist() == ["e1", "e2"]
        assert got.conflicts.column("field").to_pylist() == ["a", "b"]
