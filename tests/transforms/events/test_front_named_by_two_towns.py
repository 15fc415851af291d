"""One front named by both its ends ("the X and Y front", "the X/Y axis": a singular noun) is one
line of fighting: one attack, placed at the first end named, as "the X - Y road" is, and its toll
is that attack's whole, never split between the two towns. Fronts in the plural ("the X and Y
fronts") and places merely listed ("bombs in X and Y") stay one attack per town, the toll divided
evenly (ACLED's rule)."""

from __future__ import annotations

import pytest

_CLASHES = "Four Kurdish fighters were killed on Sunday in clashes with rebels on the {}."


def _told(real_reports, text: str) -> list[tuple[str, int | None]]:
    return sorted((r["location_text"], r["killed_best"]) for r in real_reports(text))


@pytest.mark.parametrize(
    "line",
    [
        "Ras al-Ain and Tal Abyad front",
        "Ras al-Ain/Tal Abyad front",
        "Ras al-Ain and Tal Abyad axis",
    ],
    ids=["and-front", "slash-front", "and-axis"],
)
def test_one_front_named_by_two_towns_is_one_attack(real_reports, line):
    assert _told(real_reports, _CLASHES.format(line)) == [("Ras al-Ain", 4)]


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            _CLASHES.format("Ras al-Ain and Tal Abyad fronts"),
            [("Ras al-Ain", 2), ("Tal Abyad", 2)],
        ),
        (
            "Bombs in Kirkuk and Tikrit killed six people on Sunday.",
            [("Kirkuk", 3), ("Tikrit", 3)],
        ),
    ],
    ids=["plural-fronts", "listed-towns"],
)
def test_two_fronts_or_two_towns_share_the_toll(real_reports, text, told):
    assert _told(real_reports, text) == told
