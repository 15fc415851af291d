"""A full news article tells one attack over several sentences: the ones that only tell it
again (its attackers, where exactly, who reacted) make no second report, and a dateline
without an agency is no venue. Inputs written here; each with a counter-example."""

from __future__ import annotations

import pytest


@pytest.fixture
def reports(real_reports):
    return real_reports


@pytest.mark.parametrize(
    "second",
    [
        "The attackers opened fire on the men in an orchard near the village of Qara Tappa.",
        "The incident took place in an orchard outside Jalawla.",
        "The governor of Diyala condemned the attack in a statement issued in Baquba.",
        "Residents of Jalawla said they heard the gunfire late at night.",
    ],
)
def test_a_sentence_telling_the_attack_again_makes_no_second_report(reports, second):
    first = "Gunmen killed four shepherds near Khanaqin in Diyala province on Thursday. "
    got = reports(first + second)
    assert [(r["location_text"], r["killed_best"]) for r in got] == [("Khanaqin", 4)]


@pytest.mark.parametrize(
    "second",
    [
        # a toll of its own: another attack
        "The attackers then struck a checkpoint in Baquba, killing two policemen.",
        # another governorate
        "The gunmen also burned a car on the road outside Tikrit.",
    ],
)
def test_a_sentence_with_its_own_toll_or_far_away_is_a_second_report(reports, second):
    first = "Gunmen killed four shepherds near Khanaqin in Diyala province on Thursday. "
    assert len(reports(first + second)) == 2


def test_an_attack_on_mourners_is_no_reaction(reports):
    got = reports("A car bomb struck mourners at a funeral in Tuz Khurmatu, killing six.")
    assert [(r["location_text"], r["killed_best"]) for r in got] == [("Tuz Khurmatu", 6)]


def test_a_dateline_without_an_agency_is_no_venue(reports):
    got = reports("BAQUBA, Iraq - A roadside bomb killed two soldiers near Khalis on Friday.")
    assert [r["location_text"] for r in got] == ["Khalis"]


def test_a_finer_place_told_again_takes_the_coarser_ones_toll(reports):
    got = reports(
        "Artillery shelling killed five civilians in a village of Idlib province on Saturday. "
        "A monitoring group said the shells hit the village of Kansafra."
    )
    assert [(r["location_text"], r["killed_best"]) for r in got] == [("Kansafra", 5)]


def test_places_locating_the_post_are_no_second_attack(reports):
    got = reports(
        "Four soldiers were killed when militants attacked their post in the Mutaibijah area "
        "on Saturday. The militants used grenades in the assault on the post, which lies "
        "between Samarra and the border with Diyala province."
    )
    assert [r["killed_best"] for r in got] == [4]


def test_a_death_toll_told_far_from_its_verb_counts(reports):
    got = reports(
        "The death toll from a car bomb that went off near a bus carrying farm workers on the "
        "edge of the northern town of Manbij on Monday rose to 20, an official said."
    )
    assert [(r["location_text"], r["killed_best"]) for r in got] == [("Manbij", 20)]


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # a report from Babil: the village is Iraqi, whatever Syrian hamlet bears its name
        ("HILLA, Iraq - A suicide bomber killed 14 worshippers at a mosque south of Hilla on "
         "Friday. The bomber entered the mosque in the village of Jbela as prayers began.",
         ["Babil"]),
        # a document placing nothing in either country: the village the gazetteer knows
        ("A roadside bomb killed two farmers in the village of Jbela on Friday.", ["Idlib"]),
    ],
)  # fmt: skip
def test_a_minor_village_of_the_country_the_document_does_not_name(reports, text, admin1):
    assert [r["admin1"] for r in reports(text)] == admin1


def test_a_sentence_about_the_attacker_keeps_the_passage_open(reports):
    got = reports(
        "HILLA, Iraq - A suicide bomber blew himself up inside a mosque during Friday prayers "
        "in a village south of Hilla on Friday, killing 14 worshippers, officials said.\n\n"
        "The attacker, wearing an explosives belt, entered the mosque in the village of Jbela "
        "as the imam began his sermon, a police spokesman said. The death toll could rise, he "
        "added, as several of the wounded were in critical condition.\n\n"
        "Babil province has been hit by several bombings this year. Islamic State claimed "
        "responsibility for the attack in a statement."
    )
    assert [(r["killed_best"], r["perpetrator_id"]) for r in got] == [(15, "ent:islamic_state")]



@pytest.mark.parametrize(
    "series",
    [
        "It was the third bombing in Khanaqin in a fortnight.",
        "The blast marked the second such attack on the town this month.",
    ],
)
def test_the_attack_named_as_one_of_a_series_is_no_second_report(reports, series):
    first = "A truck bomb went off beside a bakery in Khanaqin in Diyala province on Thursday. "
    second = "Nine people were killed and 14 others were hurt. "
    got = reports(first + second + series)
    assert [(r["location_text"], r["killed_best"], r["wounded_best"]) for r in got] == [
        ("Khanaqin", 9, 14)
    ]


def test_a_second_bomb_going_off_is_still_its_own_report(reports):
    first = "A truck bomb went off beside a bakery in Khanaqin in Diyala province on Thursday. "
    second = "A second bomb exploded in Jalawla an hour later."
    got = reports(first + second)
    assert [r["location_text"] for r in got] == ["Khanaqin", "Jalawla"]
