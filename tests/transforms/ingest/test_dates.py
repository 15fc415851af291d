from datetime import date

import pytest

from transforms.ingest.dates import find_text_date, is_dateline, parse_date_value


@pytest.mark.parametrize(
    ("text", "expected", "method"),
    [
        (" date 2026-02-22 Sign up now: Get ST's newsletters", date(2026, 2, 22), "text:date"),
        ("Body.\n\nUpdated: February 22, 2026, 6:02 AM", date(2026, 2, 22), "text:updated"),
        ("Published: 4 March 2026\nBody.", date(2026, 3, 4), "text:published"),
        ("Thursday, 12 March 2026\nBody.", date(2026, 3, 12), "text:dateline"),
        ("Feb 21, 2026\nBody.", date(2026, 2, 21), "text:dateline"),
        ("Posted on 21/02/2026 at 10:00", date(2026, 2, 21), "text:posted"),
        # A published stamp beats an updated one wherever it stands.
        ("Updated: 23 Feb 2026\nPublished: 21 Feb 2026", date(2026, 2, 21), "text:published"),
    ],
)
def test_datelines(text, expected, method):
    found, how, _ = find_text_date(text)
    assert (found, how) == (expected, method)


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers at the crossing in Deir al-Zor, Syria, on Jan 18, 2026.",
        "The attack on Feb 21, 2026 killed two people.",
        "No date at all in this text.",
        "Published: 31 February 2026",
        "Posted: 1850-01-01",
    ],
)
def test_no_guess_when_no_dateline(text):
    assert find_text_date(text) == (None, None, None)


def test_metadata_values():
    assert parse_date_value("2026-02-22T06:02:00+04:00") == date(2026, 2, 22)
    assert parse_date_value("22 February 2026") == date(2026, 2, 22)
    assert parse_date_value("yesterday") is None
    assert parse_date_value("") is None


def test_is_dateline():
    assert is_dateline("Updated: February 22, 2026, 6:02 AM")
    assert not is_dateline("Updated: February 22, 2026, the army said it attacked.")
