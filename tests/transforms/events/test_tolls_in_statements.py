"""Tolls as official statements tell them: the wounded carried to a hospital (a casualty
clause, not a relocation; the hospital's town no venue). Inputs written here; each with a
counter-example."""

from __future__ import annotations

from transforms.events import classify


def test_a_clause_of_wounded_carried_to_hospital_is_no_relocation():
    clause = "three of the guards were injured and transferred to a field clinic"
    assert classify.wording_reason(clause) is None
    # counter-examples: people moved with no one hurt are still a relocation
    assert classify.wording_reason("the displaced families were transferred to a new camp") == (
        "relocation"
    )
    assert classify.wording_reason("the bodies were repatriated to their home country") == (
        "relocation"
    )


def test_the_wounded_of_an_attack_carried_to_a_hospital_elsewhere(real_reports):
    text = (
        "Gunmen stormed a police post in the town of Saraqib on Tuesday, killing one officer. "
        "Police returned fire; four officers were injured and later transferred to a hospital in "
        "the city of Idlib."
    )
    got = [(r["location_text"], r["killed_best"], r["wounded_best"]) for r in real_reports(text)]
    assert got == [("Saraqib", 1, 4)]


def test_an_attack_on_a_hospital_keeps_its_town(real_reports):
    # counter-example: the hospital is where the attack struck
    text = "A car bomb exploded outside a hospital in the city of Idlib on Tuesday, wounding six."
    got = [(r["location_text"], r["wounded_best"]) for r in real_reports(text)]
    assert got == [("Idlib", 6)]
