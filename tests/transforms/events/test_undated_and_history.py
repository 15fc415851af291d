"""Reports with no date in their text are dated by publication; history is not news."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events import classify, extract_reports, merge_events
from transforms.events.dates import find_dates

PUB = date(2026, 3, 10)


def reports(corpus, places, entities, *docs):
    documents, mentions = corpus(*docs)
    return extract_reports(documents, mentions, places, entities).to_pylist()


def test_no_date_in_text_takes_the_publication_week(corpus, places, entities):
    text = "Gunmen ambushed an army patrol near Mayadin, killing two soldiers."
    (r,) = reports(corpus, places, entities, ("d1", text, PUB, "A"))
    assert (r["event_date"], r["date_precision"], r["date_method"]) == (
        PUB,
        "week",
        "publication",
    )


def test_a_stated_day_beats_publication(corpus, places, entities):
    text = "Gunmen ambushed an army patrol near Mayadin on Sunday, killing two soldiers."
    (r,) = reports(corpus, places, entities, ("d1", text, PUB, "A"))
    assert (r["event_date"], r["date_precision"], r["date_method"]) == (
        date(2026, 3, 8),
        "day",
        "relative",
    )


def test_without_a_publication_date_the_report_stays_undated(corpus, places, entities):
    text = "Gunmen ambushed an army patrol near Mayadin, killing two soldiers."
    (r,) = reports(corpus, places, entities, ("d1", text, None, "A"))
    assert r["event_date"] is None and r["date_method"] is None


def test_publication_dated_report_joins_the_stated_day_and_keeps_it(corpus, places, entities):
    docs = (
        ("a", "IS fighters attacked a checkpoint in Raqqa on March 8, killing a guard.", PUB, "A"),
        ("b", "IS fighters attacked a checkpoint in Raqqa, killing a guard.", PUB, "B"),
    )
    documents, mentions = corpus(*docs)
    reps = extract_reports(documents, mentions, places, entities)
    res = merge_events(reps, documents, places, entities)
    (ev,) = res.events.to_pylist()
    assert (ev["event_date"], ev["date_precision"], ev["n_documents"]) == (
        date(2026, 3, 8),
        "day",
        2,
    )


def test_two_publication_dates_days_apart_stay_two_events(corpus, places, entities):
    docs = (
        ("a", "A car bomb exploded in Raqqa, killing four people.", PUB, "A"),
        ("b", "A car bomb exploded in Raqqa, killing four people.", date(2026, 3, 7), "B"),
    )
    documents, mentions = corpus(*docs)
    reps = extract_reports(documents, mentions, places, entities)
    res = merge_events(reps, documents, places, entities)
    assert sorted(e["event_date"] for e in res.events.to_pylist()) == [date(2026, 3, 7), PUB]


@pytest.mark.parametrize(
    "text",
    [
        "In February 1982 government troops killed thousands in Palmyra.",
        "On 3 June 2014 the group overran Mayadin and executed dozens of men.",
        "In 2014, IS fighters attacked Raqqa and killed hundreds.",
    ],
)
def test_dates_years_before_the_article_are_history(corpus, places, entities, text):
    assert reports(corpus, places, entities, ("d1", text, PUB, "A")) == []


@pytest.mark.parametrize(
    "text",
    [
        "On 14 May 2015, gunmen attacked a checkpoint near Mayadin. Two soldiers were killed.",
        "05/14/2015: Gunmen attacked a checkpoint near Mayadin. Two soldiers were killed.",
    ],
)
def test_a_lead_telling_its_day_is_news_however_late_published(corpus, places, entities, text):
    # A coder's note exported years after the attack: the lead is what the document reports.
    (r,) = reports(corpus, places, entities, ("d1", text, PUB, "A"))
    assert (r["event_date"], r["date_precision"], r["killed_best"]) == (date(2015, 5, 14), "day", 2)


@pytest.mark.parametrize(
    "text",
    [
        # the same day told after the lead is background
        "Mayadin's market reopened on Sunday. On 14 May 2015, gunmen attacked a checkpoint near "
        "Mayadin and killed two soldiers.",
        # a lead giving only a year or a month is history
        "In May 2015, gunmen attacked a checkpoint near Mayadin. Two soldiers were killed.",
    ],
)
def test_a_day_long_before_publication_is_history_out_of_the_lead(
    corpus, places, entities, text
):
    reps = reports(corpus, places, entities, ("d1", text, PUB, "A"))
    assert all(r["event_date"] is None or r["event_date"].year == 2026 for r in reps), reps


def test_a_lead_of_today_recalling_an_old_day_reports_no_attack(corpus, places, entities):
    # the old killing is no attack of today (nor of 2015: the lead tells a burial)
    text = "On Monday, families in Mayadin buried four men, whom gunmen executed on 14 May 2015."
    assert reports(corpus, places, entities, ("d1", text, PUB, "A")) == []


@pytest.mark.parametrize(
    "text",
    [
        # last year's December is news to an article of March (within a year)
        "In December gunmen killed three soldiers in Palmyra.",
        "On 3 March 2026 gunmen killed three soldiers in Palmyra.",
    ],
)
def test_recent_dates_are_news(corpus, places, entities, text):
    assert len(reports(corpus, places, entities, ("d1", text, PUB, "A"))) == 1


def test_history_is_any_precision_but_only_with_a_publication_date():
    old = find_dates("the massacre of February 1982", PUB)
    assert classify.is_history(old, PUB)
    assert not classify.is_history(old, None)
    both = find_dates("in 2014 and again on March 8", PUB)
    assert not classify.is_history(both, PUB)  # a live date beside the old one: news
