"""A sentence telling an attack again may name where it was more coarsely, by a river or a
region across governorates: no second venue. Inputs written here; with a counter-example."""

from __future__ import annotations


def test_a_river_in_a_sentence_telling_the_attack_again_is_no_second_venue(real_reports):
    text = (
        "A roadside bomb struck an army patrol near Baiji on Monday, killing two soldiers. "
        "The patrol was searching farmland along the Tigris when the device exploded."
    )
    got = [(r["location_text"], r["killed_best"]) for r in real_reports(text)]
    assert got == [("Baiji", 2)]


def test_a_river_with_a_toll_of_its_own_is_another_attack(real_reports):
    text = (
        "A roadside bomb struck an army patrol near Baiji on Monday, killing two soldiers. "
        "Later, a second bomb killed a fisherman on the Tigris."
    )
    got = [r["killed_best"] for r in real_reports(text)]
    assert got == [2, 1]
