"""A named region followed by its governorate ("the Mutaibija area, Salah ad Din governorate")
is one venue, the region, with the whole toll (it was two: the region and the governorate,
the toll split between them). When the gazetteer puts the region in another governorate than
the one stated ("the Hamrin mountains, Diyala governorate": the range is filed under Salah
ad Din), the stated governorate is the venue; a town before its governorate stays the town."""

from __future__ import annotations

import pytest


def _told(real_reports, text: str) -> list[tuple[str, int | None]]:
    return sorted((r["location_text"], r["killed_best"]) for r in real_reports(text))


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "Gunmen ambushed an army convoy in the Mutaibija area, Salah ad Din governorate, "
            "on Sunday, killing two soldiers.",
            [("Mutaibija", 2)],
        ),
        (
            "Gunmen ambushed an army convoy in the Hamrin mountains, Diyala governorate, on "
            "Sunday, killing two soldiers.",
            [("Diyala governorate", 2)],
        ),
    ],
    ids=["same-governorate", "governorate-stated-otherwise"],
)
def test_a_region_and_its_governorate_are_one_venue(real_reports, text, told):
    assert _told(real_reports, text) == told


def test_a_town_and_its_governorate_stay_the_town(real_reports):
    text = "Gunmen ambushed an army convoy in Baiji, Salah ad Din governorate, killing two."
    assert _told(real_reports, text) == [("Baiji", 2)]
