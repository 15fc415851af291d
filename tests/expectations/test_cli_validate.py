"""``sitrep validate`` on published warehouses: clean passes, tampering is named."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from flows.cli import app

TAMPERING = [
    # (what an analyst's tool did to the published file, the expectation it must name)
    ("update events set latitude = 999", "events.expect_column_values_to_be_between [latitude]"),
    (
        "insert into events select * from events",
        "events.expect_column_values_to_be_unique [event_id]",
    ),
    (
        "update events set killed_low = killed_high + 1",
        "events.expect_column_pair_values_a_to_be_greater_than_b [killed_low,killed_high]",
    ),
]


def _tamper(db: Path, statements: list[str]) -> None:
    import duckdb

    with duckdb.connect(str(db)) as con:
        for sql in statements:
            con.execute(sql)


def test_validate_passes_a_clean_warehouse(tables, build_warehouse, tmp_path):
    db = build_warehouse(tables)
    result = CliRunner().invoke(
        app,
        ["validate", "--warehouse", str(db), "--docs", str(tmp_path / "docs")],
    )
    assert result.exit_code == 0, result.output
    assert "0 critical failed" in result.output
    assert "FAILED" not in result.output
    assert (tmp_path / "docs" / "index.html").is_file()


def test_validate_names_each_tampering(tables, build_warehouse):
    db = build_warehouse(tables)
    _tamper(db, [sql for sql, _ in TAMPERING])
    result = CliRunner().invoke(app, ["validate", "--warehouse", str(db)])
    assert result.exit_code == 1, result.output
    for _, named in TAMPERING:
        assert f"FAILED CRITICAL {named}" in result.output


def test_validate_names_a_warning_but_passes(tables, build_warehouse):
    db = build_warehouse(tables)
    _tamper(db, ["update events set killed_low = 6000, killed_best = 6000, killed_high = 6000"])
    result = CliRunner().invoke(app, ["validate", "--warehouse", str(db)])
    assert result.exit_code == 0, result.output
    assert "FAILED WARNING events.expect_column_values_to_be_between [killed_high]" in result.output


def test_validate_without_a_warehouse_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["validate", "--warehouse", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2


def test_sitrep_validate_command_exits_non_zero(tables, build_warehouse):
    """The installed entry point, as an operator runs it."""
    db = build_warehouse(tables)
    _tamper(db, [TAMPERING[0][0]])
    sitrep = Path(sys.executable).with_name("sitrep")
    out = subprocess.run(
        [str(sitrep), "validate", "--warehouse", str(db)],
        capture_output=True,
        text=True,
        env={**os.environ, "GX_ANALYTICS_ENABLED": "False", "DO_NOT_TRACK": "1"},
        timeout=300,
    )
    assert out.returncode == 1, out.stderr
    assert TAMPERING[0][1] in out.stdout
