"""Tolls as official statements tell them: the wounded carried to a hospital (a casualty
clause, not a relocation; the hospital's town no venue). Inputs written here; each with a
counter-example."""

from __future__ import annotations

from transforms.events import classify
from transforms.events.casualties import count_casualties


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


def test_a_clause_of_wounded_evacuated_is_no_withdrawal():
    assert classify.wording_reason("two medics were hurt and evacuated by helicopter") is None
    # counter-examples: a withdrawal with no one hurt, or after another act's harm, stays one
    assert classify.wording_reason("the brigade withdrew from the hills at dawn") == "withdrawal"
    clause = "the fighters pulled out after a siege that killed scores of residents"
    assert classify.wording_reason(clause) == "withdrawal"


def test_the_wounded_of_an_attack_evacuated_elsewhere(real_reports):
    text = (
        "Two soldiers were wounded and evacuated to a hospital in the city of Idlib after a "
        "mortar shell hit their post in Saraqib on Tuesday."
    )
    got = [(r["location_text"], r["wounded_best"]) for r in real_reports(text)]
    assert got == [("Saraqib", 2)]


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


def test_a_mourned_toll_is_the_attacks_when_it_states_none(real_reports):
    text = (
        "The army command mourned three of its soldiers who were killed on Monday, as they fought "
        "off an assault by gunmen on a base in the town of Saraqib."
    )
    assert [(r["location_text"], r["killed_best"]) for r in real_reports(text)] == [
        ("Saraqib", 3)
    ]


def test_a_mourned_toll_told_after_the_attack(real_reports):
    text = (
        "Gunmen ambushed an army patrol near the town of Saraqib on Monday. "
        "The defence ministry mourned four soldiers who died in the ambush."
    )
    assert [(r["location_text"], r["killed_best"]) for r in real_reports(text)] == [
        ("Saraqib", 4)
    ]


def test_an_attack_with_its_own_toll_keeps_it_beside_a_mourning(real_reports):
    # counter-example: the attack states its own toll; the mourning does not add to it
    text = (
        "Gunmen ambushed an army patrol near the town of Saraqib on Monday, killing two soldiers. "
        "The defence ministry condemned the attack that also killed a soldier in Hama last week."
    )
    got = [(r["location_text"], r["killed_best"]) for r in real_reports(text)]
    assert got[0] == ("Saraqib", 2)


def test_attackers_killed_by_the_defenders_are_perpetrators():
    got = count_casualties("the guards fought back against the militants and killed two of them")
    assert got.killed == (2, 2, 2) and got.perpetrators_killed == 2
    got = count_casualties("troops exchanged fire with the insurgents, killing five of them")
    assert got.killed == (5, 5, 5) and got.perpetrators_killed == 5
    # counter-examples: "them" are the people of the place the attackers stormed
    got = count_casualties("the militants raided a farm and killed two of them")
    assert got.killed == (2, 2, 2) and got.perpetrators_killed is None
    got = count_casualties("gunmen fired on the shepherds and killed two of them")
    assert got.perpetrators_killed is None


def test_attackers_killed_after_the_victims_add_to_them(real_reports):
    text = (
        "Two policemen were killed when gunmen attacked a checkpoint in the town of Saraqib on "
        "Monday. The police fought back against the gunmen and killed four of them."
    )
    got = [(r["killed_best"], r["perpetrators_killed"]) for r in real_reports(text)]
    assert got == [(6, 4)]


def test_the_body_of_an_abducted_victim_found_later_is_a_death(real_reports):
    text = (
        "Masked men kidnapped a schoolteacher outside his house in the town of Saraqib on "
        "Monday. His body was discovered two days later."
    )
    got = [(r["location_text"], r["killed_best"], str(r["event_date"])) for r in real_reports(text)]
    assert got == [("Saraqib", 1, "2026-03-02")]


def test_bodies_of_others_found_later_are_no_death_of_the_abducted(real_reports):
    # counter-example: "the bodies of two shepherds" are not the teacher told before
    text = (
        "Masked men kidnapped a schoolteacher outside his house in the town of Saraqib on "
        "Monday. The bodies of two shepherds were discovered two days later."
    )
    got = [(r["location_text"], r["killed_best"]) for r in real_reports(text)]
    assert got[0] == ("Saraqib", None)


def test_a_count_that_is_another_verbs_subject_counts_no_victims():
    # the counted phrase is the subject of a verb whose object the relative follows
    assert count_casualties("Three medics treated soldiers who were wounded.").wounded is None
    assert count_casualties("Two envoys saw villagers who were killed.").killed is None
    # counter-examples: the count heads the relative's own noun phrase, or a participle's
    assert count_casualties("Two envoys saw four villagers who were killed.").killed == (4, 4, 4)
    got = count_casualties("The imam named five worshippers of the mosque who were killed.")
    assert got.killed == (5, 5, 5)
    got = count_casualties("Two suspects sought by the police who were killed in a raid.")
    assert got.killed == (2, 2, 2)
