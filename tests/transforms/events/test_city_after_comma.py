"""A city named after a comma says where the smaller town before it lies ("in Mezzeh,
Damascus", "in Tarmiyah, Baghdad"): one venue, the town, with the whole toll. Only when the
town lies within a quarter's reach of the city, or in the governorate the city is the seat of;
never for the items of a list, nor for a town of another governorate."""

from __future__ import annotations

import pytest


def _told(real_reports, text: str) -> list[tuple[str, int | None]]:
    return sorted((r["location_text"], r["killed_best"]) for r in real_reports(text))


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("A car bomb in Mezzeh, Damascus, killed six people.", [("Mezzeh", 6)]),
        ("A bomb went off in Buhriz, Baqubah, on Sunday, killing two.", [("Buhriz", 2)]),
        ("A roadside bomb exploded in Tarmiyah, Baghdad, killing two.", [("Tarmiyah", 2)]),
    ],
    ids=["quarter-of-capital", "town-beside-seat", "town-of-seats-governorate"],
)
def test_a_city_after_a_comma_locates_the_town(real_reports, text, told):
    assert _told(real_reports, text) == told


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a list: Damascus is a place of its own
        ("Car bombs hit Homs, Mezzeh, Damascus on Monday, killing nine.", "Damascus"),
        # another governorate's seat: no container of Tarmiyah
        ("Roadside bombs exploded in Tarmiyah, Kirkuk, killing two.", "Kirkuk"),
    ],
    ids=["list", "seat-of-another-governorate"],
)
def test_a_list_or_another_governorates_city_stays_a_place(real_reports, text, place):
    assert place in {r["location_text"] for r in real_reports(text)}


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # a district of the city, the city named with its word "city": one venue
        (
            "Two bombs exploded near a mosque in Adhamiya, Baghdad city, killing four people.",
            [("Baghdad", 4)],
        ),
    ],
    ids=["district-then-city"],
)
def test_a_district_before_its_city_is_one_venue(real_reports, text, told):
    assert _told(real_reports, text) == told


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # no "city": Baghdad is the governorate holding the district's town
        ("A roadside bomb exploded in Tarmiyah, Baghdad, killing two.", [("Tarmiyah", 2)]),
    ],
    ids=["district-then-governorate"],
)
def test_a_district_before_its_governorate_stays(real_reports, text, told):
    assert _told(real_reports, text) == told
