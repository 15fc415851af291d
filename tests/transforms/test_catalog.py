"""The table catalog is whole: each entry names real columns and lake tables, and every list of
tables the packages use is derived from it."""

from __future__ import annotations

import pytest

from transforms import catalog


@pytest.mark.parametrize("table", catalog.CATALOG, ids=lambda t: t.name)
def test_an_entry_names_its_own_columns_and_says_its_grain(table):
    assert set(table.key) <= set(table.schema.names), table.name
    assert table.grain.startswith("one row per"), table.name
    assert table.layout is not None or table.load is not None  # stored somewhere
    for source in table.lake_sources:
        assert catalog.BY_NAME[source].layout is not None, source  # read from the lake
        assert catalog.BY_NAME[source].schema.names == table.schema.names or source == table.name


def test_modes_have_what_they_need():
    for t in catalog.loaded(catalog.APPEND):  # parts to append, and keys for their rows
        parts = catalog.BY_NAME[t.lake_sources[0]].layout
        assert t.key and parts in (catalog.CHUNK, catalog.LEDGER), t.name
    for t in catalog.loaded(catalog.KEYED):
        assert t.layout == catalog.CURRENT and t.delta_key in t.schema.names, t.name


def test_every_list_of_tables_comes_from_the_catalog():
    from expectations import specs
    from flows import stages
    from warehouse import db

    assert list(specs.SPECS) == list(catalog.TABLES)  # one suite per warehouse table
    assert set(stages.CHUNK_OUTPUTS) == {t.name for t in catalog.CATALOG if t.stage == "extract"}
    assert [name for name, _ in stages.MERGED] == [
        "event_reports", "events", "event_merges", "event_conflicts"]  # fmt: skip
    assert catalog.BY_NAME["rejected_documents"].key_sql == 'hash("uri", "content_sha256")'
    assert catalog.RUN_LEDGERS == ("run_inputs", "input_files", "runs", "validation_results")
    assert db.LAKE_SOURCES == {"entity_mentions": ("mentions_raw", "mentions_discovered")}
