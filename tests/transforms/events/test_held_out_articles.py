"""Rules written on the misses of the held-out full articles (bench/articles3): each tested with
inputs written here in our own words, and a counter-example that must not change."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture
def told(real_reports):
    return lambda text: sorted(
        (r["location_text"], r["killed_best"], r["wounded_best"])
        for r in real_reports(text, date(2016, 3, 7))
    )


def test_a_bearing_alone_in_a_later_sentence_locates_the_venue_told(told):
    # The lead placed the attack; a later sentence says where that place lies (one attack,
    # its toll whole, not shared with the point the bearing is taken from).
    text = (
        "A suicide bomber drove a fuel tanker into a checkpoint at the entrance to the city "
        "of Hilla on Sunday, killing at least 40 people and wounding 52, police said. "
        "Witnesses said the tanker blew up while soldiers were checking cars at the "
        "checkpoint, which lies some 100 km (60 miles) south of Baghdad."
    )
    assert told(text) == [("Hilla", 40, 52)]


def test_a_bearing_too_near_for_the_venue_told_names_another(told):
    text = (
        "A suicide bomber drove a fuel tanker into a checkpoint at the entrance to the city "
        "of Hilla on Sunday, killing at least 40 people and wounding 52, police said. "
        "Later, a second bomb went off in a market about 20 km south of Baghdad."
    )
    assert [place for place, _, _ in told(text)] == ["Baghdad", "Hilla"]


@pytest.fixture
def perp(real_reports):
    return lambda text: [r["perpetrator_id"] for r in real_reports(text, date(2023, 3, 7))]


@pytest.mark.parametrize(
    "text",
    [
        # members "in" a group, one more victim named before the verb
        "An officer in the Popular Mobilization Forces and two of his bodyguards were killed on "
        "Monday when a bomb hit their car near Baqubah, police said.",
        # the group's office speaking, by a possessive
        "A drone struck a vehicle near Qamishli on Thursday, killing two SDF commanders, the "
        "SDF's press office said.",
        # the group holding the town struck
        "Six people were killed on Wednesday when a car bomb went off in the city of Jarablus, "
        "which is under the control of the Syrian National Army.",
    ],
)
def test_groups_hit_speaking_or_holding_the_place_are_no_agent(perp, text):
    assert perp(text) == [None]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("An officer in the Popular Mobilization Forces said on Monday that ISIS militants "
         "killed two farmers near Baqubah.", "ent:islamic_state"),
        ("The SDF's fighters stormed a checkpoint near Hajin on Monday, killing three soldiers.",
         "ent:sdf"),
        ("Fighters of the Syrian National Army shelled the outskirts of Manbij on Wednesday, "
         "killing two civilians.", "ent:sna"),
    ],
)  # fmt: skip
def test_the_group_acting_stays_the_agent(perp, text, agent):
    assert perp(text) == [agent]

