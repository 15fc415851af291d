"""Sentences that report no attack of the moment: a tally over a span of time set off by commas
("Since 29 April, at least 160 civilians have been killed"), a monitor's count ("recorded 34
assassinations in April, which killed 27"), a toll over decades ("has been responsible for
the deaths of more than 40,000 people"), what may yet be done ("could launch a ground
operation", "possible targets of a new offensive"), a time counted from an earlier attack ("a
week after a deadly bombing in X"), and a capital blaming someone ("Ankara blames ..."). Inputs
written here; each with a counter-example that must not change."""

from __future__ import annotations

import pytest


@pytest.fixture
def told(real_reports):
    return lambda text: sorted(
        (r["location_text"] or "", r["killed_best"]) for r in real_reports(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Since 3 March, at least 140 civilians have been killed in Idlib province, the UN said.",
        "The farms of Diyala have seen, over the past years, attacks that killed dozens of "
        "farmers.",
        "A local monitor recorded 41 assassinations in Daraa in May, which killed 30 people.",
        "The group has been responsible for the deaths of more than 30,000 people in Iraq.",
        "Turkey could launch a ground offensive against the SDF in Manbij at any time, the "
        "president said.",
        "Officials named Manbij and Kobani as possible targets of a new offensive.",
        "Deir ez-Zor province is witnessing a security chaos of assassinations and bombings.",
        "The Hawija area has witnessed a wave of attacks by IS cells.",
    ],
)
def test_no_attack_of_the_moment(told, text):
    assert told(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed two farmers in Hajin on Sunday, the first attack there since "
         "January.", [("Hajin", 2)]),
        ("Four suicide bombers were killed near Kubaysa before they could attack.",
         [("Kubaysa", 4)]),
        ("Gunmen killed two farmers in Hajin on Sunday, a week after a bomb killed three "
         "people in Manbij.", [("Hajin", 2)]),
        ("A car bomb killed three people in Manbij on Sunday.", [("Manbij", 3)]),
        ("Residents of Hawija witnessed an attack by IS cells that killed three farmers on "
         "Sunday.", [("Hawija", 3)]),
    ],
)  # fmt: skip
def test_the_attack_of_the_moment_stays(told, text, expected):
    assert told(text) == expected


def test_a_capital_blaming_is_its_government(real_reports):
    text = "Ankara blames the PKK for a bombing that killed six people in Istanbul on Sunday."
    assert [r["location_text"] for r in real_reports(text)] == ["Istanbul"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A series counted or named across one city, doing the toll: one day's attacks.
        ("Three car bombs went off in markets across Mosul on Friday, killing 22 people.",
         [("Mosul", 22)]),
        ("A string of bombs across Kirkuk on 3 May killed 14 people.", [("Kirkuk", 14)]),
        ("Five blasts, two of them suicide attacks, across Basra hit a bus station and a "
         "market, leaving 12 people dead.", [("Basra", 12)]),
    ],
)  # fmt: skip
def test_one_days_series_across_a_city(told, text, expected):
    assert told(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Counter-examples: attacks across a country, uncounted, or a city among several.
        "Three car bombs went off across Iraq on Friday, killing 22 people.",
        "Attacks across Mosul killed 40 people in May.",
        "A string of bombs across Kirkuk and several other cities killed 30 people.",
        "Bombings across the country killed 50 people.",
    ],
)
def test_attacks_across_a_land_stay_a_tally(told, text):
    assert told(text) == []
