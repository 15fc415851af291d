"""Suites and SQL checks against small warehouses built by the real builder.

A clean warehouse passes every expectation; each corruption fails the expectation that guards
it, named by suite, expectation and column, with its severity deciding whether it may publish.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date

import duckdb
import pytest

from expectations import validate, vocab
from expectations.sqlchecks import load_checks
from transforms import catalog, schemas

Tables = dict[str, list[dict]]


def test_clean_warehouse_passes_every_expectation(tmp_path, tables, build_warehouse):
    report = validate(build_warehouse(tables), run_id="r1", docs_dir=tmp_path / "docs")
    assert report.failed() == [], [o.line() for o in report.failed()]
    checked = {o.suite for o in report.outcomes}
    assert set(catalog.TABLES) <= checked  # one suite per warehouse table
    assert {f"{c.table}.sql" for c in load_checks()} <= checked
    assert (tmp_path / "docs" / "index.html").is_file()
    rows = report.table()
    assert rows.schema == schemas.VALIDATION_RESULTS
    assert rows.num_rows == len(report.outcomes)
    assert set(rows.column("run_id").to_pylist()) == {"r1"}


def _set(table: str, **values) -> Callable[[Tables], None]:
    def apply(t: Tables) -> None:
        t[table][0].update(values)

    return apply


def _dup_event(t: Tables) -> None:
    t["events"].append(dict(t["events"][0]))


def _orphan_event(t: Tables) -> None:
    t["events"].append({**t["events"][0], "event_id": "e2"})


def _both(table: str, **values) -> Callable[[Tables], None]:
    def apply(t: Tables) -> None:
        for row in t[table]:
            row.update(values)

    return apply


# (corruption, table validated, suite, expectation, column, severity)
CASES = [
    (_set("events", latitude=999.0), "events", "events",
     "expect_column_values_to_be_between", "latitude", "critical"),
    (_dup_event, "events", "events", "expect_column_values_to_be_unique", "event_id", "critical"),
    (_set("events", killed_low=5), "events", "events",
     "expect_column_pair_values_a_to_be_greater_than_b", "killed_low,killed_high", "critical"),
    (_set("events", wounded_best=-1), "events", "events",
     "expect_column_values_to_be_between", "wounded_best", "critical"),
    (_set("events", killed_low=6000, killed_best=6000, killed_high=6000), "events", "events",
     "expect_column_values_to_be_between", "killed_best", "warning"),
    (_set("events", event_type="Riot"), "events", "events",
     "expect_column_values_to_be_in_set", "event_type", "critical"),
    (_set("events", sub_event_type="Air/drone strike"), "events", "events.sql",
     "events_sub_event_type_of_type", "sub_event_type", "critical"),
    (_set("event_reports", sub_event_type="Sexual violence"), "event_reports",
     "event_reports.sql", "reports_sub_event_type_of_type", "sub_event_type", "critical"),
    (_set("events", sub_event_type="Skirmish"), "events", "events",
     "expect_column_values_to_be_in_set", "sub_event_type", "critical"),
    (_set("events", attribution="maybe"), "events", "events",
     "expect_column_values_to_be_in_set", "attribution", "critical"),
    (_set("events", geo_precision="town"), "events", "events",
     "expect_column_values_to_be_in_set", "geo_precision", "critical"),
    (_set("events", n_documents=3), "events", "events.sql", "events_report_counts",
     "n_documents", "critical"),
    (_orphan_event, "events", "events.sql", "events_have_reports", "event_id", "critical"),
    (_set("events", event_date=date(2026, 2, 25)), "events", "events.sql",
     "events_date_not_after_publication", "event_date", "critical"),
    (_set("events", event_date=date(1899, 12, 31)), "events", "events.sql",
     "events_date_in_range", "event_date", "critical"),
    (_set("events", latitude=33.3, longitude=44.4), "events", "events.sql",
     "events_coordinates_in_country", "latitude, longitude", "critical"),
    (_set("events", latitude=36.2, longitude=37.15), "events", "events.sql",
     "events_coordinates_match_admin1", "admin1", "warning"),
    (_set("events", place_id="nowhere"), "events", "events.sql",
     "events_reference_places", "place_id", "critical"),
    (_set("event_reports", quote="Gunmen killed two soldiers near Mayadin."), "event_reports",
     "event_reports.sql", "report_quotes_in_document", "quote", "critical"),
    (_set("event_reports", doc_id="d9"), "event_reports", "event_reports.sql",
     "reports_reference_documents", "doc_id", "critical"),
    (_set("event_reports", event_date=date(2026, 2, 25)), "event_reports", "event_reports.sql",
     "reports_date_not_after_publication", "event_date", "critical"),
    (_set("event_reports", date_method="guessed"), "event_reports", "event_reports",
     "expect_column_values_to_be_in_set", "date_method", "critical"),
    (_set("entity_mentions", char_start=4, char_end=17), "entity_mentions",
     "entity_mentions.sql", "mention_spans_in_document", "surface", "critical"),
    (_set("entity_mentions", entity_id="ent:nobody"), "entity_mentions", "entity_mentions.sql",
     "mentions_reference_entities", "entity_id", "critical"),
    (_set("entity_mentions", match_method="guess"), "entity_mentions", "entity_mentions",
     "expect_column_values_to_be_in_set", "match_method", "critical"),
    (_set("entity_mentions", role="subject"), "entity_mentions", "entity_mentions",
     "expect_column_values_to_be_in_set", "role", "critical"),
    (_set("entity_mentions", score=95.0), "entity_mentions", "entity_mentions",
     "expect_column_values_to_be_between", "score", "warning"),
    (_set("entity_mentions", char_end=0), "entity_mentions", "entity_mentions",
     "expect_column_pair_values_a_to_be_greater_than_b", "char_start,char_end", "critical"),
    (_set("runs", inputs_seen=4), "runs", "runs.sql", "runs_inputs_accounted", "inputs_seen",
     "critical"),
    (_set("runs", status="done"), "runs", "runs", "expect_column_values_to_be_in_set", "status",
     "critical"),
    (_set("places", latitude=48.85, longitude=2.35), "places", "places.sql",
     "places_coordinates_in_country", "latitude, longitude", "warning"),
    (_set("entities", entity_type="alien"), "entities", "entities",
     "expect_column_values_to_be_in_set", "entity_type", "critical"),
    (_both("documents", doc_id="d1"), "documents", "documents",
     "expect_column_values_to_be_unique", "doc_id", "critical"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("corrupt", "table", "suite", "expectation", "column", "severity"),
    CASES,
    ids=[f"{c[2]}.{c[3]}[{c[4]}]" for c in CASES],
)
def test_corruption_fails_its_expectation(
    tables, build_warehouse, corrupt, table, suite, expectation, column, severity
):
    corrupt(tables)
    report = validate(build_warehouse(tables), tables=[table])
    failed = [(o.suite, o.expectation, o.column, o.severity) for o in report.failed()]
    assert (suite, expectation, column, severity) in failed
    assert report.passed is (severity == vocab.WARNING)


def test_missing_table_is_a_critical_failure(tables, build_warehouse):
    db = build_warehouse(tables)

    with duckdb.connect(str(db)) as con:
        con.execute("drop table event_merges")
    report = validate(db, tables=["event_merges"])
    assert not report.passed
    assert any(
        o.suite == "event_merges" and "missing" in o.observed for o in report.critical_failures
    )


def test_sql_check_headers_name_real_tables_and_columns():
    for check in load_checks():
        assert check.table in catalog.TABLES, check.name
        for col in check.column.split(","):
            assert col.strip() in catalog.TABLES[check.table].names, check.name
        assert check.severity in vocab.SEVERITIES


def test_event_type_pairs_are_closed():
    types = {t for t, _ in vocab.EVENT_TYPE_PAIRS}
    assert types == set(vocab.EVENT_TYPES)
    assert ("Battles", "Air/drone strike") not in vocab.EVENT_TYPE_PAIRS


def test_importing_expectations_does_not_import_great_expectations():
    code = "import sys, expectations; print('great_expectations' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    "prefix",
    ["Ḩalab: ", "e\u0301 combining accent. ", "👨‍👩‍👧 emoji. ", "دير الزور. ", "\r\n\t"],
    ids=["dotted", "combining", "zwj-emoji", "arabic", "control"],
)
def test_spans_are_python_character_offsets(tables, build_warehouse, prefix):
    """The SQL span checks count characters as Python does (code points), whatever the text."""
    shift = len(prefix)
    for doc in tables["documents"]:
        doc["text"] = prefix + doc["text"]
        doc["n_chars"] = len(doc["text"])
    for row in tables["event_reports"] + tables["entity_mentions"]:
        row["char_start"] += shift
        row["char_end"] += shift
    for doc in tables["documents"]:  # the spans are right by Python's own slicing
        report = next(r for r in tables["event_reports"] if r["doc_id"] == doc["doc_id"])
        assert doc["text"][report["char_start"] : report["char_end"]] == report["quote"]
    report = validate(
        build_warehouse(tables), tables=["event_reports", "entity_mentions", "documents"]
    )
    assert report.failed() == [], [o.line() for o in report.failed()]


def _failed(report) -> set[tuple[str, str]]:
    return {(o.suite, o.expectation) for o in report.failed()}


def test_changed_rows_are_checked_row_by_row_and_their_keys_over_the_whole_table(
    tables, build_warehouse
):
    first = tables["entity_mentions"][0]
    first.update(match_method="guess", char_end=first["char_start"] + 3)  # two broken checks
    tables["entity_mentions"].append(dict(tables["entity_mentions"][1]))  # a repeated key
    db = build_warehouse(tables)
    broken = {
        ("entity_mentions", "expect_column_values_to_be_in_set"),
        ("entity_mentions.sql", "mention_spans_in_document"),
    }
    repeated = ("entity_mentions", "expect_column_values_to_be_unique")
    whole = _failed(validate(db))
    assert broken | {repeated} <= whole
    others = _failed(validate(db, changed=_changed(db, f"<> '{first['mention_id']}'")))
    assert not broken & others and repeated in others  # the key repeats across the table
    mine = _failed(validate(db, changed=_changed(db, f"= '{first['mention_id']}'")))
    assert broken <= mine and repeated not in mine  # only the reported rows' keys counted


def _changed(db, test: str) -> dict:
    """The mentions whose id passes ``test`` reported as added by a build."""
    import duckdb

    from transforms.catalog import BY_NAME, RowChange

    key = BY_NAME["entity_mentions"].key_sql
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(f"select {key} from entity_mentions where mention_id {test}").fetchall()
    return {"entity_mentions": RowChange(tuple(r[0] for r in rows))}


HEADLINE = "Two soldiers shot dead outside Mayadin"


def _with_headline_mention(tables: Tables) -> dict:
    """Give d1 a headline naming Mayadin and the mention of it, spans into the title."""
    tables["documents"][0]["title"] = HEADLINE
    start = HEADLINE.index("Mayadin")
    row = {**tables["entity_mentions"][0], "mention_id": f"d1:title:{start}:{start + 7}"}
    row.update(field="title", sentence_no=0, char_start=start, char_end=start + 7,
               surface="Mayadin", entity_id=None, place_id="p1", entity_type="place")  # fmt: skip
    tables["entity_mentions"].append(row)
    return row


def test_a_headline_mention_is_checked_against_the_title(tables, build_warehouse):
    row = _with_headline_mention(tables)
    body = tables["documents"][0]["text"]
    assert body[row["char_start"] : row["char_end"]] != "Mayadin"  # only the title holds it
    report = validate(build_warehouse(tables), tables=["entity_mentions"])
    assert report.failed() == [], [o.line() for o in report.failed()]


@pytest.mark.parametrize(
    ("change", "expectation", "column"),
    [
        # the same offsets read in the body name something else: the field decides
        ({"field": "text"}, "mention_spans_in_document", "surface"),
        ({"char_start": 0, "char_end": 7}, "mention_spans_in_document", "surface"),
        ({"field": "headline"}, "expect_column_values_to_be_in_set", "field"),
        ({"field": None}, "expect_column_values_to_not_be_null", "field"),
    ],
    ids=["read-in-body", "wrong-offsets", "unknown-field", "no-field"],
)
def test_a_headline_mention_that_does_not_trace_fails(
    tables, build_warehouse, change, expectation, column
):
    _with_headline_mention(tables).update(change)
    report = validate(build_warehouse(tables), tables=["entity_mentions"])
    failed = {(o.expectation, o.column, o.severity) for o in report.failed()}
    assert (expectation, column, vocab.CRITICAL) in failed
    assert not report.passed
