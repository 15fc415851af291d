"""The gazetteer build's name hygiene (seeds/reference/wof.py), on small inline records written
for these tests, and on the committed places.csv it produced."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parents[2] / "seeds" / "reference"


def _rec(wof_id, name, lat, lon, *, gn="", wd="", eng="", region="1", kind="locality"):
    return {
        "wof_id": wof_id, "placetype": kind, "name": name, "eng_names": eng,
        "latin_variants": "", "latitude": str(lat), "longitude": str(lon), "region_id": region,
        "gn_id": gn, "wd_id": wd,
    }  # fmt: skip


def test_a_variant_naming_another_place_is_dropped(wof):
    owners = wof.name_owners([_rec("1", "Qasr Nuri", 33, 44), _rec("2", "Marjan", 33, 45)])
    kept = wof.own_spellings(["Qasr Nuri", "Qasr an Nuri", "Marjan"], ["Qasr Nuri"], "1", owners)
    assert kept == ["Qasr Nuri", "Qasr an Nuri"]
    # counter-example: a spelling like the place's own name stays though another bears it
    owners = wof.name_owners([_rec("1", "Marjan", 33, 44), _rec("2", "Marjana", 33, 45)])
    assert wof.own_spellings(["Marjan", "Marjana"], ["Marjan"], "1", owners) == [
        "Marjan",
        "Marjana",
    ]


def test_a_variant_that_is_only_a_word_of_the_name_is_dropped(wof):
    kept = wof.own_spellings(["Tall Hamid Sulayman", "Sulayman"], ["Tall Hamid Sulayman"], "1", {})
    assert kept == ["Tall Hamid Sulayman"]
    # counter-examples: a generic head word's name without it, a longer foreign form
    assert wof.own_spellings(["Qaryat Dubbah", "Dubbah"], ["Qaryat Dubbah"], "1", {}) == [
        "Qaryat Dubbah",
        "Dubbah",
    ]
    kept = wof.own_spellings(["Hamidiya", "Hamidija", "Hamidija grad"], ["Hamidiya"], "1", {})
    assert kept == ["Hamidiya", "Hamidija", "Hamidija grad"]


def test_a_town_listed_twice_is_one_place(wof):
    rows = [
        _rec("10", "Qal'at Nuri", 34.00, 44.00, gn="555"),
        _rec("11", "Qalat Nuri", 34.02, 44.01),  # no GeoNames id, 2 km away: a copy
        _rec("12", "Qalat Nuri", 34.60, 44.50),  # 75 km away: another place
        _rec("13", "Old Nuri", 34.01, 44.00, wd="Q1"),
        _rec("14", "Nuri", 34.00, 44.01, gn="556", wd="Q1"),  # same Wikidata id
        _rec("15", "Qalat Nuri", 34.01, 44.00, region="2"),  # another governorate
    ]
    assert wof.duplicates(rows) == {"11": "10", "13": "14"}


@pytest.fixture(scope="module")
def places():
    with open(REFERENCE / "places.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_the_committed_gazetteer_has_no_copies_of_a_city(places):
    tikrit = [
        p["name"]
        for p in places
        if p["precision"] == "town" and "Tikrit" in p["aliases"].split("|")
    ]
    assert tikrit == ["Tikrit"]


def test_a_city_keeps_its_native_and_old_names(places):
    aleppo = next(p for p in places if p["place_id"] == "170063")
    assert {"Halab", "Haleb"} <= set(aleppo["aliases"].split("|"))


def test_a_village_of_name_is_also_found_without_its_village_word(wof):
    assert wof.headless(["Qaryat al Mansurah", "Qarya Tall Bizan"]) == [
        "Al Mansurah",
        "Tall Bizan",
    ]
    # counter-examples: other head words are part of the name; too short a rest stays whole
    assert wof.headless(["Qasr al Mansurah", "Khirbat Dib", "Qaryat Ab"]) == []


def test_a_district_named_after_its_seat_sits_at_the_seat(places):
    by_id = {p["place_id"]: p for p in places}
    district, town = by_id["9166649"], by_id["99072"]  # Mosul District, Mosul
    assert (district["latitude"], district["longitude"]) == (town["latitude"], town["longitude"])
    # counter-example: a district no town of its governorate is named after (Al-Thethar, a
    # lake's) keeps its own point
    thethar = by_id["9167093"]
    towns = {(p["latitude"], p["longitude"]) for p in places if p["precision"] == "town"}
    assert thethar["latitude"] and (thethar["latitude"], thethar["longitude"]) not in towns


def test_a_name_headed_by_an_ayn_mark_is_the_english_name(wof):
    row = {**_rec("20", "'Ayn Nuri", 36, 38), "latin_variants": "Aaïn Nouri|Ain Nouri"}
    assert wof.english_name(row) == "Ayn Nuri"
    # counter-examples: a name in Arabic script only yields to its first Latin variant; a
    # name with no Latin spelling at all gives none
    row = {**_rec("21", "عين نوري", 36, 38), "latin_variants": "Ain Nouri"}
    assert wof.english_name(row) == "Ain Nouri"
    assert wof.english_name({**_rec("22", "عين", 36, 38), "latin_variants": ""}) == ""


def test_articleless_drops_a_heading_article_only(wof):
    assert wof.articleless(["Al Mahmudiyah", "Ar-Rutbah", "As Sib"]) == ["Mahmudiyah", "Rutbah"]
    # counter-examples: no article, an article glued to the word, too short a rest ("Sib")
    assert wof.articleless(["Mosul", "Alqosh", "Alton"]) == []
