"""A possessive ends a name: "Fallouja's Nazzal district" names Fallouja (an outlet's spelling,
read by the transliteration rules only as a name of its own), then Nazzal; it was one
capitalised run that no spelling rule could read, and the attack had no place. "Ra's al-Ayn"
(two letters before the mark: a word of the name) stays one run."""

from __future__ import annotations

import pytest

from transforms.entities.matcher import name_runs


def _runs(text: str) -> list[str]:
    return [text[a:b] for a, b in name_runs(text)]


def test_a_possessive_ends_a_capitalised_run():
    assert _runs("a bomb in Fallouja's Nazzal district") == ["Fallouja's", "Nazzal"]
    assert _runs("a bomb in Mossul’s Zuhour district") == ["Mossul’s", "Zuhour"]


def test_a_mark_inside_a_word_of_the_name_keeps_the_run():
    assert _runs("near Ra's al-Ayn") == ["Ra's al-Ayn"]
    assert _runs("in Fallouja's market") == ["Fallouja's"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("A car bomb exploded in Fallouja's Nazzal district on Sunday, killing three.", "Fallouja"),
        ("A car bomb exploded in Mossul's Zuhour district on Sunday, killing three.", "Mossul"),
    ],
    ids=["fallouja", "mossul"],
)
def test_a_respelled_city_owning_a_quarter_is_the_venue(real_reports, text, place):
    assert [(r["location_text"], r["killed_best"]) for r in real_reports(text)] == [(place, 3)]
