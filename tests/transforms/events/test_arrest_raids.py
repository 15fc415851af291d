"""A raid that arrested people or seized arms, with no toll, is no attack, and "the raids"
told after it refer to those arrests; a raid that killed is an attack. Inputs written here;
each with a counter-example."""

from __future__ import annotations

import pytest


@pytest.fixture
def told(real_reports):
    return lambda text: [(r["location_text"], r["killed_best"]) for r in real_reports(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested four suspects in raids on houses in Ramadi on Monday.",
        "Counter-terrorism forces seized two explosive belts and rifles in a raid near Hit.",
        "Police arrested four suspects in raids on Monday, the ministry said. The raids targeted "
        "farms on the outskirts of Hit and a house in Ramadi.",
    ],
)
def test_arrests_and_seizures_are_no_attack(told, text):
    assert told(text) == []


def test_a_raid_that_killed_is_an_attack_even_with_arrests(told):
    text = "Security forces killed two militants and arrested three others in a raid near Hit."
    assert told(text) == [("Hit", 2)]


def test_an_attack_told_first_by_reference_keeps_its_report(told):
    # no arrest told before: "the attack" is this sentence's own
    text = "The attack on a checkpoint near Hit on Monday was claimed by the Islamic State group."
    assert [place for place, _ in told(text)] == ["Hit"]
