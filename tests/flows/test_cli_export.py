"""`sitrep export` from the command line: files where asked (or beside the warehouse), clear
refusals with exit code 2."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.warehouse.test_export import warehouse  # noqa: F401  (the fixture)


def _run(*args):
    return CliRunner().invoke(app, ["export", *map(str, args)])


def test_acled_and_geojson_land_beside_the_warehouse(warehouse):  # noqa: F811
    res = _run("--format", "acled", "--warehouse", warehouse)
    assert res.exit_code == 0, res.output
    with (warehouse.parent / "events_acled.csv").open(newline="") as fh:
        assert next(csv.reader(fh))[:3] == ["event_id_cnty", "event_date", "year"]
    res = _run("-f", "geojson", "--warehouse", warehouse)
    assert res.exit_code == 0, res.output
    doc = json.loads((warehouse.parent / "events.geojson").read_text())
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 2


def test_a_table_to_the_file_asked_for(warehouse, tmp_path):  # noqa: F811
    out = tmp_path / "sub" / "days.csv"
    res = _run("-f", "csv", "-t", "attacks_by_day", "-o", out, "--warehouse", warehouse)
    assert res.exit_code == 0, res.output
    with out.open(newline="") as fh:
        assert next(csv.reader(fh)) == ["event_date", "n"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["-f", "parquet"], "needs --table"),
        (["-f", "acled", "-t", "events"], "--table goes with"),
        (["-f", "csv", "-t", "nope"], "no table or view 'nope'"),
    ],
)
def test_bad_usage_exits_2_and_says_why(warehouse, args, message):  # noqa: F811
    res = _run(*args, "--warehouse", warehouse)
    assert res.exit_code == 2 and message in res.output


def test_no_warehouse_exits_2(tmp_path):
    res = _run("-f", "acled", "--warehouse", tmp_path / "none.duckdb")
    assert res.exit_code == 2 and "no warehouse" in res.output
