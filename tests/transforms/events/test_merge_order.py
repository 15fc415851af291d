"""merge_events' bookkeeping on columns: reports split by area as the plain Python reading of
``area_of`` splits them."""

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
