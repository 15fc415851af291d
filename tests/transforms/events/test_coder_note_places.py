"""Places in professional coders' shapes: a bracket of areas after a village ("X (Y, Z)",
"X town (Y, Z)") holds it and is no second venue. Inputs written for these tests; each rule
with a counter-example that must not fire."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

from transforms.entities import detect_mentions
from transforms.entities import places as placing
from transforms.events import extract_reports
from warehouse.reference import load_registry


@pytest.fixture(scope="module")
def reports_of():
    registry = load_registry()
    places, entities = registry.places_table(), registry.entities_table()

    def run(text: str) -> list[tuple]:
        docs = pa.table(
            {
                "doc_id": ["d0"],
                "text": [text],
                "title": pa.array([None], pa.string()),
                "published_date": [date(2026, 3, 2)],
                "source": ["s0"],
            }
        )
        mentions = detect_mentions(docs, registry)
        reports = extract_reports(docs, mentions, places, entities)
        return [(r["location_text"], r["killed_best"]) for r in reports.to_pylist()]

    return run


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # the district (read as its seat) and the governorate in brackets
        ("On Sunday, gunmen shot dead a teacher in Darkush town (Jisr-Ash-Shugur, Idleb).",
         "Darkush"),
        ("On Monday, the army fought militants in the Swera area (Rania, Sulaymaniyah), "
         "killing one of them.", "Swera"),
        # the governorate named by its city's name, last in the bracket
        ("On Friday, a roadside bomb hit a patrol in Qaryat Ali Khamis (Mahmoudiya, Baghdad), "
         "killing one fighter.", "Qaryat Ali Khamis"),
    ],
)  # fmt: skip
def test_a_bracket_of_areas_after_a_village_is_no_second_venue(reports_of, text, venue):
    assert [loc for loc, _ in reports_of(text)] == [venue]


def test_a_bracket_listing_towns_keeps_each_venue(reports_of):
    # counter-example: the bracket's last name is a town, no area: it stays a venue (the
    # first name in a bracket is read as the area holding the village, as before)
    rows = reports_of("On Friday, shells fell on Kafr Nabl (Saraqib, Sarmin), killing four.")
    assert {"Kafr Nabl", "Sarmin"} <= {loc for loc, _ in rows}


def test_bracket_after_reads_a_bracket_right_after_a_name_only():
    text = "near Darkush town (Jisr-Ash-Shugur, Idleb) and two villages (A, B)"
    end = text.index(" town")
    assert placing.bracket_after(text, end) == (text.index("("), text.index(")"))
    assert placing.bracket_after(text, text.index(" and")) is None
    assert placing.bracket_after("near X (unclosed", len("near X")) is None


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("On Sunday, regime forces shelled Kafr Nabl from their positions in Maarrat "
         "al-Numan, killing two civilians.", "Kafr Nabl"),
        ("On Sunday, fighters shelled army posts in Saraqib from the Sarmin axis, killing "
         "one soldier.", "Saraqib"),
        ("On Sunday, gunmen killed three guards in Tuz Khurmatu. The gunmen fled toward "
         "Kirkuk afterwards.", "Tuz Khurmatu"),
        ("On Sunday, mortar shells killed two boys in Sinjar. Police said the shells were "
         "fired from Baaj.", "Sinjar"),
    ],
)  # fmt: skip
def test_where_the_fire_came_from_or_the_attackers_went_is_no_venue(reports_of, text, venue):
    assert {loc for loc, _ in reports_of(text)} == {venue}


def test_a_place_named_only_as_an_origin_in_its_own_clause_stays(reports_of):
    # counter-example: the first attack's only place is where its victims came from; the
    # second clause's venue does not take it away
    rows = reports_of(
        "On Sunday, a car bomb killed 20 pilgrims as they were returning from Karbala, "
        "while in Baghdad a roadside bomb killed four."
    )
    assert sorted(rows) == [("Baghdad", 4), ("Karbala", 20)]


@pytest.mark.parametrize(
    "tail",
    [
        "This was one of two suicide attacks in Diyala governorate on this date.",
        "The attack was one of several in Diyala governorate that week.",
        "The bombing was part of a series of attacks across Iraq on this date.",
    ],
)
def test_a_summarys_closing_line_on_other_attacks_is_no_attack(reports_of, tail):
    rows = reports_of(f"On Sunday, a suicide bomber killed nine mourners in Baqubah. {tail}")
    assert rows == [("Baqubah", 9)]


def test_one_of_several_victims_is_still_an_attack(reports_of):
    # counter-example: "one of three brothers" counts people, not attacks
    rows = reports_of("On Sunday, gunmen shot dead a farmer in Baqubah, one of three brothers.")
    assert rows == [("Baqubah", 1)]


def test_a_governorates_seat_ending_a_chain_after_its_district_is_the_governorate(reports_of):
    rows = reports_of(
        "On Sunday, gunmen attacked a checkpoint in Qushtepe village in Erbil district, "
        "Erbil. Two soldiers were killed."
    )
    assert rows == [("Qushtepe", 2)]
    # counter-example: a seat listed with other towns after a district is a venue
    rows = reports_of("On Sunday, clashes hit Khalis district, Baqubah and Muqdadiya, killing 2.")
    assert "Baqubah" in {loc for loc, _ in rows}


def test_a_governorates_seat_ending_a_clause_after_its_district_is_the_governorate(reports_of):
    rows = reports_of("On Sunday, a bomb went off in Tarmiyah district, Baghdad, killing 3 guards.")
    assert len(rows) == 1 and rows[0][0] != "Baghdad"
    # counter-example: ", and" lists one more town, a venue of its own
    rows = reports_of("On Sunday, clashes hit Khalis district, Baqubah, and Muqdadiya, killing 2.")
    assert "Baqubah" in {loc for loc, _ in rows}


def test_a_name_in_a_bracket_of_areas_read_as_a_town_elsewhere_is_no_venue(reports_of):
    # the district as coders spell it ("Hindiya") is the town of that name in Babil by the
    # gazetteer; the bracket ends in the village's own governorate: it names an area
    rows = reports_of(
        "On Sunday, a bomb killed a civilian near a bakery in Umm Hawwaliyah (Hindiya, Kerbala)."
    )
    assert rows == [("Umm Hawwaliyah", 1)]
    # counter-example: a bracket ending in another governorate than the village's keeps its
    # names (one of the two is misread; nothing says which)
    rows = reports_of("On Sunday, a bomb killed a civilian in Umm Hawwaliyah (Hindiya, Babil).")
    assert "Hindiya" in {loc for loc, _ in rows}


def test_where_a_body_was_found_is_no_second_venue(reports_of):
    rows = reports_of(
        "On Sunday, armed men kidnapped and killed a man near Kafr Nabl; his body was found "
        "on the outskirts of Saraqib."
    )
    assert rows == [("Kafr Nabl", 1)]
    # counter-example: bodies found with no other place named are the report's place
    rows = reports_of("On Sunday, the bodies of three men were found near Saraqib, shot dead.")
    assert [loc for loc, _ in rows] == ["Saraqib"]
