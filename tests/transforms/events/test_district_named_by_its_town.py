"""A district named by its town's name ("the Tuz Khurmatu district") is the district holding
that town, also when the gazetteer spells the district shorter (Tooz District) and when the
detector read "district" inside the name: the area holding a village named before it, no
second venue. Inputs written here, with counter-examples that must not change."""

from __future__ import annotations

import pytest


@pytest.fixture
def told(real_reports):
    return lambda text: [(r["location_text"], r["geo_precision"]) for r in real_reports(text)]


def test_the_district_holding_the_village_is_no_second_venue(told):
    text = (
        "Two soldiers were killed on Sunday when militants attacked a post near the town of "
        "Sulaiman Bek, in the Tuz Khurmatu district of Salahuddin province."
    )
    assert [place for place, _ in told(text)] == ["Sulaiman Bek"]


def test_the_district_alone_is_the_district(told):
    text = "A bomb killed three people in the Tuz Khurmatu district on Sunday."
    assert told(text) == [("Tuz Khurmatu district", "2")]


def test_the_town_alone_stays_the_town(told):
    text = "A bomb killed three people in Tuz Khurmatu on Sunday."
    assert told(text) == [("Tuz Khurmatu", "1")]
