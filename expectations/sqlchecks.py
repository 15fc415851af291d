"""The SQL checks of ``expectations/sql``: one query per file returning the violating rows.

Each file starts with a header naming what it checks::

    -- expectation: <one line, read by operators>
    -- table: <table checked>
    -- column: <column(s) named on failure>
    -- severity: critical | warning
    -- growth: safe                      (optional)

``growth: safe`` says that rows added to the other tables it reads (``reads``) cannot break a
row of its table that held before, given the warehouse's other checks (keys unique, references
resolve): an incremental validation may then check only its table's new or changed rows while
those tables only grew. Without it, any change to a table it reads makes it check every row.

Values (dates, margins) are bound parameters (``$name``); the countries' bounding boxes are
the relation ``country_bbox``, ACLED's (event_type, sub_event_type) pairs ``event_type_pairs``.
No great_expectations here: this runs on any DuckDB connection.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from expectations import vocab

SQL_DIR = Path(__file__).parent / "sql"
_HEADER = re.compile(r"^--\s*(expectation|table|column|severity|growth):\s*(.+?)\s*$", re.MULTILINE)
_PARAM = re.compile(r"\$([a-z_]+)")
_READS = re.compile(r"\b(?:from|join)\s+\"?([a-z_][a-z0-9_]*)", re.IGNORECASE)


@dataclass(frozen=True)
class SqlCheck:
    name: str
    description: str
    table: str
    column: str
    severity: str
    sql: str
    reads: frozenset[str] = frozenset()  # the other warehouse tables its query reads
    growth_safe: bool = False


def _body(sql: str) -> str:
    return "\n".join(ln for ln in sql.splitlines() if not ln.startswith("--"))


def _reads(table: str, sql: str) -> frozenset[str]:
    """Warehouse tables named after ``from``/``join`` in ``sql``, but ``table`` itself."""
    from transforms import catalog

    return frozenset(n for n in _READS.findall(_body(sql)) if n in catalog.TABLES) - {table}


@dataclass(frozen=True)
class SqlOutcome:
    check: SqlCheck
    violations: int
    sample: list[dict]
    error: str | None = None


def params() -> dict[str, object]:
    return {
        "min_event_date": vocab.MIN_EVENT_DATE,
        "margin": vocab.ADMIN1_MARGIN_DEG,
        "min_places": vocab.ADMIN1_MIN_PLACES,
    }


def load_checks(sql_dir: Path = SQL_DIR) -> list[SqlCheck]:
    checks = []
    for path in sorted(sql_dir.glob("*.sql")):
        text = path.read_text()
        head = dict(_HEADER.findall(text))
        missing = {"expectation", "table", "column", "severity"} - head.keys()
        if missing or head["severity"] not in vocab.SEVERITIES:
            raise ValueError(f"{path.name}: bad header (missing {sorted(missing)})")
        if head.get("growth", "safe") != "safe":
            raise ValueError(f"{path.name}: growth is 'safe' or absent, not {head['growth']!r}")
        checks.append(
            SqlCheck(
                path.stem,
                head["expectation"],
                head["table"],
                head["column"],
                head["severity"],
                text,
                _reads(head["table"], text),
                "growth" in head,
            )
        )
    return checks


def _country_boxes() -> pa.Table:
    codes = list(vocab.COUNTRY_BBOX)
    boxes = list(vocab.COUNTRY_BBOX.values())
    return pa.table(
        {
            "country_code": codes,
            **{
                k: [b[i] for b in boxes]
                for i, k in enumerate(("min_lat", "max_lat", "min_lon", "max_lon"))
            },
        }
    )


def _type_pairs() -> pa.Table:
    return pa.table(
        {
            "event_type": [t for t, _ in vocab.EVENT_TYPE_PAIRS],
            "sub_event_type": [s for _, s in vocab.EVENT_TYPE_PAIRS],
        }
    )


RELATIONS = {"country_bbox": _country_boxes, "event_type_pairs": _type_pairs}


def run_checks(
    con: duckdb.DuckDBPyConnection,
    checks: list[SqlCheck] | None = None,
    restrict: dict[str, str] | None = None,
    where_of: Callable[[SqlCheck], str | None] | None = None,
) -> list[SqlOutcome]:
    """Run every check; a query that errors (a missing table) counts as failed, with the error.

    ``restrict`` maps a table to a predicate on its rows: a check of that table (its ``table:``
    header) sees only those rows, through a temporary table of the same name; the tables it
    looks things up in stay whole. ``where_of`` (instead) gives each check its predicate (None:
    every row).
    """
    checks = load_checks() if checks is None else checks
    values = params()
    for name, make in RELATIONS.items():
        con.register(name, make())
    out = []
    db = con.execute("select current_database()").fetchone()[0]  # type: ignore[index]
    try:
        for check in checks:
            where = where_of(check) if where_of else (restrict or {}).get(check.table)
            if where:
                # A table, not a view: DuckDB then knows how few rows it holds and builds its
                # joins on them, not on the table looked up (a document text join spilled).
                con.execute(
                    f'CREATE OR REPLACE TEMP TABLE "{check.table}" AS '
                    f'SELECT * FROM "{db}".main."{check.table}" WHERE {where}'
                )
            body = _body(check.sql)
            used = {k: values[k] for k in _PARAM.findall(body)}
            # The count alone first: most checks find nothing, and a count lets DuckDB drop the
            # columns it does not compare (mention spans over 100k documents: 5.3 s -> 11.5 s
            # as one pass with a window count); the sample is read only when something failed.
            try:
                n = con.execute(f"select count(*) from ({body})", used).fetchone()[0]  # type: ignore[index]
                sample = f"select * from ({body}) limit {vocab.SAMPLE_ROWS}"
                rows = con.execute(sample, used).to_arrow_table().to_pylist() if n else []
            except duckdb.Error as exc:
                out.append(SqlOutcome(check, -1, [], f"{type(exc).__name__}: {exc}"))
                continue
            finally:
                if where:
                    con.execute(f'DROP TABLE IF EXISTS temp.main."{check.table}"')
            out.append(SqlOutcome(check, int(n), rows))
    finally:
        for name in RELATIONS:
            con.unregister(name)
    return out
