"""A habit told in the present ("it frequently targets positions of the PKK in X"), a state's
strikes named by nationality ("the US strikes on X", "Iraqi Air Force F-16 jets"), and an
attack told in a relative clause of a commemoration ("to commemorate the massacre, in which
IS executed ..."). Inputs written here; each with a counter-example that must not change."""

from __future__ import annotations

import pytest


@pytest.fixture
def reports(real_reports):
    return lambda text: [
        (r["location_text"], r["killed_best"], r["perpetrator_id"]) for r in real_reports(text)
    ]


def test_a_habit_in_the_present_is_no_attack(reports):
    text = "The army frequently targets what it says are PKK positions in the mountains of Amedi."
    assert reports(text) == []


def test_an_attack_today_by_the_same_army_stays(reports):
    text = "Turkish jets targeted a PKK position in the mountains of Amedi on Tuesday, killing two."
    assert [(place, killed) for place, killed, _ in reports(text)] == [("Amedi", 2)]


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("Sixteen people were killed in the US strikes on Al-Qaim late on Friday.",
         "ent:us_military"),
        ("Iraqi Air Force F-16 fighter jets struck a hideout near Hawija on Tuesday, killing "
         "five militants.", "ent:iq_army"),
        # counter-example: the state's strikes as what was hit keep no perpetrator
        ("Gunmen fired at a convoy near Al-Qaim on Friday, killing two, hours after residents "
         "protested against US strikes.", None),
    ],
)  # fmt: skip
def test_a_states_strikes_by_nationality(reports, text, perpetrator):
    ((_, _, perp),) = reports(text)
    assert perp == perpetrator


def test_an_attack_in_a_commemorations_relative_clause_is_no_attack(reports):
    text = (
        "Ceremonies were held in Baghdad on Wednesday to commemorate the anniversary of the "
        "massacre, in which IS militants executed about 1,700 cadets near Tikrit."
    )
    assert reports(text) == []


def test_an_attack_with_a_relative_clause_stays(reports):
    text = (
        "Gunmen attacked a wedding in Tikrit on Wednesday, in which five guests were killed."
    )
    assert [(place, killed) for place, killed, _ in reports(text)] == [("Tikrit", 5)]
