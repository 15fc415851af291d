""""Between X and Y" names one stretch by both its ends, as "the road between X and Y" does:
one attack, placed at the first end, its toll whole (it was two attacks, the toll split
between the towns). Places merely listed ("bombs in X and Y"), or "between" naming days
before them, stay one attack per place."""

from __future__ import annotations

import pytest


def _told(real_reports, text: str) -> list[tuple[str, int | None]]:
    return sorted((r["location_text"], r["killed_best"]) for r in real_reports(text))


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "Gunmen ambushed an army patrol between Baiji and Tikrit on Sunday, killing three "
            "soldiers.",
            [("Baiji", 3)],
        ),
        (
            "Clashes between the villages of Kanaan and Buhriz on Sunday killed four fighters.",
            [("Kanaan", 4)],
        ),
    ],
    ids=["between-towns", "between-the-villages-of"],
)
def test_between_two_places_is_one_attack_at_the_first(real_reports, text, told):
    assert _told(real_reports, text) == told


@pytest.mark.parametrize(
    "text",
    [
        "Bombs in Baiji and Tikrit killed six people on Sunday.",
        "Fighting between Tuesday and Thursday in Baiji and Tikrit killed six people.",
    ],
    ids=["listed", "between-days"],
)
def test_listed_places_stay_two_attacks(real_reports, text):
    assert _told(real_reports, text) == [("Baiji", 3), ("Tikrit", 3)]


def test_ends_in_two_governorates_both_stay(real_reports):
    # Tuz Khurmatu is in Salah ad Din, Daquq in Kirkuk: the text leaves the governorate open
    text = "Gunmen attacked a checkpoint between Tuz Khurmatu and Daquq on Sunday, killing six."
    assert [p for p, _ in _told(real_reports, text)] == ["Daquq", "Tuz Khurmatu"]
