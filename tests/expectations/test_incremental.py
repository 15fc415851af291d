"""An incremental check of a staged file (the run's gate) catches what its new or changed rows
break, duplicate keys between new and old rows included, and the full check (``sitrep
validate``) still catches everything. GX is the one engine (``expectations.validate``).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from expectations import specs, validate
from tests.expectations.conftest import write_lake
from transforms import catalog
from warehouse.db import build_database, update_database

COUNTS = re.compile(r"^(-?\d+) (?:unexpected of (\d+)|violating rows)")


def _verdicts(report) -> list[tuple]:
    """(suite, expectation, column, severity, success, counts) per outcome, sorted (GX lists a
    suite's results grouped by column, not in suite order)."""
    out = []
    for o in report.outcomes:
        m = COUNTS.match(o.observed)
        counts = (m[1], m[2]) if m else o.observed
        out.append((o.suite, o.expectation, o.column, o.severity, o.success, counts))
    return sorted(out, key=repr)


def _edge_values(t: dict[str, list[dict]]) -> None:
    """Nulls, NaN, a repeated compound key with a null part, values at the bounds."""
    t["places"].append({**t["places"][0], "place_id": "p4", "latitude": float("nan"),
                        "longitude": None, "country_code": "sy"})  # fmt: skip
    t["places"].append({**t["places"][0], "place_id": None, "longitude": 180.0})
    t["entity_mentions"][0].update(score=None, char_end=None, role="subject")
    t["entity_mentions"][1].update(score=float("nan"), char_start=-1)
    t["event_conflicts"] = [{"event_id": "e1", "field": None}, {"event_id": "e1", "field": None},
                            {"event_id": None, "field": None}]  # fmt: skip
    t["rejected_documents"].append(dict(t["rejected_documents"][0]))


# What the edges break, as GX judges (pandas semantics): a null or NaN is missing, not
# unexpected (score, latitude pass "between"), a bound is inside (longitude 180), a pair with a
# null side is not considered (char_end > char_start), nulls in a compound key compare equal.
EDGE_FAILURES = {
    ("entity_mentions", "expect_column_values_to_be_between", "char_start"),
    ("entity_mentions", "expect_column_values_to_be_in_set", "role"),
    ("entity_mentions", "expect_column_values_to_not_be_null", "char_end"),
    ("entity_mentions.sql", "mention_spans_in_document", "surface"),
    ("event_conflicts", "expect_column_values_to_not_be_null", "event_id"),
    ("event_conflicts", "expect_column_values_to_not_be_null", "field"),
    ("event_conflicts", "expect_compound_columns_to_be_unique", "event_id,field"),
    ("places", "expect_column_values_to_match_regex", "country_code"),
    ("places", "expect_column_values_to_not_be_null", "place_id"),
    ("places.sql", "places_coordinates_in_country", "latitude, longitude"),
    ("rejected_documents", "expect_compound_columns_to_be_unique", "uri,content_sha256"),
}


def test_nulls_nan_and_compound_keys_fail_where_gx_says(tables, build_warehouse):
    _edge_values(tables)
    assert _failed(validate(build_warehouse(tables))) == EDGE_FAILURES


def test_every_spec_builds_the_gx_suite():
    import great_expectations as gx

    from expectations import suites

    gx.get_context(mode="ephemeral")
    for table, build in specs.SPECS.items():
        suite = suites.build_suite(table)
        built = [(e.expectation_type, e.configuration.meta) for e in suite.expectations]
        assert built == [(s.type, s.meta) for s in build()]


# -- incremental: a staged file updated from a published one ---------------------------------
TEXT3 = "Gunmen attacked a checkpoint near Abu Kamal. Islamic State claimed the attack."


def _new_document(t: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """What a run adds to the lake: a document with its mention and its run ledger rows."""
    doc = {**t["documents"][0], "doc_id": "d3", "uri": "file:///a3.txt", "text": TEXT3,
           "n_chars": len(TEXT3), "run_id": "run2"}  # fmt: skip
    start = TEXT3.index("Islamic State")
    mention = {**t["entity_mentions"][0], "mention_id": "m3", "doc_id": "d3",
               "char_start": start, "char_end": start + len("Islamic State")}  # fmt: skip
    ledger = {**t["run_inputs"][0], "run_id": "run2", "uri": "file:///a3.txt", "doc_id": "d3"}
    return {"documents": [doc], "entity_mentions": [mention], "run_inputs": [ledger]}


def _staged(tmp_path: Path, tables: dict[str, list[dict]], added: dict[str, list[dict]],
            replaced: dict[str, list[dict]] | None = None
            ) -> tuple[Path, dict[str, catalog.RowChange]]:  # fmt: skip
    """(staged, changed): a copy of the file built from ``tables`` by "run1", updated
    (``update_database``) with what "run2" passed forward: ``added`` as new lake parts, and
    ``replaced`` tables rewritten (a keyed table's rows by their events, another whole)."""
    from transforms.schemas import conform
    from warehouse.db import LAKE_SOURCES

    lake = write_lake(tmp_path / "lake", tables)
    published = tmp_path / "published.duckdb"
    build_database(published, lake, run_id="run1")
    changes = catalog.Changes()
    for name, rows in added.items():
        source = LAKE_SOURCES.get(name, (name,))[0]
        changes.wrote(source, lake.write_part(source, conform(rows, catalog.TABLES[name]), "run2"))
    for name, rows in (replaced or {}).items():
        source = LAKE_SOURCES.get(name, (name,))[0]
        lake.write_current(source, conform(rows, catalog.TABLES[name]))
        keyed = catalog.BY_NAME[name].delta_key
        changes.rewrote(source, [r[keyed] for r in rows + tables[name]] if keyed else None)
    staged = tmp_path / "staged.duckdb"
    shutil.copyfile(published, staged)
    updated = update_database(staged, lake, changes, "run1", "run2")
    assert updated is not None  # an update, not a build from scratch
    return staged, updated[1]


def _incremental(staged: Path, changed: dict[str, catalog.RowChange]):
    return validate(staged, changed=changed)


def _failed(report) -> set[tuple[str, str, str | None]]:
    return {(o.suite, o.expectation, o.column) for o in report.failed()}


def test_incremental_checks_only_new_and_changed_rows(tmp_path, tables):
    staged, changed = _staged(tmp_path, tables, _new_document(tables))
    report = _incremental(staged, changed)
    assert report.failed() == [], [o.line() for o in report.failed()]
    # the new document, its mention and ledger row; no table replaced with other rows
    assert {t: n for t, n in report.checked_rows.items() if n} == {
        "documents": 1, "entity_mentions": 1, "run_inputs": 1}  # fmt: skip
    assert {o.suite for o in report.outcomes} >= set(catalog.TABLES)
    assert _verdicts(report) != _verdicts(validate(staged))  # fewer rows counted


@pytest.mark.parametrize(
    ("plant", "expected"),
    [
        (
            lambda a: a["entity_mentions"][0].update(match_method="guess"),
            ("entity_mentions", "expect_column_values_to_be_in_set", "match_method"),
        ),
        (
            lambda a: a["entity_mentions"][0].update(char_start=2),
            ("entity_mentions.sql", "mention_spans_in_document", "surface"),
        ),
        (
            lambda a: a["documents"][0].update(uri=None),
            ("documents", "expect_column_values_to_not_be_null", "uri"),
        ),
        (
            lambda a: a["entity_mentions"][0].update(entity_id="ent:nobody"),
            ("entity_mentions.sql", "mentions_reference_entities", "entity_id"),
        ),
    ],
    ids=["row-wise", "sql-check", "null", "reference"],
)
def test_incremental_catches_a_violation_planted_in_new_rows(tmp_path, tables, plant, expected):
    added = _new_document(tables)
    plant(added)
    staged, changed = _staged(tmp_path, tables, added)
    assert expected in _failed(_incremental(staged, changed))
    assert expected in _failed(validate(staged))  # GX on the whole file agrees


@pytest.mark.parametrize(
    ("table", "key", "column"),
    [("documents", "doc_id", "doc_id"), ("entity_mentions", "mention_id", "mention_id")],
)
def test_incremental_catches_a_new_key_repeating_an_old_one(tmp_path, tables, table, key, column):
    added = _new_document(tables)
    added[table][0][key] = tables[table][0][key]  # a new row reuses a published key
    staged, changed = _staged(tmp_path, tables, added)
    expected = (table, "expect_column_values_to_be_unique", column)
    assert expected in _failed(_incremental(staged, changed))
    assert expected in _failed(validate(staged))


def test_incremental_catches_a_new_row_identical_to_an_old_one(tmp_path, tables):
    """An exact copy of a validated row passes row by row, never its key's uniqueness."""
    added = _new_document(tables)
    added["documents"] = [dict(tables["documents"][0])]
    staged, changed = _staged(tmp_path, tables, added)
    report = _incremental(staged, changed)
    assert report.checked_rows["documents"] == 2  # the copy, and the row it repeats the key of
    assert ("documents", "expect_column_values_to_be_unique", "doc_id") in _failed(report)


def test_incremental_checks_replaced_tables_changed_rows(tmp_path, tables):
    """An event rewritten by the run is checked; a duplicated event repeats its key."""
    events = [dict(tables["events"][0], latitude=999.0)]
    staged, changed = _staged(tmp_path, tables, _new_document(tables), {"events": events})
    report = _incremental(staged, changed)
    assert report.checked_rows["events"] == 1
    assert ("events", "expect_column_values_to_be_between", "latitude") in _failed(report)

    twice = [dict(tables["events"][0]), dict(tables["events"][0])]
    staged, changed = _staged(tmp_path / "dup", tables, _new_document(tables), {"events": twice})
    report = _incremental(staged, changed)
    assert ("events", "expect_column_values_to_be_unique", "event_id") in _failed(report)


def _rediscovered(tmp_path: Path, tables: dict[str, list[dict]], mention_id: str):
    """(staged, changed): a file whose discovered mention "m9" the run rewrites (the
    corpus-wide discovered mentions are rewritten by key, not appended) as ``mention_id``."""
    from transforms.schemas import ENTITY_MENTIONS, conform

    found = {**tables["entity_mentions"][0], "mention_id": "m9", "match_method": "discovered"}
    lake = write_lake(tmp_path / "lake", tables)
    lake.write_current("mentions_discovered", conform([found], ENTITY_MENTIONS))
    published = tmp_path / "published.duckdb"
    build_database(published, lake, run_id="run1")
    lake.write_current(
        "mentions_discovered", conform([{**found, "mention_id": mention_id}], ENTITY_MENTIONS)
    )
    changes = catalog.Changes()
    changes.rewrote("mentions_discovered", ["m9", mention_id])
    staged = tmp_path / "staged.duckdb"
    shutil.copyfile(published, staged)
    updated = update_database(staged, lake, changes, "run1", "run2")
    assert updated is not None and not updated[1]["entity_mentions"].grown
    return staged, updated[1]


def test_a_rewritten_row_repeating_a_kept_rows_key_fails(tmp_path, tables):
    """A table the run rewrote rows of (not only grew) has the keys of those rows counted over
    the whole table: a rewritten discovered mention taking an old mention's id fails, though
    the old one is not checked again."""
    staged, changed = _rediscovered(tmp_path, tables, "m1")
    report = _incremental(staged, changed)
    assert report.checked_rows["entity_mentions"] == 2  # the rewritten row and the one it repeats
    unique = ("entity_mentions", "expect_column_values_to_be_unique", "mention_id")
    assert unique in _failed(report)
    assert unique in _failed(validate(staged))
    staged, changed = _rediscovered(tmp_path / "ok", tables, "m8")
    assert unique not in _failed(_incremental(staged, changed))


def test_a_key_repeated_among_kept_rows_is_left_to_the_full_check(tmp_path, tables):
    """Keys of rows the run did not touch are not counted again (the published file passed its
    uniqueness checks); ``sitrep validate`` still counts every key of every table."""
    staged, changed = _rediscovered(tmp_path, tables, "m8")
    with duckdb.connect(str(staged)) as con:  # an old row copied in place, outside any run
        con.execute(
            "insert into entity_mentions select * from entity_mentions where mention_id = 'm2'"
        )
    unique = ("entity_mentions", "expect_column_values_to_be_unique", "mention_id")
    assert unique not in _failed(_incremental(staged, changed))
    assert unique in _failed(validate(staged))


def test_a_check_reading_a_changed_table_checks_its_whole_table(tmp_path, tables):
    """An entity removed by the run breaks an old mention's reference: no new row is involved,
    the check of every mention finds it."""
    staged, changed = _staged(tmp_path, tables, _new_document(tables), {"entities": [
        {**tables["entities"][0], "entity_id": "ent:other"}]})  # fmt: skip
    failed = _failed(_incremental(staged, changed))
    assert ("entity_mentions.sql", "mentions_reference_entities", "entity_id") in failed


def test_an_old_row_tampered_in_the_staged_file_is_left_to_the_full_check(tmp_path, tables):
    """The incremental check trusts rows identical to published ones; ``sitrep validate``
    (every row) still catches a broken old row."""
    staged, changed = _staged(tmp_path, tables, _new_document(tables))
    with duckdb.connect(str(staged)) as con:
        con.execute("update entity_mentions set match_method = 'guess' where mention_id = 'm1'")
    broken = ("entity_mentions", "expect_column_values_to_be_in_set", "match_method")
    assert broken not in _failed(_incremental(staged, changed))
    assert broken in _failed(validate(staged))


def test_the_audit_checks_exactly_the_rows_the_build_reports(tmp_path, tables):
    """What ``update_database`` reports per table is what validation checks: the added rows of
    appended tables, the rewritten events' rows of keyed tables, nothing of the tables the run
    did not touch."""
    events = [dict(tables["events"][0], n_sources=1), {**tables["events"][0], "event_id": "e9"}]
    staged, changed = _staged(tmp_path, tables, _new_document(tables), {"events": events})
    assert set(changed) == {"documents", "entity_mentions", "run_inputs", "events"}
    assert changed["documents"].grown and not changed["events"].grown
    with duckdb.connect(str(staged), read_only=True) as con:
        reported = {
            t: {r[0] for r in con.execute(
                f'select {catalog.BY_NAME[t].key_sql} from "{t}" where {w}').fetchall()}
            for t, w in [("documents", "doc_id = 'd3'"), ("events", "event_id in ('e1', 'e9')")]
        }  # fmt: skip
    assert {t: set(changed[t].keys or ()) for t in reported} == reported
    report = _incremental(staged, changed)
    assert {t: n for t, n in report.checked_rows.items() if n} == {
        "documents": 1, "entity_mentions": 1, "run_inputs": 1, "events": 2}  # fmt: skip


def test_a_published_file_with_other_columns_is_not_updated(tmp_path, tables):
    """A published file whose tables are not the schema's, or that another run built, is not
    updated with this run's changes: the run builds (and checks) a file from scratch."""
    lake = write_lake(tmp_path / "lake", tables)
    published = tmp_path / "published.duckdb"
    build_database(published, lake, run_id="run1")
    assert update_database(shutil.copyfile(published, tmp_path / "a.duckdb"), lake,
                           catalog.Changes(), "run0", "run2") is None  # fmt: skip
    with duckdb.connect(str(published)) as con:
        con.execute("alter table events add column extra integer")
    assert update_database(published, lake, catalog.Changes(), "run1", "run2") is None


def test_a_run_s_rows_are_checked_on_one_thread_a_whole_file_on_the_default(tmp_path, tables):
    from expectations.validate import DELTA_THREADS, connect_checks

    staged, _ = _staged(tmp_path, tables, _new_document(tables))
    setting = "select current_setting('threads')"
    default = duckdb.connect().execute(setting).fetchone()[0]
    with connect_checks(staged, str(tmp_path), delta=True) as con:
        assert con.execute(setting).fetchone()[0] == DELTA_THREADS == 1
    with connect_checks(staged, str(tmp_path), delta=False) as con:
        assert con.execute(setting).fetchone()[0] == default


def test_an_update_replaces_only_the_tables_the_run_wrote(tmp_path, tables):
    """A table replaced whole from the lake (the gazetteer, the entities) is left as the
    published file holds it when the run wrote nothing of it (the basis's rows are the lake's:
    a lake changed since has no basis); one the run rewrote is the lake's new rows."""
    from transforms.schemas import conform

    lake = write_lake(tmp_path / "lake", tables)
    published = tmp_path / "published.duckdb"
    build_database(published, lake, run_id="run1")
    # The lake's files go: an update that reads them would find the tables empty.
    for name in ("places", "entities"):
        for path in lake.files(name):
            Path(path).unlink()

    def rows(path: Path, table: str) -> list[tuple]:
        with duckdb.connect(str(path), read_only=True) as con:
            return sorted(con.execute(f'select * from "{table}"').fetchall(), key=repr)

    kept = shutil.copyfile(published, tmp_path / "kept.duckdb")
    counts, changed = update_database(kept, lake, catalog.Changes(), "run1", "run2") or ({}, {})
    assert "places" not in changed and "entities" not in changed  # nothing to check again
    for name in ("places", "entities"):
        assert rows(kept, name) == rows(published, name) != []
        assert counts[name] == len(tables[name])

    moved = [{**tables["places"][0], "place_id": "p9", "name": "Elsewhere"}]
    lake.write_current("places", conform(moved, catalog.TABLES["places"]))
    changes = catalog.Changes()
    changes.rewrote("places", None)  # the run wrote the gazetteer anew
    renewed = shutil.copyfile(published, tmp_path / "renewed.duckdb")
    _, changed = update_database(renewed, lake, changes, "run1", "run2") or ({}, {})
    assert changed["places"].keys is None  # replaced whole: checked whole
    with duckdb.connect(str(renewed), read_only=True) as con:
        assert con.execute("select place_id, name from places").fetchall() == [("p9", "Elsewhere")]
    assert rows(renewed, "entities") == rows(published, "entities")
