"""bench.heavy_run: the issue's table of `sitrep run` on N copies, read from real warehouses."""

from __future__ import annotations

from pathlib import Path

import duckdb

from bench.heavy_run import day_events, report


def _warehouse(path: Path, rows: list[tuple]) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute(
            "CREATE TABLE events (location VARCHAR, event_date DATE, n_documents INTEGER, "
            "n_sources INTEGER)"
        )
        con.executemany("INSERT INTO events VALUES (?, ?, ?, ?)", rows)
    return path


def test_day_events_are_the_published_events_of_the_story_day_only(tmp_path):
    db = _warehouse(
        tmp_path / "w.duckdb",
        [
            ("Mayadin", "2026-02-21", 400, 100),
            ("Ar Raqqah", "2026-02-21", 320, 99),
            ("Ar Raqqah", "2026-02-20", 1, 1),  # another day: not the story's
        ],
    )
    assert day_events(db) == [
        {"location": "Ar Raqqah", "n_documents": 320, "n_sources": 99},
        {"location": "Mayadin", "n_documents": 400, "n_sources": 100},
    ]


def test_report_gives_growth_against_the_growth_of_n_and_says_when_a_run_failed():
    day = [{"location": "Mayadin", "n_documents": 500, "n_sources": 500}]
    text = report(
        [
            {"n": 500, "seconds": 30.0, "exit": 0, "events": day},
            {"n": 2000, "seconds": 90.0, "exit": 0, "events": day},
            {"n": 8000, "seconds": 400.0, "exit": 1},
        ]
    )
    rows = text.splitlines()[2:]
    assert rows[0] == "| 500 | 30.0 |  | Mayadin (500 / 500) |"
    assert rows[1].startswith("| 2,000 | 90.0 | 3.00 (4.0) |")
    assert rows[2] == "| 8,000 | 400.0 |  | run failed (exit 1) |"
