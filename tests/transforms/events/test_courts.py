"""A court's sentence is no attack and no death: "sentenced five men to death after convicting
them of the 2016 bombing" reports neither an attack nor five dead; a judge killed who had
sentenced others still is. Inputs written here; each with a counter-example."""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties


@pytest.fixture
def told(real_reports):
    return lambda text: [(r["location_text"], r["killed_best"]) for r in real_reports(text)]


@pytest.mark.parametrize(
    "text",
    [
        "A court in Baghdad sentenced three men to death on Monday after convicting them of "
        "a 2019 bombing in Kirkuk, which killed 12 people.",
        "A court in Erbil convicted four men on Monday of planning a bombing in Kirkuk.",
    ],
)
def test_a_courts_sentence_is_no_attack(told, text):
    assert told(text) == []


def test_a_judge_killed_for_his_sentences_is_an_attack(told):
    text = "Gunmen killed a judge who had sentenced three militants to death, in Kirkuk on Monday."
    assert told(text) == [("Kirkuk", 1)]


@pytest.mark.parametrize(
    ("clause", "killed"),
    [
        ("A court sentenced three men to death on Monday.", None),
        ("Three men were sentenced to death in absentia.", None),
        # counter-examples: put to death by a means
        ("Militants tortured two shepherds to death.", 2),
        ("Two farmers were beaten to death.", 2),
    ],
)
def test_a_death_sentence_counts_no_dead(clause, killed):
    got = count_casualties(clause).killed
    assert (None if got is None else got[1]) == killed
