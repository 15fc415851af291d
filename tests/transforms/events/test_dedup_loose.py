"""A loose tie (no place on either side, or no stated day) is not enough to make two documents'
reports one attack: their tolls must agree and something else must back it (a toll both state,
or one named perpetrator). Tight ties (one town, one stated day) merge as before."""

from __future__ import annotations

from datetime import date

from transforms.events import extract_reports, merge_events

SAT = date(2026, 2, 21)


def _events(corpus, places, entities, *texts):
    docs = [(f"d{i}", text, SAT, f"Outlet {i}") for i, text in enumerate(texts)]
    documents, mentions = corpus(*docs)
    reports = extract_reports(documents, mentions, places, entities)
    assert reports.num_rows == len(texts)
    return merge_events(reports, documents, places, entities).events.to_pylist()


def test_placeless_reports_with_other_tolls_stay_two(corpus, places, entities):
    evs = _events(
        corpus,
        places,
        entities,
        "A roadside bomb killed two soldiers on Saturday.",
        "A car bomb killed nine shoppers at a market on Saturday.",
    )
    assert sorted(e["killed_best"] for e in evs) == [2, 9]


def test_placeless_reports_with_one_toll_are_one_attack(corpus, places, entities):
    evs = _events(
        corpus,
        places,
        entities,
        "A car bomb killed nine shoppers at a market on Saturday.",
        "Nine people died on Saturday when a car bomb exploded near a busy market.",
    )
    assert [(e["killed_best"], e["n_documents"]) for e in evs] == [(9, 2)]


def test_placeless_reports_with_nothing_in_common_but_the_day_stay_two(corpus, places, entities):
    evs = _events(
        corpus,
        places,
        entities,
        "A roadside bomb hit a police patrol on Saturday, killing a driver.",
        "A car bomb exploded near a school on Saturday, wounding three pupils.",
    )
    assert len(evs) == 2


def test_placeless_reports_of_one_named_group_are_one_attack(corpus, places, entities):
    evs = _events(
        corpus,
        places,
        entities,
        "Islamic State gunmen attacked a police checkpoint on Saturday.",
        "ISIS fighters stormed a police checkpoint on Saturday.",
    )
    assert [(e["perpetrator"], e["n_documents"]) for e in evs] == [("Islamic State", 2)]


def test_one_group_with_other_tolls_is_still_two(corpus, places, entities):
    evs = _events(
        corpus,
        places,
        entities,
        "ISIS executed eleven civilians on Saturday.",
        "Islamic State executed three shepherds on Saturday.",
    )
    assert sorted(e["killed_best"] for e in evs) == [3, 11]


def test_undated_town_reports_with_other_tolls_stay_two(corpus, places, entities):
    # no day in either text: each is dated by its publication (the week before it)
    evs = _events(
        corpus,
        places,
        entities,
        "A bomb exploded in Mayadin, killing two civilians.",
        "A suicide bomber killed six soldiers in Mayadeen.",
    )
    assert sorted(e["killed_best"] for e in evs) == [2, 6]


def test_undated_town_reports_with_one_toll_are_one_attack(corpus, places, entities):
    evs = _events(
        corpus,
        places,
        entities,
        "A car bomb exploded in Mayadin, killing six soldiers.",
        "Six soldiers were killed by a car bomb in Mayadeen.",
    )
    assert [(e["killed_best"], e["n_documents"]) for e in evs] == [(6, 2)]


def test_a_stated_day_in_one_town_needs_no_more(corpus, places, entities):
    # the tight tie: one town, one stated day; an outlet that gives no toll still joins
    evs = _events(
        corpus,
        places,
        entities,
        "Gunmen attacked a checkpoint in Mayadin on Feb 21, killing two soldiers.",
        "Gunmen attacked an army checkpoint in Mayadeen on Saturday.",
    )
    assert [e["n_documents"] for e in evs] == [2]


def test_placeless_reports_of_one_death_each_stay_two(corpus, places, entities):
    # one death is the commonest toll of a day: with no place it ties nothing
    evs = _events(
        corpus,
        places,
        entities,
        "A roadside bomb killed a soldier on Saturday.",
        "A roadside bomb killed a farmer on Saturday.",
    )
    assert sorted(e["killed_best"] for e in evs) == [1, 1]


def test_one_death_in_one_town_still_ties_undated_reports(corpus, places, entities):
    # the counter-example: with a town, a toll of one backs the tie as any toll does
    evs = _events(
        corpus,
        places,
        entities,
        "A bomb exploded in Mayadin, killing one soldier.",
        "One soldier was killed by a bomb in Mayadeen.",
    )
    assert [(e["killed_best"], e["n_documents"]) for e in evs] == [(1, 2)]


def test_placeless_reports_of_one_group_against_other_targets_stay_two(corpus, places, entities):
    # a group active everywhere attacks many targets in one day: the group alone ties nothing
    evs = _events(
        corpus,
        places,
        entities,
        "Islamic State executed three shepherds on Saturday.",
        "Islamic State shot down a fighter jet on Saturday.",
    )
    assert len(evs) == 2
