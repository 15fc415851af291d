"""Villages listed as struck are each an attack, whatever cue words stand around the list:
- a verb that cues every name of a list after it ("pounded A and B", ``LIST_CUE_BEFORE``)
  cues its first name too, not only the later ones (before, a minor village named first was
  no place, and its neighbour took the whole toll); a single name after such a verb, or a
  person's name followed by no list, stays unread;
- a nearness cue before a list ("the outskirts of A and B", "near A and B") covers each name:
  each is a venue at ``geo_precision`` 2 (before, the first was a reference point dropped
  beside the second, which kept precision 1); a name after the list is left, at 1."""

from __future__ import annotations

import pytest


def _at(real_reports, text: str) -> list[tuple[str, str, int | None]]:
    return sorted(
        (r["location_text"], r["geo_precision"], r["killed_best"]) for r in real_reports(text)
    )


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("On 2 May 2019, government artillery pounded Kafr Mus and Kafr Uruq, killing four"
         " farmers.", [("Kafr Mus", "1", 2), ("Kafr Uruq", "1", 2)]),
        ("On 2 May 2019, army rockets targeted Kafr Mus, Kafr Uruq and Kafr Tash Nur, killing"
         " six farmers.",
         [("Kafr Mus", "1", 2), ("Kafr Tash Nur", "1", 2), ("Kafr Uruq", "1", 2)]),
    ],
    ids=["two-after-a-list-verb", "three-after-a-list-verb"],
)  # fmt: skip
def test_each_village_listed_after_a_list_verb_is_struck(real_reports, text, at):
    assert _at(real_reports, text) == at


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May 2019, gunmen targeted Ahmad and his brother in Idlib, killing both.",
        "On 2 May 2019, government artillery pounded Kafr Mus, killing four farmers.",
    ],
    ids=["a-person-and-no-list", "one-name-no-list"],
)
def test_a_list_verb_before_no_list_cues_nothing(real_reports, text):
    assert "Ahmad" not in {r["location_text"] for r in real_reports(text)}
    assert "Kafr Mus" not in {r["location_text"] for r in real_reports(text)}


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("On 2 May 2019, jets bombed the outskirts of Ariha and Saraqib, killing two"
         " shepherds.", [("Ariha", "2", 1), ("Saraqib", "2", 1)]),
        ("On 2 May 2019, a drone struck a car near Ariha and Saraqib, killing two men.",
         [("Ariha", "2", 1), ("Saraqib", "2", 1)]),
    ],
    ids=["outskirts-of-two", "near-two"],
)  # fmt: skip
def test_a_nearness_cue_before_a_list_covers_each_name(real_reports, text, at):
    assert _at(real_reports, text) == at


def test_a_name_after_the_list_keeps_its_own_precision(real_reports):
    text = (
        "On 2 May 2019, jets bombed the outskirts of Ariha, and a drone struck a car in"
        " Saraqib, killing two men."
    )
    assert ("Saraqib", "1") in {(p, g) for p, g, _ in _at(real_reports, text)}
