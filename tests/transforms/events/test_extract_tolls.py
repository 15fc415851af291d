"""A report's toll read from its document: later sentences, inferred zeros, attackers killed."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events import extract_reports, merge_events

SUN = date(2026, 2, 22)


def reports(corpus, places, entities, text):
    documents, mentions = corpus(("d1", text, SUN, "A"))
    return extract_reports(documents, mentions, places, entities).to_pylist()


def tolls(r):
    return (
        (r["killed_low"], r["killed_best"], r["killed_high"]),
        (r["wounded_low"], r["wounded_best"], r["wounded_high"]),
        r["perpetrators_killed"],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The wounded are in later sentences with no attack word: the nineteen taken to
        # hospital are the hurt, eleven of them badly (a part: it only lowers the low bound).
        (
            "A car bomb went off near a bakery in Raqqa on Feb 20, killing four people. "
            "Nineteen others were taken to hospital with injuries. "
            "Eleven of them were hurt badly.",
            ((4, 4, 4), (11, 19, 19), None),
        ),
        # A later sentence updates the toll of the one attack.
        (
            "A roadside bomb struck a bus in Raqqa on Feb 20, killing three passengers. "
            "The death toll later rose to seven.",
            ((7, 7, 7), (None, None, None), None),
        ),
        # Only wounded: nobody was killed (an inferred zero, no bound).
        (
            "Gunmen opened fire on a checkpoint in Mayadin on Feb 20, wounding two guards.",
            ((0, 0, None), (2, 2, 2), None),
        ),
        # A stated absence.
        (
            "A mortar shell hit a school in Mayadin on Feb 20. No one was hurt.",
            ((0, 0, 0), (0, 0, 0), None),
        ),
        # The attacker's own death counts, apart.
        (
            "A suicide bomber blew himself up at a checkpoint in Raqqa on Feb 20, "
            "killing three soldiers.",
            ((4, 4, 4), (None, None, None), 1),
        ),
    ],
)
def test_report_toll(corpus, places, entities, text, expected):
    got = reports(corpus, places, entities, text)
    assert len(got) == 1
    assert tolls(got[0]) == expected


def test_a_toll_sentence_after_the_window_is_not_the_attacks(corpus, places, entities):
    text = (
        "Gunmen attacked a checkpoint in Raqqa on Feb 20, killing two soldiers. "
        "The town has a market. It has a school. It has a clinic. It has a mill. "
        "Twelve people were injured in a traffic accident."
    )
    got = reports(corpus, places, entities, text)
    assert len(got) == 1
    assert tolls(got[0]) == ((2, 2, 2), (None, None, None), None)


def test_a_total_over_several_attacks_is_split_not_copied(corpus, places, entities):
    text = (
        "Islamic State claimed two attacks on Feb 20, one in Mayadin and one in Raqqa. "
        "The attacks left nine people dead and no one else hurt."
    )
    got = reports(corpus, places, entities, text)
    assert len(got) == 2
    # ACLED's rule: divided evenly, the remainder to the first; the true split stays unknown
    # (low 0, high the total), and the shares add up to the total
    tolls = [(r["killed_low"], r["killed_best"], r["killed_high"]) for r in got]
    assert sorted(tolls) == [(0, 4, 9), (0, 5, 9)]


def test_merged_event_keeps_stated_tolls_and_dead_attackers(corpus, places, entities):
    documents, mentions = corpus(
        (
            "a",
            "A suicide bomber blew himself up at a checkpoint in Raqqa on Feb 21, "
            "killing two soldiers and wounding five.",
            SUN,
            "Outlet A",
        ),
        (
            "b",
            "A bomb attack hit a checkpoint in Raqqa on Feb 21, wounding five soldiers.",
            SUN,
            "Outlet B",
        ),
    )
    reps = extract_reports(documents, mentions, places, entities)
    res = merge_events(reps, documents, places, entities)
    (ev,) = res.events.to_pylist()
    # Outlet B's inferred zero (it names only wounded) yields to A's stated three dead.
    assert (ev["killed_low"], ev["killed_best"], ev["killed_high"]) == (3, 3, 3)
    assert ev["perpetrators_killed"] == 1
    assert "killed" not in {c["field"] for c in res.conflicts.to_pylist()}


def _killed(rows):
    return {r["place_id"]: (r["killed_low"], r["killed_best"], r["killed_high"]) for r in rows}


def test_a_total_leaves_what_the_parts_state_to_the_others(corpus, places, entities):
    text = (
        "Two bombs went off on Feb 20, one in Mayadin and one in Raqqa. "
        "The Raqqa bomb killed three guards. In all, eleven people were killed."
    )
    got = _killed(reports(corpus, places, entities, text))
    assert got["t_raq"] == (3, 3, 3)
    assert got["t_may"] == (0, 8, 11)  # the total less the part stated for Raqqa


def test_places_sharing_one_clause_split_its_toll(corpus, places, entities):
    got = _killed(
        reports(corpus, places, entities, "Bombs in Mayadin and Raqqa killed six people on Feb 20.")
    )
    assert got == {"t_may": (0, 3, 6), "t_raq": (0, 3, 6)}
    # Counter-example: each place with its own clause keeps its own toll.
    text = "A bomb in Mayadin killed six people on Feb 20, while a mine in Raqqa killed two."
    got = _killed(reports(corpus, places, entities, text))
    assert got == {"t_may": (6, 6, 6), "t_raq": (2, 2, 2)}


@pytest.mark.parametrize(
    ("text", "killed", "perpetrators"),
    [
        # A suicide bomber set off the charge and the passage states no other death: the bomber.
        (
            "A suicide bomber detonated his vest at a checkpoint in Raqqa on Feb 20. "
            "Six guards were wounded.",
            (1, 1, 1),
            1,
        ),
        # A stated toll stays as stated (the bomber is added only where the text says so).
        (
            "A suicide bomber detonated his vest at a checkpoint in Raqqa on Feb 20. "
            "Six guards were killed.",
            (6, 6, 6),
            None,
        ),
        # Counter-examples: a bomber who is no suicide bomber; one stopped before the blast.
        (
            "A bomber detonated a car at a checkpoint in Raqqa on Feb 20, wounding six guards.",
            (0, 0, None),
            None,
        ),
        (
            "Guards shot a suicide bomber before he could detonate his vest in Raqqa on Feb 20.",
            None,
            None,
        ),
    ],
)
def test_a_suicide_bombers_implied_death(corpus, places, entities, text, killed, perpetrators):
    (r,) = reports(corpus, places, entities, text)
    got = (r["killed_low"], r["killed_best"], r["killed_high"])
    assert (got if r["killed_low"] is not None else None) == killed
    assert r["perpetrators_killed"] == perpetrators


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        # Victims told on top of the ones already counted add to them.
        (
            "Gunmen killed four guards at a depot in Raqqa on Feb 20. Two cooks were also killed.",
            (6, 6, 6),
            (None, None, None),
        ),
        (
            "A bomb killed four guards at a depot in Raqqa on Feb 20. Another three died later.",
            (7, 7, 7),
            (None, None, None),
        ),
        (
            "A bomb wounded five guards at a depot in Raqqa on Feb 20. 3 more were hurt.",
            (0, 0, None),
            (8, 8, 8),
        ),
        # Counter-examples: a restatement keeps the larger; "other" of the other kind, or
        # "more than", adds nothing.
        (
            "A bomb killed four guards at a depot in Raqqa on Feb 20. Four people died.",
            (4, 4, 4),
            (None, None, None),
        ),
        (
            "A bomb killed four guards at a depot in Raqqa on Feb 20. Twelve others were hurt.",
            (4, 4, 4),
            (12, 12, 12),
        ),
        (
            "A bomb killed four guards at a depot in Raqqa on Feb 20. More than 6 people died.",
            (6, 6, None),
            (None, None, None),
        ),
    ],
)
def test_victims_told_on_top_add_up(corpus, places, entities, text, killed, wounded):
    (r,) = reports(corpus, places, entities, text)
    assert tolls(r)[:2] == (killed, wounded)


def test_others_beside_a_toll_of_the_other_kind_add_nothing(corpus, places, entities):
    text = (
        "A bomb wounded five guards at a depot in Raqqa on Feb 20. "
        "Two cooks were killed and 5 others were hurt."
    )
    (r,) = reports(corpus, places, entities, text)
    # "5 others" are the others than the two dead: the five wounded again, not five more
    assert tolls(r)[:2] == ((2, 2, 2), (5, 5, 5))


def test_others_than_a_named_part_add_nothing(corpus, places, entities):
    text = (
        "A bomb killed six people and wounded 20 at a depot in Raqqa on Feb 20. "
        "Two guards were among the dead, while 9 others were hurt."
    )
    (r,) = reports(corpus, places, entities, text)
    # (the two statements of the wounded restate one toll: the larger best, not a sum)
    assert r["killed_best"] == 6 and r["wounded_best"] == 20
