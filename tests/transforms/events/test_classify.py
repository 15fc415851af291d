"""Attack or not (and why), ACLED type, weapon, target, attribution."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events import classify, rules
from transforms.events.dates import find_dates

PUB = date(2026, 2, 22)


def reason(text: str) -> str | None:
    return classify.not_attack_reason(text, find_dates(text, PUB), PUB)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("The group has carried out six attacks against government targets", "aggregate"),
        ("ISIS has claimed three attacks since the fall of Assad", "aggregate"),
        ("sleeper cells continue to carry out deadly attacks in the region", "aggregate"),
        ("ministers survived five foiled assassination attempts", "foiled"),
        ("police thwarted a bomb plot in the capital", "foiled"),
        ("channels called for intensified attacks using motorcycles", "threat"),
        ("the spokesman vowed to attack the capital", "threat"),
        ("the army announced the start of a new offensive against the group", "offensive"),
        ("coalition forces withdrew from two bases", "withdrawal"),
        ("US troops departed from the base", "withdrawal"),
        ("thousands of prisoners escaped from the camp", "escape"),
        ("the group overran large parts of the country", "history"),
        ("a bomb killed ten people in the city in 2016", "history"),
    ],
)
def test_not_attacks(text, why):
    assert reason(text) == why


@pytest.mark.parametrize(
    "text",
    [
        "gunmen attacked a checkpoint in the town on Saturday",
        "IS claimed responsibility for two attacks on army personnel",
        "a roadside bomb killed two soldiers near the village",
    ],
)
def test_attacks_pass(text):
    assert reason(text) is None and classify.is_attack(text)


@pytest.mark.parametrize(
    ("text", "weapon", "etype", "sub"),
    [
        ("attacked soldiers with a pistol", "firearms", "Battles", "Armed clash"),
        ("gunmen shot dead two civilians", "firearms", "Violence against civilians", "Attack"),
        (
            "a car bomb exploded near the army base",
            "explosives",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        (
            "a suicide bomber struck a checkpoint",
            "explosives",
            "Explosions/Remote violence",
            "Suicide bomb",
        ),
        (
            "a drone strike hit the convoy",
            "aerial",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "mortar shells hit a market full of civilians",
            "explosives",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        (
            "militants kidnapped three shepherds",
            "unknown",
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_weapon_and_type(text, weapon, etype, sub):
    w = classify.weapon_of(text)
    assert w[0] == weapon
    assert classify.event_type_of(w, classify.target_of(text)) == (etype, sub)


@pytest.mark.parametrize(
    ("text", "has_perp", "expected"),
    [
        ("IS claimed responsibility for the attack", True, "claimed"),
        ("attacks by suspected ISIS supporters", True, "suspected"),
        ("officials blamed the group for the blast", True, "attributed"),
        ("the group denied any role in the bombing", True, "disputed"),
        ("killed by unknown assailants", False, "unattributed"),
    ],
)
def test_attribution(text, has_perp, expected):
    assert classify.attribution_of(text, has_perp) == expected


def test_attack_count():
    assert classify.attack_count("claimed on Feb 21 for two attacks targeting") == 2
    assert classify.attack_count("another attack in the city") == 1
    assert classify.attack_count("an attack happened") == 1
    assert classify.attack_count("soldiers were killed") is None


@pytest.mark.parametrize(
    "word",
    [
        "attack",
        "attacked",
        "assaults",
        "ambushed",
        "targeted",
        "targeting",
        "opened_fire",
        "shot",
        "shooting",
        "gunmen",
        "gunfire",
        "stabbed",
        "bombing",
        "blast",
        "explosion",
        "exploded",
        "detonated",
        "IED",
        "IEDs",
        "car_bomb",
        "shelling",
        "mortars",
        "rockets",
        "missile",
        "airstrike",
        "air_strikes",
        "drone_strike",
        "kidnapped",
        "abducted",
        "assassinated",
        "raid",
        "were_killed",
        "killing",
        "incidents",
    ],
)
def test_attack_stems_gate_every_attack_word(word):
    """The cheap substring gate must never hide a word the ATTACK regex would match."""
    text = f"they say {word.replace('_', ' ')} today"
    assert rules.ATTACK.search(text)
    assert rules.hit(rules.ATTACK_STEMS, text.lower())
