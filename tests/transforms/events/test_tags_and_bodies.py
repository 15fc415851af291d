"""A closed sentence that the splitter keeps with a bracketed tag after it ("... hurt. [tag]")
is still prose: its toll counts. One body found is one death; a "body" that is no corpse
counts none."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events import extract_reports, merge_events
from transforms.events.casualties import count_casualties
from transforms.events.extract import _is_prose

DAY = date(2020, 3, 9)


def _events(corpus, places, entities, text):
    documents, mentions = corpus(("d", text, DAY, "Coders"))
    reports = extract_reports(documents, mentions, places, entities)
    return merge_events(reports, documents, places, entities).events.to_pylist()


def test_a_toll_before_a_bracketed_tag_counts(corpus, places, entities):
    text = (
        "On 9 March 2020, IS fighters fired mortars at a farm near Mayadin. "
        "Three farmers died and a boy was hurt by the rounds. [source=local monitor]"
    )
    got = [(e["killed_best"], e["wounded_best"]) for e in _events(corpus, places, entities, text)]
    assert got == [(3, 1)]


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("Two guards died. [size=small]", True),
        ("Two guards died. (AFP)", True),
        ("Two guards died (AFP)", False),  # no stop before the tag: a caption
        ("Casualty table [see below]", False),
        ("Menu [home]", False),
    ],
    ids=["square-tag", "agency-tag", "caption", "table-title", "menu"],
)
def test_prose_with_a_tag_needs_a_stop_before_it(line, prose):
    assert _is_prose(line, 0, len(line)) is prose


@pytest.mark.parametrize(
    "clause",
    [
        "The body of an elderly shepherd was discovered beside the track.",
        "The driver's body was recovered two days later.",
        "Villagers found the body of a missing farmer in a well.",
        "A body had been found near the bridge.",
    ],
    ids=["body-of", "possessive", "active", "bare"],
)
def test_one_body_found_is_one_death(clause):
    assert count_casualties(clause).killed == (1, 1, 1)


@pytest.mark.parametrize(
    "clause",
    [
        "An oversight body found that the ballots were valid.",
        "The armoured body was found to resist the blast.",
        "Her body has not been found.",
        "The provincial body was founded in 2005.",
    ],
    ids=["committee-finds", "found-to", "not-found", "founded"],
)
def test_a_body_that_is_no_corpse_counts_none(clause):
    assert count_casualties(clause).killed is None


def test_bodies_of_several_still_count_them_all():
    assert count_casualties("The bodies of four men were found in a ditch.").killed == (4, 4, 4)
