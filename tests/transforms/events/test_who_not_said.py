"""Who did an attack, read only where the words say so: a group that owns what was hit ("a
vehicle of the SDF was shot at") or whose men died ("the death of an SDF commander") is the side
hit; a group that "has not claimed" the attack claims nothing; "the killings" refers back to the
attacks told, as "the attack" does ("the killing of 53 people" counts new dead). Inputs written
here; each with a counter-example that must not change."""

from __future__ import annotations


def _who(reports: list[dict]) -> list[tuple]:
    return sorted((r["location_text"], r["perpetrator_id"], r["attribution"]) for r in reports)


def test_the_owner_of_what_was_hit_is_no_perpetrator(real_reports):
    for text in (
        "A car of the Peshmerga was shot at near Makhmur on Monday, killing a driver.",
        "Gunmen opened fire on Monday near Makhmur, resulting in the death of a Peshmerga officer.",
    ):
        assert [p for _l, p, _a in _who(real_reports(text))] == [None]


def test_members_of_a_group_attacking_are_its_perpetrators(real_reports):
    # counter-example: "fighters of" a group act; "the killing of ... by" names the attacker
    for text in (
        "Fighters of the Islamic State attacked a checkpoint near Makhmur on Monday, killing two.",
        "Police reported the killing of two farmers by Islamic State militants near Makhmur.",
    ):
        assert [p for _l, p, _a in _who(real_reports(text))] == ["ent:islamic_state"]


def test_a_group_that_has_not_claimed_the_attack_claims_nothing(real_reports):
    for told in (
        "The Islamic State has not claimed the attack.",
        "ISIS hasn't claimed the attack, officials said.",
    ):
        text = f"Gunmen shot dead a tribal elder in Makhmur on Sunday. {told}"
        assert _who(real_reports(text)) == [("Makhmur", None, "unattributed")]


def test_a_group_claiming_the_attack_still_claims_it(real_reports):
    # counter-example: the claim made
    text = (
        "Gunmen shot dead a tribal elder in Makhmur on Sunday. "
        "The Islamic State claimed the attack."
    )
    assert _who(real_reports(text)) == [("Makhmur", "ent:islamic_state", "claimed")]


def test_the_killings_refer_back_to_the_attacks_told(real_reports):
    text = (
        "Gunmen shot dead two engineers in Makhmur on Sunday. "
        "Kurdish officials said Islamic State cells were behind the killings."
    )
    assert _who(real_reports(text)) == [("Makhmur", "ent:islamic_state", "attributed")]
