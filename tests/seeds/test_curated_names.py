"""Common English names of the cities and seats (seeds/reference/place_names_curated.csv): every
city, governorate seat and district seat of Syria and Iraq is listed, each lands on the place
its row names with the sources' name kept as a spelling, and a row naming no place stops the
build."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from transforms.entities.keys import name_key

REFERENCE = Path(__file__).resolve().parents[2] / "seeds" / "reference"
SEAT_CODES = {"PPLC", "PPLA", "PPLA2"}


def _rows(name: str) -> list[dict]:
    with open(REFERENCE / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def places() -> dict[str, dict]:
    return {r["place_id"]: r for r in _rows("places.csv")}


@pytest.fixture(scope="module")
def curated() -> dict[str, dict]:
    return {r["place_id"]: r for r in _rows("place_names_curated.csv")}


def test_every_city_and_seat_has_a_curated_name(places, curated, build):
    """A city (the build's population threshold) or a seat of a governorate or district (by
    GeoNames' feature code) without a row would show the sources' transliteration."""
    city = build.wof.CITY_POPULATION
    missing = [
        (p["place_id"], p["name"])
        for p in places.values()
        if p["country_code"] in {"SY", "IQ"}
        and p["precision"] == "town"
        and (p["feature_code"] in SEAT_CODES or int(p["population"] or 0) >= city)
        and p["place_id"] not in curated
    ]
    assert not missing
    assert len(curated) >= 190  # district seats the feature codes miss are listed too


def test_each_curated_name_is_the_places_name_and_the_sources_stays_a_spelling(places, curated):
    for pid, row in curated.items():
        place = places[pid]
        assert place["name"] == row["name"] and place["admin1"] == row["admin1"]
        assert place["name"].isascii()
        if row["name"] != row["source_name"]:
            aliases = place["aliases"].split("|")
            assert row["name"] in aliases and row["source_name"] in aliases
    assert places["172955"]["name_native"] == "Ar Raqqah"  # the native form is the source's
    assert places["163808"]["name_native"] == "Tadmur"


def test_a_city_reads_as_the_governorate_it_is_the_seat_of(places, curated):
    """A governorate's seat sharing its name reads alike: an analyst's ``ilike '%raqqa%'``
    finds both ("Deir ez-Zor" in "Deir ez-Zor", "Raqqa" in "Ar-Raqqah", "Najaf" in "An
    Najaf")."""
    seats = [
        (p, places[p["seat_of"]])
        for p in places.values()
        if p["seat_of"]
        and name_key(places[p["seat_of"]]["name"]) in map(name_key, p["aliases"].split("|"))
    ]  # (not Diwaniyah, seat of Al Qadisiyah, once called Diwaniyah province too)
    assert len(seats) >= 20
    for seat, gov in seats:
        assert seat["name"].lower() in gov["name"].lower(), (seat["name"], gov["name"])
    # counter-example: the sources' names of the Deir ez-Zor and Raqqa cities did not
    for pid in ("170794", "172955"):
        gov = places[places[pid]["seat_of"]]["name"].lower()
        assert curated[pid]["source_name"].lower() not in gov


def test_a_row_whose_place_is_gone_stops_the_build(build, tmp_path):
    rows = [{"place_id": "1", "name": "Ar Raqqah", "admin1": "Ar-Raqqah", "aliases": "Rakka"}]
    good = tmp_path / "good.csv"
    good.write_text("place_id,source_name,name,admin1\n1,Ar Raqqah,Raqqa,Ar-Raqqah\n", "utf-8")
    build.add_curated_names(rows, good)
    assert rows[0]["name"] == "Raqqa" and rows[0]["name_native"] == "Ar Raqqah"
    assert rows[0]["aliases"] == "Raqqa|Rakka"
    # counter-example: the id now names another place (or one in another governorate)
    for line in ("1,Tall Abyad,Tell Abyad,Ar-Raqqah", "1,Raqqa,Raqqa,Al-Hasakah"):
        bad = tmp_path / "bad.csv"
        bad.write_text(f"place_id,source_name,name,admin1\n{line}\n", "utf-8")
        with pytest.raises(SystemExit, match="no place 1"):
            build.add_curated_names(rows, bad)
