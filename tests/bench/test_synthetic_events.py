"""Synthetic events for the mart benchmark conform to the events schema and are reproducible."""

from __future__ import annotations

import duckdb
import pyarrow.compute as pc

from bench.synthetic_events import events_table
from transforms import schemas


def test_conforms_and_is_reproducible():
    table = events_table(5000, seed=3)
    assert table.schema == schemas.EVENTS
    assert table.num_rows == 5000
    assert table.equals(events_table(5000, seed=3))
    assert not table.equals(events_table(5000, seed=4))
    assert pc.count_distinct(table.column("event_id")).as_py() == 5000


def test_has_the_spread_a_mart_groups_over():
    table = events_table(20000, seed=1)
    con = duckdb.connect()
    con.register("events", table)
    places, types, unknown = con.execute(
        "select count(distinct place_id), count(distinct event_type), "
        "count(*) filter (where killed_best is null) from events"
    ).fetchone()
    assert places > 200 and types >= 4 and 0 < unknown < 20000
    # a few towns get most attacks, as in the news
    top = con.execute(
        "select count(*) from events group by place_id order by 1 desc limit 10"
    ).fetchall()
    assert sum(n for (n,) in top) > 20000 * 0.25
