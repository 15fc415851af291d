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
