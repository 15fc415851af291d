"""The event's place when its sentence names several places or none: owners, locators and
restated names are no second venue, a country in another role is no venue, and a document's
places give a place-less attack the one place (or governorate) they come to. Inputs written
for these tests; each rule with a counter-example that must not fire."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

from transforms.entities import detect_mentions
from transforms.entities import places as placing
from transforms.events import extract_reports
from warehouse.reference import load_registry


@pytest.fixture(scope="module")
def places_of():
    registry = load_registry()
    places, entities = registry.places_table(), registry.entities_table()

    def run(text: str, title: str | None = None) -> list[tuple]:
        docs = pa.table(
            {
                "doc_id": ["d0"],
                "text": [text],
                "title": pa.array([title], pa.string()),
                "published_date": [date(2026, 3, 2)],
                "source": ["s0"],
            }
        )
        mentions = detect_mentions(docs, registry)
        reports = extract_reports(docs, mentions, places, entities)
        return [(r["admin1"], r["location_text"]) for r in reports.to_pylist()]

    return run


def admin1s(rows: list[tuple]) -> list:
    return [a for a, _ in rows]


# --- a country named in another role is no venue ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Militants shot dead nine farmers accused of working for the United States.",
        "A Turkey-based charity said a roadside bomb had killed four of its drivers.",
        "An American contractor was killed when a bomb hit his car.",
        "A US-funded clinic was hit by a car bomb, killing three nurses.",
    ],
)
def test_a_country_in_another_role_is_no_place(places_of, text):
    assert places_of(text) == [(None, None)]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("A Jordanian pilot was killed when his jet was shot down over northern Syria.", "Syria"),
        ("A US-funded clinic was hit by a car bomb in Iraq, killing three nurses.", "Iraq"),
        ("Two Iranian pilgrims were killed when a bomb hit their bus in southern Iraq.", "Iraq"),
    ],
)
def test_a_country_named_as_where_it_happened_is_the_place(places_of, text, country):
    assert places_of(text) == [(None, country)]


def test_country_venue_reads_the_words_before_it():
    text = "fighters backed by the United States clashed in eastern Syria"
    assert placing.country_venue(text, text.index("Syria"))
    assert not placing.country_venue(text, text.index("United States"))


# --- owners, locators, restated names ---------------------------------------------------------


def test_an_owner_holds_the_place_it_owns(places_of):
    rows = places_of("A parked car exploded in Baghdad's Karrada district, killing seven.")
    assert rows == [("Baghdad", "Karrada")]
    # counter-example: a possessive owning a building names no place after it
    rows = places_of("Mortars hit Mosul's main hospital, killing two patients.")
    assert rows == [("Nineveh", "Mosul")]


def test_a_locator_names_no_second_venue(places_of):
    rows = places_of("Gunmen killed four shepherds in Abu Ghraib, west of Baghdad, at dawn.")
    assert rows == [("Baghdad", "Abu Ghraib")]
    rows = places_of("A bomb killed a policeman in Tikrit, about 170 km north of Baghdad.")
    assert rows == [("Salah ad Din", "Tikrit")]
    # counter-example: two places joined by "and" are two venues
    rows = places_of("Car bombs exploded in Tikrit and in Baghdad, killing eleven.")
    assert sorted(admin1s(rows)) == ["Baghdad", "Salah ad Din"]


def test_a_located_place_far_beyond_its_stated_distance_gives_way(places_of):
    # "Hadid" also names a village near Aleppo, 600 km from Baqubah: the locator decides
    rows = places_of(
        "Gunmen attacked a checkpoint near the village of Hadid, 15 km north of Baqubah, "
        "killing three policemen."
    )
    assert admin1s(rows) == ["Diyala"]


def test_a_place_named_twice_in_a_row_is_one(places_of):
    rows = places_of(
        "Militants raided a farm near Al-Shirqat, some 250 km north of the Iraqi capital "
        "Baghdad, killing two brothers."
    )
    assert admin1s(rows) == ["Salah ad Din"]


def test_locator_reach_reads_the_stated_distance():
    text = "Tikrit, about 170 km north of Baghdad"
    reach = placing.locator_reach(text, len("Tikrit"), text.index("Baghdad"))
    assert reach is not None and 170 < reach < 300
    text = "Dora, south Baghdad"
    assert placing.locator_reach(text, len("Dora"), text.index("Baghdad")) == placing.LOCATOR_KM
    text = "Dora and Baghdad"
    assert placing.locator_reach(text, len("Dora"), text.index("Baghdad")) is None


# --- references inside a venue area, country-wide regions ------------------------------------


def test_a_reference_inside_the_area_named_keeps_its_place(places_of):
    rows = places_of("Two soldiers were killed in clashes near Mayadin in Deir ez-Zor province.")
    assert rows == [("Deir ez-Zor", "Mayadin")]
    # counter-example: a reference outside the venue named gives way to the venue
    rows = places_of("A bomb exploded in the town of Mayadin, near Palmyra, killing one.")
    assert rows == [("Deir ez-Zor", "Mayadin")]


def test_a_river_is_no_venue_beside_a_town_named_as_reference(places_of):
    rows = places_of("A mine killed a fisherman on the Euphrates, south of Raqqa.")
    assert admin1s(rows) == ["Ar-Raqqah"]


# --- a place-less attack takes the document's places -----------------------------------------


def test_places_in_one_governorate_give_a_placeless_attack_it(places_of):
    rows = places_of(
        "Troops have been clearing villages between Tal Afar and Mosul. "
        "A suicide bomber killed six soldiers on Monday."
    )
    assert admin1s(rows) == ["Nineveh"]
    # counter-example: places in two governorates give it none
    rows = places_of(
        "Troops have been clearing villages around Kirkuk and Mosul. "
        "A suicide bomber killed six soldiers on Monday."
    )
    assert admin1s(rows) == [None]


def test_nested_places_give_a_placeless_attack_the_finest(places_of):
    rows = places_of("Residents of Baghdad's Sadr City mourned. Gunmen killed two guards.")
    assert rows == [("Baghdad", "Sadr City")]


def test_a_headline_naming_two_places_of_one_governorate(places_of):
    rows = places_of(
        "A roadside bomb killed three soldiers on patrol.", title="Bombs hit Tal Afar and Sinjar"
    )
    assert admin1s(rows) == ["Nineveh"]


# --- a name shared by a governorate and its seat, named as a reference point -----------------


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Three shepherds were shot dead 30 km south of Raqqa.", True),
        ("Gunmen ambushed a patrol near Kirkuk.", True),
        ("Rockets struck Kirkuk airbase overnight.", True),
        ("Fighting spread across the Raqqa countryside.", False),
        ("Gunmen ambushed a patrol in Kirkuk.", False),
    ],
)
def test_town_reference(text, town):
    name = "Raqqa" if "Raqqa" in text else "Kirkuk"
    start = text.index(name)
    assert placing.town_reference(text, start, start + len(name)) is town


def test_a_shared_name_named_as_reference_point_is_the_town(places_of):
    # Tuz Khurmatu (Salah ad Din) lies south of Kirkuk city, outside Kirkuk governorate
    rows = places_of("A roadside bomb wounded four soldiers in Tuz Khurmatu, south of Kirkuk.")
    assert rows == [("Salah ad Din", "Tuz Khurmatu")]


def test_a_governorate_named_as_reference_point_is_no_namesake_village(places_of):
    # Anbar's seat is Ramadi; the villages called Anbar lie in other governorates
    rows = places_of("Gunmen ambushed an army convoy west of Anbar, killing two soldiers.")
    assert [admin1 for admin1, _ in rows] == ["Al Anbar"]


def test_an_installation_named_after_a_town_is_near_it(places_of):
    registry = load_registry()
    docs = pa.table(
        {
            "doc_id": ["d0", "d1"],
            "text": [
                "Militants shelled Kirkuk airbase, wounding two guards.",
                "Militants shelled a base in Kirkuk, wounding two guards.",  # counter-example
            ],
            "published_date": [date(2026, 3, 2)] * 2,
            "source": ["s0", "s1"],
        }
    )
    mentions = detect_mentions(docs, registry)
    reports = extract_reports(docs, mentions, registry.places_table(), registry.entities_table())
    ids, codes = reports.column("doc_id").to_pylist(), reports.column("geo_precision").to_pylist()
    got = dict(zip(ids, codes, strict=True))
    assert got == {"d0": "2", "d1": "1"}  # the airbase: near the town; "in Kirkuk": the town


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Three rockets fell inside the Green Zone overnight, wounding a guard.", "Baghdad"),
        ("A drone struck Camp Speicher, killing a technician.", "Salah ad Din"),
        ("Missiles hit the T4 airbase at dawn, killing five.", "Homs"),
        ("Mortars landed on Kuweires airbase, killing two cadets.", "Aleppo"),
    ],
)
def test_an_installation_the_gazetteers_lack_is_its_place(places_of, text, admin1):
    assert admin1s(places_of(text)) == [admin1]


def test_words_of_an_installation_name_in_lower_case_are_no_place(places_of):
    assert places_of("Gunmen attacked the green zone of a park, killing two.") == [(None, None)]


def test_a_quarter_of_a_city_named_with_the_city_is_one_place(places_of):
    rows = places_of(
        "A car bomb went off at a checkpoint of the Green Zone, the fortified compound in "
        "Baghdad, killing four."
    )
    assert rows == [("Baghdad", "Green Zone")]
    # counter-example: a separate town a few km from a city stays a venue of its own
    rows = places_of("Shells exploded in Baqubah and in Buhriz, killing five.")
    assert sorted(loc for _, loc in rows) == ["Baqubah", "Buhriz"]


def test_the_capital_of_the_country_the_document_names(places_of):
    rows = places_of(
        "Attacks went on across Syria this week. A roadside bomb went off in a busy street "
        "of the capital on Tuesday, killing three."
    )
    assert rows == [("Damascus", "the capital")]
    # counter-examples: a province's capital, and no country named
    rows = places_of(
        "Attacks went on across Iraq this week. Gunmen killed two guards in the capital of "
        "Diyala province on Tuesday."
    )
    assert admin1s(rows) == ["Diyala"]
    rows = places_of("A roadside bomb went off in a busy street of the capital, killing three.")
    assert rows == [(None, None)]
