"""A place named as where the people struck were going ("pilgrims walking to Y", "a convoy on
its way to Y", "a bus bound for Y") is no venue beside a place the text gives the attack; alone,
it is all the text says of where the attack was, and stays."""

from __future__ import annotations

import pytest


def _places(real_reports, text: str) -> list[str]:
    return sorted(r["location_text"] for r in real_reports(text))


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (
            "A roadside bomb struck worshippers walking to Karbala on the highway near Musayyib, "
            "killing four.",
            "Musayyib",
        ),
        (
            "Gunmen ambushed an army convoy on its way to Tikrit near Baiji, killing two soldiers.",
            "Baiji",
        ),
        (
            "A bomb tore through a minibus bound for the city of Kirkuk in Tuz Khurmatu on "
            "Monday, wounding six.",
            "Tuz Khurmatu",
        ),
    ],
    ids=["walking-to", "on-its-way-to", "bound-for"],
)
def test_where_the_victims_were_going_is_no_venue(real_reports, text, venue):
    assert _places(real_reports, text) == [venue]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # alone, the destination is all the text says of the place
        ("A bomb hit a bus carrying pilgrims heading to Karbala, killing five.", "Karbala"),
        # a venue reached, not a destination ("went to Y and opened fire")
        ("A gunman drove to Kirkuk and opened fire on a police patrol, killing two.", "Kirkuk"),
    ],
    ids=["destination-alone", "arrived-venue"],
)
def test_a_destination_alone_or_a_place_reached_stays(real_reports, text, venue):
    assert _places(real_reports, text) == [venue]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # a bearing before the preposition, "toward" for "to"
        (
            "A bomb hit a convoy of pilgrims heading south to Karbala near Iskandariyah, "
            "killing two.",
            "Iskandariyah",
        ),
        # where the people struck were going, in a clause after the venue's
        (
            "A roadside bomb exploded beside a group of pilgrims in Musayyib, as they walked "
            "toward Karbala. Four were killed.",
            "Musayyib",
        ),
        # where the people struck came from, in a clause after the venue's
        (
            "Gunmen stopped a lorry on the highway near Baiji, and shot dead two drivers "
            "from Basra.",
            "Baiji",
        ),
    ],
    ids=["heading-south-to", "later-clause-toward", "later-clause-from"],
)
def test_where_they_went_or_came_from_after_the_venue_is_no_venue(real_reports, text, venue):
    assert _places(real_reports, text) == [venue]


@pytest.mark.parametrize(
    ("text", "venues"),
    [
        # a place after a sentence end is told apart, not where the people went
        (
            "A bomb went off in Musayyib on Friday. Pilgrims walking to Karbala were shot at "
            "in Hindiya, and three were wounded.",
            ["Hindiya", "Musayyib"],
        ),
        # where they came from, before the venue's clause: alone in its clause, it stays
        (
            "As they were returning from Karbala, pilgrims were hit by a bomb, killing three.",
            ["Karbala"],
        ),
    ],
    ids=["next-sentence", "origin-clause-first"],
)
def test_a_place_of_another_sentence_or_an_origin_first_stays(real_reports, text, venues):
    assert _places(real_reports, text) == venues
