"""Victims named after the verb with "in addition to" or "besides" add to its subject, as "along
with" ones do ("20 people were killed, in addition to the two assailants": 22, two of them
attackers); a phrase with a verb of its own ("in addition to destroying two vehicles", "in
addition to two killed") adds no victim to it."""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties


def _killed(text: str) -> tuple[int | None, int | None]:
    got = count_casualties(text)
    return (got.killed[1] if got.killed else None), got.perpetrators_killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("At least 20 people were killed, in addition to the two assailants, and 41 others "
         "were wounded.", (22, 2)),
        ("Five soldiers were killed besides the bomber.", (6, 1)),
    ],
    ids=["in-addition-to", "besides"],
)  # fmt: skip
def test_victims_added_after_the_verb(text, killed):
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Five soldiers were killed, in addition to destroying two vehicles.", (5, None)),
        ("Five soldiers were wounded in addition to two killed.", (2, None)),
    ],
    ids=["another-verb", "own-predicate"],
)
def test_a_phrase_with_its_own_verb_adds_no_victim(text, killed):
    assert _killed(text) == killed
