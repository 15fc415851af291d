"""Date expressions resolved against publication (and anaphora against the context date)."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events.dates import find_dates

SUNDAY = date(2026, 2, 22)


def first(text: str, pub: date | None = SUNDAY, anchor: date | None = None):
    refs = find_dates(text, pub, anchor)
    assert refs, text
    return refs[0]


@pytest.mark.parametrize(
    ("text", "expected", "precision", "method"),
    [
        ("killed on Saturday by gunmen", date(2026, 2, 21), "day", "relative"),
        ("killed on Sunday", SUNDAY, "day", "relative"),  # publication day itself
        ("killed last Sunday", date(2026, 2, 15), "day", "relative"),
        ("an attack on Monday", date(2026, 2, 16), "day", "relative"),
        ("claimed on Feb 21 for", date(2026, 2, 21), "day", "explicit"),
        ("on 21 February 2026", date(2026, 2, 21), "day", "explicit"),
        ("on February 21, 2026,", date(2026, 2, 21), "day", "explicit"),
        ("dated 2026-02-21 here", date(2026, 2, 21), "day", "explicit"),
        ("on Dec. 30", date(2025, 12, 30), "day", "explicit"),  # no year: the latest before
        ("killed three in December", date(2025, 12, 1), "month", "explicit"),
        ("in February", date(2026, 2, 1), "month", "explicit"),
        ("last November", date(2025, 11, 1), "month", "explicit"),
        ("overran the city in 2014", date(2014, 1, 1), "year", "explicit"),
        ("yesterday", date(2026, 2, 21), "day", "relative"),
        ("last week", date(2026, 2, 15), "week", "relative"),
        ("last month", date(2026, 1, 1), "month", "relative"),
        ("three days ago", date(2026, 2, 19), "day", "relative"),
    ],
)
def test_resolves_against_publication(text, expected, precision, method):
    ref = first(text)
    assert (ref.value, ref.precision, ref.method) == (expected, precision, method)
    assert text[ref.start : ref.end].strip()


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("The day before, IS claimed", date(2026, 2, 21), date(2026, 2, 20)),
        ("come two days after IS claimed another attack", date(2026, 2, 21), date(2026, 2, 19)),
        ("two days earlier", date(2026, 2, 10), date(2026, 2, 8)),
        ("the next day", date(2026, 2, 10), date(2026, 2, 11)),
        ("The same month, five were killed", date(2025, 12, 1), date(2025, 12, 1)),
    ],
)
def test_anaphora_resolve_against_the_anchor(text, anchor, expected):
    ref = first(text, anchor=anchor)
    assert ref.anaphoric and ref.value == expected


def test_never_after_the_article():
    assert first("on March 3, 2026").value is None
    assert first("the next day", anchor=SUNDAY).value is None


def test_without_publication_only_self_contained_dates_resolve():
    assert first("on Saturday", pub=None).value is None
    assert first("on Feb 21", pub=None).value is None
    assert first("on 21 February 2026", pub=None).value == date(2026, 2, 21)


@pytest.mark.parametrize(
    "text", ["it may rain", "more than 20,000 prisoners", "the 42nd Division", "5,000 fighters"]
)
def test_no_false_dates(text):
    assert find_dates(text, SUNDAY) == []


@pytest.mark.parametrize(
    ("text", "pub", "expected", "precision"),
    [
        # a number over 12 says which is the day, whichever order the writer used
        ("14/02/2026: gunmen opened fire", SUNDAY, date(2026, 2, 14), "day"),
        ("02/14/2026: gunmen opened fire", SUNDAY, date(2026, 2, 14), "day"),
        ("14/02/2026: gunmen opened fire", None, date(2026, 2, 14), "day"),
        # both readings possible: the one on or before publication ...
        ("02/09/2026 - a bomb went off", SUNDAY, date(2026, 2, 9), "day"),
        ("09/02/2026 - a bomb went off", SUNDAY, date(2026, 2, 9), "day"),
        # ... the later when both are; none known, only the year is sure
        ("01/02/2026 - a bomb went off", SUNDAY, date(2026, 2, 1), "day"),
        ("01/02/2026 - a bomb went off", None, date(2026, 1, 1), "year"),
        # heading a note before a colon (an incident summary's stamp): month first, when that
        # is a day on or before publication
        ("01/02/2026: a bomb went off", SUNDAY, date(2026, 1, 2), "day"),
        ("01/02/2026: a bomb went off", None, date(2026, 1, 2), "day"),
        ("09/02/2026: a bomb went off", SUNDAY, date(2026, 2, 9), "day"),  # 2 Sep: after it
        ("14/02/2026: a bomb went off", None, date(2026, 2, 14), "day"),  # no 14th month
    ],
)
def test_numeric_dates(text: str, pub: date | None, expected: date, precision: str) -> None:
    ref = first(text, pub)
    assert (ref.value, ref.precision, ref.start) == (expected, precision, 0)


def test_a_stamp_only_heads_a_note() -> None:
    # counter-examples: within a sentence, or without the colon, the general reading holds
    (ref,) = find_dates("Gunmen attacked on 01/02/2026: two died", SUNDAY)
    assert ref.value == date(2026, 2, 1)
    (ref,) = find_dates("01/02/2026 a bomb went off", None)
    assert ref.precision == "year"


@pytest.mark.parametrize("text", ["open 24/7 since then", "a 3/4 majority", "call 12/05/20"])
def test_slashed_numbers_that_are_no_date(text: str) -> None:
    assert find_dates(text, SUNDAY) == []
