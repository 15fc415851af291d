"""Every place of a sentence named as a reference point ("near the village of X, in the Y
district west of Z"): the place a bearing is taken from (Z) only says where X lies, no second
venue. Inputs written here; each with a counter-example that must not change."""

from __future__ import annotations

import pytest


@pytest.fixture
def told(real_reports):
    return lambda text: sorted((r["location_text"], r["killed_best"]) for r in real_reports(text))


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("Three shepherds were killed on Friday when a roadside bomb went off near the village "
         "of Al-Abbasi, in the Hawija district west of Kirkuk, police said.", "Al-Abbasi"),
        ("Gunmen killed three farmers on the outskirts of Mandali, east of Baqubah, on Sunday.",
         "Mandali"),
        ("Three soldiers were killed when militants stormed an outpost near the town of Qara "
         "Tapa, some 120 km northeast of the provincial capital Baquba.", "Qara Tapa"),
    ],
)  # fmt: skip
def test_a_bearing_locating_the_place_named_before_is_no_second_venue(told, text, venue):
    assert told(text) == [(venue, 3)]


def test_a_lone_bearing_still_names_the_area(told):
    text = "Three soldiers were killed when a bomb hit their patrol west of Kirkuk on Friday."
    assert told(text) == [("Kirkuk", 3)]


def test_a_governorate_before_the_bearing_locates_nothing(told):
    # (the governorate holds the town: the town, named by a bearing, is where it was)
    text = "Salah al-Din: a sniper killed three soldiers at a post west of Samarra on Sunday."
    assert told(text) == [("Samarra", 3)]


def test_places_joined_by_and_are_two_areas(told):
    text = (
        "Shelling killed three people near the village of Al-Abbasi and west of Baqubah on "
        "Sunday, police said."
    )
    assert [place for place, _ in told(text)] == ["Al-Abbasi", "Baqubah"]
