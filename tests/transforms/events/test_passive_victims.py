"""The side a sentence says was hit, in the passive ("three members of the SDF were killed",
"two Peshmerga fighters were wounded"), is the attacked side, never the attacker; a group named
in brackets before "said" is who spoke. Inputs written here, each with a counter-example."""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties
from transforms.events.classify import passive_victim


@pytest.fixture
def actors(real_reports):
    return lambda text: [(r["perpetrator_id"], r["actor2"]) for r in real_reports(text)]


@pytest.mark.parametrize(
    ("text", "perpetrator", "hit"),
    [
        ("Four members of the Peshmerga were killed on Monday when Islamic State militants "
         "stormed their post near Makhmur.", "ent:islamic_state", "ent:peshmerga"),
        ("Two Peshmerga fighters were wounded late on Sunday when ISIS militants attacked a "
         "position near Makhmur.", "ent:islamic_state", "ent:peshmerga"),
        ("Three members of the Kurdish-led Syrian Democratic Forces were shot dead at a "
         "checkpoint near Hajin on Friday.", None, "ent:sdf"),
        # counter-examples: the group named before an active verb is the agent
        ("Members of the Popular Mobilization Forces shot dead two men near Baiji on Friday.",
         "ent:pmf", None),
        ("Islamic State militants killed four members of the Peshmerga near Makhmur.",
         "ent:islamic_state", "ent:peshmerga"),
    ],
)  # fmt: skip
def test_a_group_whose_members_were_hit_is_the_attacked_side(actors, text, perpetrator, hit):
    assert actors(text) == [(perpetrator, hit)]


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Three members of the SDF were killed", True),
        ("Two Peshmerga fighters were reportedly wounded", True),
        ("Fighters of the PMF were among the dead", True),
        ("Members of the PMF stormed the village", False),
        ("Fighters of the SDF were deployed to the village", False),
        ("SDF fighters killed two militants", False),
    ],
)
def test_passive_victim_reads_the_verb_after_the_group(text, victim):
    for name in ("SDF", "Peshmerga", "PMF"):
        if name in text:
            start = text.index(name)
            assert passive_victim(text, start, start + len(name)) is victim, text


def test_a_group_in_brackets_before_said_is_who_spoke(actors):
    text = ("A woman was shot dead in the al-Hol camp on Saturday, the camp's internal security "
            "forces (Asayish) said.")  # fmt: skip
    assert actors(text) == [(None, None)]
    # counter-example: the same group named as the one who shot
    assert actors("Asayish members shot dead a woman in the al-Hol camp on Saturday.")[0][0] == (
        "ent:asayish"
    )


@pytest.mark.parametrize(
    ("clause", "killed"),
    [
        ("The governor mourned four teachers of the village school who were killed.", 4),
        ("Relatives named 3 shepherds who were shot dead in the hills.", 3),
    ],
    ids=["mourned", "named"],
)
def test_a_count_before_a_relative_who_is_the_victims(clause, killed):
    assert count_casualties(clause).killed == (killed, killed, killed)


def test_a_relative_who_with_no_count_before_it_counts_none():
    assert count_casualties("Police named the driver who was killed.").killed is None
