"""A place set off by an apposition saying what it is and where ("Jaramana, a suburb on the
southeastern edge of Damascus", "Hit, a town 150 km west of Baghdad"): the second place only
locates the first, no second venue. Inputs written here; each with a counter-example."""

from __future__ import annotations

import pytest


@pytest.fixture
def told(real_reports):
    return lambda text: [(r["location_text"], r["killed_best"]) for r in real_reports(text)]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("A car bomb killed four people in Jaramana, a suburb on the southeastern edge of "
         "Damascus, on Wednesday.", "Jaramana"),
        ("Gunmen killed four policemen in Hit, a town 150 km west of Baghdad, on Monday.", "Hit"),
        ("A mortar round killed four farmers in Kafr Zita, a town north of Hama, on Sunday.",
         "Kafr Zita"),
    ],
)  # fmt: skip
def test_an_apposition_locating_the_venue_makes_no_second_venue(told, text, venue):
    assert told(text) == [(venue, 4)]


def test_two_places_joined_by_and_are_two_venues(told):
    text = (
        "A car bomb killed four people in Jaramana, and a rocket killed two people in "
        "Damascus on Wednesday."
    )
    assert sorted(place for place, _ in told(text)) == ["Damascus", "Jaramana"]
