"""Places found by any spelling on a real DuckDB (the ``place_key`` macro of
warehouse/models/macros against ``places.name_keys``), and a city's quarter shown with its city
(``places.location``, what ``events.location`` shows)."""

from __future__ import annotations

import duckdb
import pytest

from transforms.entities.keys import place_key
from warehouse.db import build_macros
from warehouse.reference import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.fixture(scope="module")
def con(registry):
    con = duckdb.connect()
    build_macros(con)
    places = registry.places_table()
    con.register("places_arrow", places)
    con.execute("create table places as select * from places_arrow")
    yield con
    con.close()


def _found(con, typed: str) -> set[str]:
    rows = con.execute(
        "select name from places where list_contains(name_keys, place_key($t))"
        " and precision = 'town'",
        {"t": typed},
    ).fetchall()
    return {r[0] for r in rows}


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Deir-ez-Zor", "Deir ez-Zor"),
        ("Dair el-Zour", "Deir ez-Zor"),  # a spelling no source lists
        ("al-Mayadeen", "Mayadin"),
        ("Al Raqqah", "Raqqa"),
        ("Tel Afar", "Tal Afar"),
        ("Ain al-Arab", "Kobani"),
    ],
)
def test_a_place_is_found_by_a_spelling_no_list_holds(con, typed, name):
    assert name in _found(con, typed)


def test_a_spelling_finds_only_places_so_named(con):
    found = _found(con, "al-Mayadeen")
    assert "Mosul" not in found and "Raqqa" not in found
    assert _found(con, "Mayadeen Zor") == set()  # (no place is called so)


def test_the_macro_folds_as_the_matcher_does(con, registry):
    """Every third spelling of the gazetteer (about 25,000: diacritics, ayn marks, glued
    articles, French and Levantine forms) folds to the matcher's own key."""
    spellings = sorted({a for p in registry.places.values() for a in p.aliases})[::3]
    assert len(spellings) > 20_000
    con.execute("create or replace temp table typed as select unnest($s) as s", {"s": spellings})
    got = dict(con.execute("select s, place_key(s) from typed").fetchall())
    wrong = [(s, place_key(s), got[s]) for s in spellings if got[s] != place_key(s)]
    assert wrong == []


def test_a_quarter_reads_with_its_city_first(registry, con):
    by_name = {p.name: p for p in registry.places.values() if p.country_code == "IQ"}
    assert registry.location(by_name["Sadr City"]) == "Baghdad - Sadr City"
    assert registry.location(by_name["Green Zone"]) == "Baghdad - Green Zone"
    assert registry.location(by_name["Karrada"]) == "Baghdad - Karrada"
    # counter-examples: a town is its own name; a section far from any city stays bare
    assert registry.location(by_name["Baqubah"]) == "Baqubah"
    khadra = next(
        p for p in registry.places.values() if p.name == "Al Khadra" and p.feature_code == "PPLX"
    )
    assert registry.location(khadra) == "Al Khadra"
    got = con.execute(
        "select location from places where location ilike '%baghdad%' and precision = 'town'"
    ).fetchall()
    assert {"Baghdad", "Baghdad - Sadr City", "Baghdad - Karrada"} <= {r[0] for r in got}
