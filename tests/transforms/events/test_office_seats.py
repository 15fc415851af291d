"""A place named as the seat of a victim's office or of the body he serves ("a member of the X
Provincial Council", "the deputy mayor of X", "an officer of the X police", "the X Operations
Command") is no venue beside a place the text gives the attack: the official serves there, he
was struck elsewhere. Alone, it is all the text says of where, and stays; "the mayor was shot
in X" and "the outskirts of X" name no office."""

from __future__ import annotations

import pytest


def _places(real_reports, text: str) -> list[tuple[str, str]]:
    return sorted((r["location_text"], r["admin1"]) for r in real_reports(text))


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (
            "Gunmen shot dead a member of the Kirkuk Provincial Council as he left a restaurant "
            "in Baqubah on Sunday.",
            ("Baqubah", "Diyala"),
        ),
        (
            "The deputy mayor of Tuz Khurmatu was killed by a sticky bomb in Tikrit on Monday.",
            ("Tikrit", "Salah ad Din"),
        ),
        (
            "A retired officer of the Anbar police was found shot dead in Kirkuk on Friday.",
            ("Kirkuk", "Kirkuk"),
        ),
        (
            "A bomb struck a convoy of the Diyala Operations Command near Samarra, killing "
            "two soldiers.",
            ("Samarra", "Salah ad Din"),
        ),
    ],
    ids=["council-member", "deputy-mayor-of", "officer-of-the-police", "operations-command"],
)
def test_the_seat_of_an_office_is_no_venue_beside_a_place(real_reports, text, venue):
    assert _places(real_reports, text) == [venue]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # alone, the seat is all the text says of where the official was
        ("Gunmen shot dead the mayor of Khalis on Monday.", ("Khalis", "Diyala")),
        # struck in the town, not serving it: a venue
        (
            "Gunmen shot dead a council member in Khalis on Monday.",
            ("Khalis", "Diyala"),
        ),
        # "of" after no office: the outskirts of a town are in it
        (
            "A roadside bomb hit a police patrol on the outskirts of Baqubah, killing two.",
            ("Baqubah", "Diyala"),
        ),
    ],
    ids=["seat-alone", "member-in-town", "outskirts-of"],
)
def test_a_seat_alone_or_a_town_named_otherwise_stays(real_reports, text, venue):
    assert _places(real_reports, text) == [venue]
