"""A document of one sentence is an incident note: its line is read even without a closing stop;
an unpunctuated line above an article is its headline and reports nothing of its own."""

from __future__ import annotations

from datetime import date

from transforms.events import extract_reports, merge_events

SAT = date(2026, 2, 21)


def _events(corpus, places, entities, text):
    documents, mentions = corpus(("d", text, SAT, "Outlet"))
    reports = extract_reports(documents, mentions, places, entities)
    return merge_events(reports, documents, places, entities).events.to_pylist()


def test_a_one_sentence_note_without_a_stop_is_read(corpus, places, entities):
    evs = _events(corpus, places, entities, "IS gunmen shot dead four shepherds near Mayadin")
    assert [e["killed_best"] for e in evs] == [4]


def test_an_unpunctuated_headline_above_an_article_is_not_a_report(corpus, places, entities):
    text = "IS gunmen shot dead four shepherds near Mayadin\nThe ministry will look into it."
    assert _events(corpus, places, entities, text) == []
