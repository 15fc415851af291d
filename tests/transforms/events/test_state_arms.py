"""A state's forces named by their nationality and arms ("a Turkish drone strike", "Israeli
warplanes", "the Turkish occupation army") are the attacker when no actor is named; never
when those arms are what was hit. Inputs written here; each with a counter-example."""

from __future__ import annotations

import pytest


@pytest.fixture
def actors(real_reports):
    return lambda text: [(r["perpetrator_id"], r["actor2"]) for r in real_reports(text)]


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("A Turkish drone strike on a car near Qamishli killed three SDF fighters on Sunday.",
         "ent:tr_army"),
        ("An Israeli air strike on a house near Quneitra killed two men on Thursday.", "ent:idf"),
        ("The Turkish occupation army shelled villages near Tall Tamr, killing a child.",
         "ent:tr_army"),
        # counter-examples: the arms hit, and a named group using them
        ("Kurdish fighters shot down a Turkish drone near Qamishli on Sunday, wounding a "
         "farmer.", None),
        ("Islamic State militants attacked a post near Baiji with Turkish-made drones, "
         "killing two soldiers.", "ent:islamic_state"),
        ("U.S. aircraft struck a house near Hajin on Monday, killing four people.",
         "ent:us_military"),
        # "us" the pronoun is no nation
        ("A farmer near Hajin said: they gave us artillery rounds to dig out, and one blew up, "
         "killing four people on Monday.", None),
    ],
)  # fmt: skip
def test_a_states_arms_name_its_army_as_the_attacker(actors, text, perpetrator):
    assert [p for p, _ in actors(text)] == [perpetrator]
