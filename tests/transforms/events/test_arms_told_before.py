"""A sentence that says who planted the bomb, or who the gunmen were, of an attack told before
("The mine had been laid by IS fighters") says who did that attack: it is no attack of its
own, placed where the first was and counted twice. And an older attack told after a place-less
one with a toll ("Last month a car bomb killed six in X") is an attack of its own, not the
place of the first. Inputs written here; each with a counter-example that must not change."""

from __future__ import annotations

from datetime import date


def _brief(reports: list[dict]) -> list[tuple]:
    return sorted(
        (r["location_text"], r["killed_best"], r["wounded_best"], r["perpetrator_id"])
        for r in reports
    )


def test_who_planted_the_mine_told_before_is_its_perpetrator(real_reports):
    for told in (
        "The mine had been laid by Islamic State fighters.",
        "The explosives were planted by ISIS, police said.",
        "The gunmen belonged to the Islamic State, officials said.",
    ):
        text = f"Two shepherds were killed and one wounded when a mine went off near Hawija. {told}"
        assert _brief(real_reports(text)) == [("Hawija", 2, 1, "ent:islamic_state")]


def test_a_group_acting_on_its_own_after_an_attack_is_another_attack(real_reports):
    # counter-example: the group named with no "the mine", "the gunmen" before it acts anew
    text = (
        "Two shepherds were killed when a mine went off near Hawija on Monday. "
        "Islamic State fighters attacked an army post on Tuesday."
    )
    got = real_reports(text)
    assert len(got) == 2
    assert {r["perpetrator_id"] for r in got} == {None, "ent:islamic_state"}


def test_a_bomb_planted_by_a_group_opening_a_story_is_an_attack(real_reports):
    # counter-example: nothing told before it to refer to
    text = "A bomb planted by Islamic State fighters killed two soldiers near Hawija."
    assert _brief(real_reports(text)) == [("Hawija", 2, None, "ent:islamic_state")]


def test_an_older_attack_after_a_place_less_killing_is_its_own(real_reports):
    text = (
        "A farmer from Basuta in the Afrin district did not come home on Monday. Gunmen shot "
        "him and his nephew outside an olive press, killing the farmer and wounding the nephew. "
        "Last month a car bomb killed six people in Azaz."
    )
    got = real_reports(text, published=date(2026, 3, 20))
    by_toll = {(r["killed_best"], r["wounded_best"]): r for r in got}
    assert set(by_toll) == {(1, 1), (6, None)}
    assert by_toll[(6, None)]["location_text"] == "Azaz"
    assert by_toll[(6, None)]["event_date"] == date(2026, 2, 1)


def test_a_total_told_first_still_takes_its_parts(real_reports):
    # counter-example: a place-less toll, then attacks of the story's own day, stay one group
    text = (
        "Nine people were killed in two bombings on Monday. A car bomb killed five in Azaz and "
        "a roadside bomb killed four in Afrin."
    )
    got = real_reports(text, published=date(2026, 3, 4))
    assert sorted((r["location_text"], r["killed_best"]) for r in got) == [
        ("Afrin", 4),
        ("Azaz", 5),
    ]
