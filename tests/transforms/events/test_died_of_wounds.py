"""The hurt told before who later died of their wounds ("one of them later died of his
wounds", "two of the wounded died in hospital") move from the wounded to the killed: the
attack's toll gains them, its wounded lose them (never counted twice)."""

from __future__ import annotations

import pytest

from transforms.events.casualties import count_casualties, died_of_wounds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen fired on a minibus near Raqqa on Feb 20, killing a driver and wounding four "
         "passengers. One of the passengers later died of his wounds.", [(2, 3)]),
        ("A roadside bomb wounded six shepherds near Raqqa on Feb 20. Two of the wounded "
         "died in hospital overnight.", [(2, 4)]),
        ("A mortar round hit a school in Raqqa on Feb 20, injuring five pupils. A teacher "
         "succumbed to her injuries the next day.", [(1, 4)]),
        # counter-examples: more victims of their own, and a death with nobody hurt before
        ("Gunmen fired on a minibus near Raqqa on Feb 20, killing a driver and wounding four "
         "passengers. Two more passengers were also killed.", [(3, 4)]),
        ("Gunmen abducted a farmer near Raqqa on Feb 20. He later died of his wounds.",
         [(1, None)]),
    ],
)  # fmt: skip
def test_the_hurt_who_died_move_to_the_killed(reports_of, text, expected):
    assert [(r["killed_best"], r["wounded_best"]) for r in reports_of(text)] == expected


def test_died_of_wounds_wording():
    assert died_of_wounds("One of the passengers later died of his wounds")
    assert died_of_wounds("two of the injured died overnight")
    # counter-examples: a toll's update restates the total; no wound word, no wounds
    assert not died_of_wounds("the toll rose to 9 as two of the wounded died")
    assert not died_of_wounds("two more passengers died at the scene")
    # "two of the wounded" are the ones told before: no count of wounded of their own
    assert count_casualties("Two of the wounded later died in hospital").wounded is None
