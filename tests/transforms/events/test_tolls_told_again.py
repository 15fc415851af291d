"""A sentence that tells the attack already reported again, with the toll its report lacked
("A car bomb killed nine in X province. Another 30 were wounded in the blast, which hit a
market in Y"), completes that report: one attack, at the finer place, with both tolls, not a
second attack of wounded only. "Another" before a number counts more people, not another act.
Inputs written here; each with a counter-example that must not change."""

from __future__ import annotations


def _brief(reports: list[dict]) -> list[tuple]:
    return sorted((r["location_text"], r["killed_best"], r["wounded_best"]) for r in reports)


def test_the_wounded_told_at_a_finer_place_complete_the_attack(real_reports):
    for told in (
        "Another 30 were wounded in the blast, which struck a market in the town of Tal Afar.",
        "A further 30 people were hurt in the attack on a market in Tal Afar.",
    ):
        text = f"A car bomb killed nine people in Nineveh province on Sunday. {told}"
        assert _brief(real_reports(text)) == [("Tal Afar", 9, 30)]


def test_the_wounded_told_at_a_coarser_place_complete_the_attack(real_reports):
    text = (
        "A roadside bomb killed four soldiers near Tal Afar on Sunday. "
        "Six more were wounded in the attack in Nineveh province, an officer said."
    )
    assert _brief(real_reports(text)) == [("Tal Afar", 4, 6)]


def test_another_bomb_wounding_people_elsewhere_is_another_attack(real_reports):
    # counter-example: "another bomb" is another act, though its toll is the kind lacking
    text = (
        "A car bomb killed nine people in Nineveh province on Sunday. "
        "Another bomb wounded 30 at a market in the town of Tal Afar."
    )
    assert len(real_reports(text)) == 2


def test_more_dead_told_at_a_finer_place_are_not_merged_into_the_first_toll(real_reports):
    # counter-example: a toll of the kind the report already states is not the missing one
    text = (
        "A car bomb killed nine people in Nineveh province on Sunday. "
        "Twelve people were killed in the attack on a market in the town of Tal Afar."
    )
    assert _brief(real_reports(text)) == [("Nineveh province", 9, None), ("Tal Afar", 12, None)]
