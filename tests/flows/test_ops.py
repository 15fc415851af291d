"""Operations without Prefect: `sitrep sql`, `sitrep report`, the run summary's content."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.artifacts import find_run_id, run_summary, summary_markdown
from flows.cli import app
from flows.settings import RunSettings
from warehouse.lake import Lake

runner = CliRunner()


@pytest.fixture
def warehouse(small_warehouse: Path) -> Path:
    return small_warehouse


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sql_answers_a_select_as_csv_and_json(warehouse):
    q = "select admin1, count(*) as n from events group by admin1 order by admin1"
    res = runner.invoke(app, ["sql", q, "--warehouse", str(warehouse), "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert list(csv.reader(io.StringIO(res.stdout))) == [
        ["admin1", "n"],
        ["Aleppo", "2"],
        ["Nineveh", "2"],
    ]
    res = runner.invoke(
        app,
        [
            "sql",
            "select event_id, event_date from events where event_id = 'e1'",
            "--warehouse",
            str(warehouse),
            "-f",
            "json",
        ],
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == [{"event_id": "e1", "event_date": "2025-03-01"}]


def test_sql_table_shows_values_verbatim(warehouse):
    res = runner.invoke(
        app, ["sql", "select '[Reuters] [red]x[/red]' as \"[q]\"", "--warehouse", str(warehouse)]
    )
    assert res.exit_code == 0, res.output
    assert "[Reuters] [red]x[/red]" in res.stdout and "[q]" in res.stdout


def test_sql_table_format_shows_rows(warehouse):
    res = runner.invoke(
        app,
        ["sql", "select location from events where event_id = 'e3'", "--warehouse", str(warehouse)],
    )
    assert res.exit_code == 0, res.output
    assert "Mosul" in res.stdout and "1 row(s)" in res.stdout


@pytest.mark.parametrize(
    "query",
    [
        "drop table events",
        "DROP VIEW IF EXISTS events",
        "select 1; drop table events",
        "delete from events",
        "update events set killed_best = 0",
        "create table x as select 1",
        "copy events to 'out.csv'",
        "attach ':memory:' as other",
        "insert into events (event_id) values ('zz')",
    ],
)
def test_sql_refuses_writes_and_leaves_the_warehouse_unchanged(warehouse, query):
    before = _sha(warehouse)
    res = runner.invoke(app, ["sql", query, "--warehouse", str(warehouse)])
    assert res.exit_code == 1
    assert "refused" in res.output and "read-only" in res.output
    assert _sha(warehouse) == before
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select count(*) from events").fetchone() == (4,)


def test_sql_errors_and_usage(warehouse, tmp_path):
    res = runner.invoke(app, ["sql", "select * from no_such_table", "--warehouse", str(warehouse)])
    assert res.exit_code == 1 and "query failed" in res.output
    res = runner.invoke(app, ["sql", "select 1", "--warehouse", str(tmp_path / "absent.duckdb")])
    assert res.exit_code == 2 and "no warehouse" in res.output
    res = runner.invoke(app, ["sql", "select 1", "--warehouse", str(warehouse), "-f", "xml"])
    assert res.exit_code == 2


def test_report_command_writes_a_page(warehouse, tmp_path):
    out = tmp_path / "out" / "r.html"
    res = runner.invoke(app, ["report", "--warehouse", str(warehouse), "--output", str(out)])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert page.count('<tr id="event-') == 4
    assert "Mosul" in page and "Outlet B" in page
    res = runner.invoke(app, ["report", "--warehouse", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2


def test_report_default_output_is_beside_the_warehouse(warehouse):
    res = runner.invoke(app, ["report", "--warehouse", str(warehouse)])
    assert res.exit_code == 0, res.output
    assert (warehouse.parent / "report.html").is_file()


def test_run_summary_reads_the_runs_ledger(warehouse, small_run_id):
    RUN_ID = small_run_id
    settings = RunSettings(warehouse=str(warehouse))
    summary = run_summary(Lake(settings.lake_root), settings, RUN_ID)
    assert summary["inputs_seen"] == 4
    assert summary["documents_loaded"] == 3 and summary["documents_new"] == 2
    assert summary["reasons"] == {"empty": 1}
    assert summary["rejected"] == [
        {"uri": "/inbox/empty.txt", "reason": "empty", "detail": "no text after cleaning"}
    ]
    md = summary_markdown(summary)
    assert md.startswith(f"# sitrep run {RUN_ID}: published")
    assert "| inputs seen | 4 |" in md and "| of which new | 2 |" in md
    assert "| empty | 1 |" in md and "no text after cleaning" in md
    assert "| new events | 3 |" in md and "| updated events (new reports) | 1 |" in md
    assert "No validation results" in md


def test_a_failed_run_is_named_by_the_id_its_error_carries_else_by_the_ledger(
    warehouse, small_run_id
):
    from flows.artifacts import carry_run_id
    from warehouse.storage import lake_dir

    lake = Lake(lake_dir(warehouse))
    error = RuntimeError("extraction broke")
    carry_run_id(error, "20250304T100000Z-cafe0001")
    assert find_run_id(lake, "fr-1", error) == "20250304T100000Z-cafe0001"
    # no id carried (it failed before it had one, or the hook got the state's message only):
    # the runs ledger's record of the flow run, else none, never a guess
    assert find_run_id(lake, "fr-1", RuntimeError("lock busy")) == small_run_id
    assert find_run_id(lake, "fr-2", None) is None


@pytest.mark.parametrize(
    ("checks", "verdict"),
    [
        ([], "No validation results"),
        ([{"success": True, "severity": "critical"}], "1 expectations checked: passed."),
        (
            [
                {"success": True, "severity": "critical"},
                {"success": False, "severity": "warning", "expectation": "expect_x"},
            ],
            "passed with 1 warning(s)",
        ),
        (
            [
                {
                    "success": False,
                    "severity": "critical",
                    "suite": "events",
                    "expectation": "expect_column_values_to_be_between",
                    "column": "latitude",
                    "observed": "999",
                }
            ],
            "**failed**: 1 critical expectation(s) not met",
        ),
    ],
)
def test_summary_validation_outcome(checks, verdict):
    md = summary_markdown({"run_id": "r", "run": {"status": "published"}, "validation": checks})
    assert verdict in md
    for c in checks:
        if not c["success"]:
            assert c["expectation"] in md


def test_summary_of_a_failed_run_says_why():
    md = summary_markdown({"run_id": None}, error="StrictModeError: 2 input(s) rejected")
    assert "failed" in md.splitlines()[0]
    assert "## Why it failed" in md and "StrictModeError: 2 input(s) rejected" in md


def test_no_local_ui_means_no_api_url():
    import socket

    from flows.cli_ops import local_ui_api_url

    with socket.socket() as s:  # a port nothing listens on once this closes
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert local_ui_api_url("127.0.0.1", port) is None


def test_report_tables_limit_the_listed_events_not_the_counts(warehouse):
    from warehouse.report_data import report_tables

    tables = report_tables(warehouse, max_events=2)
    assert tables["events"].column("event_id").to_pylist() == ["e2", "e3"]  # newest first
    assert set(tables["event_sources"].column("event_id").to_pylist()) == {"e2", "e3"}
    assert tables["totals"].to_pylist() == [
        {"events": 4, "killed": 14, "wounded": 15, "outlets": 3, "located": 3}
    ]
    assert sum(tables["by_governorate"].column("attacks").to_pylist()) == 4
    points = tables["event_points"].to_pylist()
    assert sorted(p["location"] for p in points) == ["Al Bab", "Aleppo", "Mosul"]
    # The map keeps the most attacked places; each has one attack here, so the earliest stays.
    one = report_tables(warehouse, max_places=1)["event_points"].to_pylist()
    assert [(p["location"], p["attacks"]) for p in one] == [("Aleppo", 1)]


def test_events_known_only_to_the_country_are_not_mapped(warehouse):
    from warehouse.report_data import report_tables

    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "insert into places (place_id, name, country_code, latitude, longitude, precision) "
            "values ('c:SY', 'Syria', 'SY', 35.0, 38.5, 'country')"
        )
        con.execute(
            "insert into events (event_id, event_date, location, country_code, latitude, "
            "longitude, place_id, killed_best) "
            "values ('e5', '2025-03-02', 'Syria', 'SY', 35.0, 38.5, 'c:SY', 1)"
        )
    tables = report_tables(warehouse)
    totals = tables["totals"].to_pylist()[0]
    assert (totals["events"], totals["located"]) == (5, 3)
    assert "Syria" not in tables["event_points"].column("location").to_pylist()
    assert "e5" in tables["events"].column("event_id").to_pylist()  # still listed


def test_a_stop_wrapped_in_an_exception_group_is_a_clean_stop():
    from flows.serve import only_stops

    exit_in_a_task = BaseExceptionGroup("loops", [BaseExceptionGroup("poll", [SystemExit(0)])])
    assert only_stops(exit_in_a_task)
    assert only_stops(BaseExceptionGroup("loops", [KeyboardInterrupt(), SystemExit(None)]))
    # counter-examples: a failure beside the stop, or an exit with an error code, is no stop
    assert not only_stops(BaseExceptionGroup("loops", [SystemExit(0), ConnectionError("x")]))
    assert not only_stops(BaseExceptionGroup("loops", [SystemExit(2)]))


@pytest.mark.parametrize("spec", ["notes", "body=notes"])
def test_run_refuses_a_bad_field_mapping_before_starting(spec, tmp_path):
    res = runner.invoke(app, ["run", "--field", spec, "--warehouse", str(tmp_path / "w.duckdb")])
    assert res.exit_code == 2 and "ROLE=FIELD" in res.output
    assert not (tmp_path / "w.duckdb").exists()
