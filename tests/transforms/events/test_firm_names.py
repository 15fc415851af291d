"""A place name heading a firm's name ("X Gas", "the X Oil Company", "X Cement Factory") is
the firm's, no venue, when the document names another place: the firm may come from anywhere
(Ad Dana, Idlib, is also "Dana"). Alone, it is all the text says of where the firm's site is,
and stays; the firm's town named again as a place ("the X Oil Company's offices in X") stays
the venue.
"""

from __future__ import annotations

import pytest


def _locations(reports: list[dict]) -> set[tuple[str | None, str | None]]:
    return {(r["location_text"], r["admin1"]) for r in reports}


@pytest.mark.parametrize(
    "text",
    [
        "A drone hit a compressor station near Kirkuk on Tuesday, killing three guards. "
        "The station is run by Dana Gas, a firm based in the Gulf.",
        "Rockets struck the depot of the Dana Petroleum Company outside Kirkuk on Tuesday, "
        "wounding two workers.",
        "Gunmen attacked a bus carrying Dana Cement Factory workers in Kirkuk, killing four.",
    ],
    ids=["firm-in-a-later-sentence", "company-of-the-venue", "factory"],
)
def test_a_firm_named_after_a_town_is_no_venue_beside_a_place(real_reports, text):
    assert _locations(real_reports(text)) == {("Kirkuk", "Kirkuk")}


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        (
            "Rockets hit the Basra Oil Company's offices in Basra on Monday, wounding a guard.",
            ("Basra", "Basra"),
        ),
        (
            "A roadside bomb hit a convoy of the Kirkuk Oil Company on Sunday, killing two.",
            ("Kirkuk", "Kirkuk"),
        ),
        ("Mortar rounds fell on Dana on Friday, killing a child.", ("Dana", "Idlib")),
    ],
    ids=["firm-town-named-as-venue", "firm-alone-places-it", "no-firm"],
)
def test_the_firm_town_stays_where_nothing_else_places_the_attack(real_reports, text, meant):
    assert _locations(real_reports(text)) == {meant}
