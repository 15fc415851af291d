"""A raid that arrested people or seized arms, and a habit told as background ("have
repeatedly shelled"), with no toll, are no attack; "the raids" told after arrests refer to them; a
raid or a habit with a toll is an attack. Inputs written here; each with a counter-example."""

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


@pytest.mark.parametrize(
    "text",
    [
        "U.S. forces have previously struck positions of Iran-aligned groups in Deir ez-Zor.",
        "The militants have repeatedly shelled villages near Tuz Khurmatu, residents said.",
    ],
)
def test_a_habit_told_as_background_is_no_attack(told, text):
    assert told(text) == []


def test_a_habit_with_a_toll_of_its_own_is_still_read(told):
    text = "Militants have repeatedly shelled Tuz Khurmatu, and on Monday a shell killed two."
    assert [killed for _, killed in told(text)] == [2]
