"""Places named together share one toll, and places each given their own toll keep it:
- listed places ("bombs went off in X and Y, killing six", "in X, Y and Z") share the toll told
  after the list evenly, as they do when it is told in their own clause (before, the last place
  took it whole and the others none);
- when each place's own stretch of the sentence states a toll ("three were killed in X and one
  was wounded in Y", "a bomb in X killed two and another in Y killed one"), each keeps its own
  (before, the whole was split evenly). A toll told once for both ("bombs killed six people in
  X and Y") is still shared."""

from __future__ import annotations

import pytest


def _told(real_reports, text: str) -> list[tuple[str, int | None, int | None]]:
    return sorted(
        (r["location_text"], r["killed_best"], r["wounded_best"]) for r in real_reports(text)
    )


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "Bombs went off in Kirkuk and Tikrit on Sunday, killing six.",
            [("Kirkuk", 3, None), ("Tikrit", 3, None)],
        ),
        (
            "Car bombs exploded in Kirkuk, Tikrit and Mosul on Sunday, killing nine.",
            [("Kirkuk", 3, None), ("Mosul", 3, None), ("Tikrit", 3, None)],
        ),
    ],
    ids=["two-listed", "three-listed"],
)
def test_listed_places_share_the_toll_told_after_them(real_reports, text, told):
    assert _told(real_reports, text) == told


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "Three people were killed in Kirkuk and one person was wounded in Tikrit on Sunday.",
            [("Kirkuk", 3, None), ("Tikrit", 0, 1)],
        ),
        (
            "A bomb in Kirkuk killed two people on Sunday and another in Tikrit killed one.",
            [("Kirkuk", 2, None), ("Tikrit", 1, None)],
        ),
    ],
    ids=["toll-before-each", "toll-after-each"],
)
def test_each_place_keeps_its_own_toll(real_reports, text, told):
    assert [(p, k or 0, w) for p, k, w in _told(real_reports, text)] == [
        (p, k or 0, w) for p, k, w in told
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Bombs in Kirkuk and Tikrit killed six people on Sunday.",
        "Bombs killed six people in Kirkuk and Tikrit on Sunday.",
    ],
    ids=["toll-after-list", "toll-before-list"],
)
def test_one_toll_for_both_is_still_shared(real_reports, text):
    assert [k for _, k, _ in _told(real_reports, text)] == [3, 3]


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "Car bombs killed 12 people in Kirkuk and three in Tikrit on Sunday.",
            [("Kirkuk", 12, None), ("Tikrit", 3, None)],
        ),
        (
            "Shelling wounded 10 civilians in Kirkuk and four in Tikrit on Sunday.",
            [("Kirkuk", 0, 10), ("Tikrit", 0, 4)],
        ),
    ],
    ids=["killed", "wounded"],
)
def test_a_part_leaving_the_verb_out_keeps_its_own_toll(real_reports, text, told):
    assert _told(real_reports, text) == told


def test_listed_places_after_a_leading_clause_still_share_their_toll(real_reports):
    text = "12 May – Bombs in Kirkuk and Tikrit killed six people."
    assert [k for _, k, _ in _told(real_reports, text)] == [3, 3]


def test_a_listed_place_after_the_toll_reads_no_toll_of_its_own(real_reports):
    # "and Y in ...": a name, no count left without its verb: the list shares the toll
    text = (
        "On Monday, 40 people were killed and 60 wounded in bombings in the cities of Kirkuk "
        "and Tikrit in areas that host army bases."
    )
    assert [(k, w) for _, k, w in _told(real_reports, text)] == [(20, 30), (20, 30)]
