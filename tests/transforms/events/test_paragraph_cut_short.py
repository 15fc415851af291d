"""A paragraph cut short (a feed's summary, an export that drops the last stop) still reports
its last sentence: a line of prose goes on after a closed sentence ("... in Baghdad. Gunmen
killed four in Mosul"). A line of its own without a stop is a headline, a caption or a menu,
and a list item's number ("2.") is no sentence before it. Inputs written here."""

from __future__ import annotations


def _places(reports: list[dict]) -> list[str]:
    return sorted(r["location_text"] for r in reports)


def test_the_last_sentence_of_a_paragraph_cut_short_is_read(real_reports):
    text = (
        "A roadside bomb killed three soldiers near Tikrit on Monday. "
        "Gunmen shot dead two policemen at a checkpoint in Kirkuk"
    )
    assert _places(real_reports(text)) == ["Kirkuk", "Tikrit"]


def test_a_line_of_its_own_without_a_stop_is_no_report(real_reports):
    # counter-example: a headline over the story, a menu of other stories under it
    text = (
        "Gunmen shoot dead two policemen in Kirkuk\n\n"
        "A roadside bomb killed three soldiers near Tikrit on Monday.\n\n"
        "Most read\n1. Parliament meets again.\n2. Car bomb kills five in Basra market\n"
    )
    assert _places(real_reports(text)) == ["Tikrit"]
