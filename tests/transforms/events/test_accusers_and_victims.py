"""Who attacked: a group that blames or accuses is the speaker, not the attacker; a
group whose fighters an attack killed is the side attacked. Inputs written here, each with a
counter-example."""

from __future__ import annotations

import pytest

from transforms.events.classify import accuser, target_position


@pytest.fixture
def actors(real_reports):
    return lambda text: [(r["perpetrator_id"], r["actor2"]) for r in real_reports(text)]


BOMB = "A car bomb killed nine people at a market in Sarmada on Monday. "


@pytest.mark.parametrize(
    ("second", "perpetrator"),
    [
        ("Hayat Tahrir al-Sham blamed cells loyal to the government.", None),
        ("Hayat Tahrir al-Sham, the main armed group there, blamed cells loyal to Damascus.",
         None),
        ("Hayat Tahrir al-Sham on Tuesday accused sleeper cells of the attack.", None),
        ("Hayat Tahrir al-Sham blamed the Islamic State for the attack.", "ent:islamic_state"),
        # the accused, not the accuser: passive wording
        ("The Islamic State, blamed for the attack, made no statement.", "ent:islamic_state"),
        ("Hayat Tahrir al-Sham was blamed for the attack.", "ent:hts"),
        # a group telling its own losses is no attacker; one claiming the attack is
        ("Hayat Tahrir al-Sham said two of its members were among the dead.", None),
        ("Hayat Tahrir al-Sham said it had carried out the attack.", "ent:hts"),
        ("Hayat Tahrir al-Sham announced responsibility for the attack.", "ent:hts"),
    ],
)
def test_an_accuser_is_no_perpetrator(actors, second, perpetrator):
    assert [a[0] for a in actors(BOMB + second)] == [perpetrator]


@pytest.mark.parametrize(
    ("text", "group", "attacked"),
    [
        ("A drone strike near Qamishli killed three fighters of the Syrian Democratic Forces.",
         "Syrian Democratic Forces", True),
        ("Gunmen wounded two members of the Peshmerga near Makhmour.", "Peshmerga", True),
        ("A drone killed two fighters of the Kurdish-led Syrian Democratic Forces.",
         "Syrian Democratic Forces", True),
        ("Fighters of the Islamic State killed two shepherds near Hajin.", "Islamic State", False),
        ("Gunmen from the Islamic State killed two soldiers near Hajin.", "Islamic State", False),
    ],
)  # fmt: skip
def test_members_of_a_group_an_attack_killed_put_the_group_on_the_attacked_side(
    text, group, attacked
):
    assert target_position(text, text.index(group)) is attacked


@pytest.mark.parametrize(
    ("text", "is_accuser"),
    [
        ("HTS blamed the regime", True),
        ("HTS denies any role", False),  # the accused, who disputes it
        ("HTS held the regime responsible", True),
        ("HTS, blamed for the attack, said", False),
        ("HTS was blamed for it", False),
        ("HTS fighters attacked the post", False),
    ],
)
def test_accuser(text, is_accuser):
    assert accuser(text, len("HTS")) is is_accuser


def test_a_town_two_sides_claim_is_no_claim_of_the_attack(actors):
    got = actors(
        "Gunmen shot dead a local official of the Kurdistan Democratic Party in Kirkuk on "
        "Sunday. Kirkuk, claimed by both Baghdad and the Kurdistan Regional Government, has "
        "seen killings of officials before."
    )
    assert [a[0] for a in got] == [None]
