"""Memoised sentence readings never change a report: a sentence repeated in documents with
other publication dates, places or order reads as it would alone, with cold caches."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.events import clear_caches, extract_reports

SAT = date(2026, 2, 21)
LATER = date(2026, 3, 9)
UNDATED = None

STORY = (
    "Islamic State claimed responsibility on Saturday for an attack in Mayadin. "
    "Gunmen killed two soldiers and wounded three others at a checkpoint. "
    "The day before, a roadside bomb killed a civilian in Raqqa, officials said. "
    "In 2014 the group overran Palmyra."
)
# The same sentences in another order, one of them led by another clause.
REWRITE = (
    "In 2014 the group overran Palmyra. "
    "Gunmen killed two soldiers and wounded three others at a checkpoint in Mayadin. "
    "Islamic State claimed responsibility on Saturday for an attack in Mayadin."
)


def _alone(corpus, places, entities, doc) -> list[dict]:
    clear_caches()
    documents, mentions = corpus(doc)
    return extract_reports(documents, mentions, places, entities).to_pylist()


@pytest.mark.parametrize(
    "docs",
    [
        [("a", STORY, SAT, "A"), ("b", STORY, LATER, "B")],
        [("a", STORY, LATER, "A"), ("b", STORY, UNDATED, "B"), ("c", STORY, SAT, "C")],
        [("a", REWRITE, SAT, "A"), ("b", STORY, SAT, "B"), ("c", REWRITE, LATER, "C")],
    ],
)
def test_batch_with_warm_caches_equals_each_document_alone(corpus, places, entities, docs):
    expected = [r for doc in docs for r in _alone(corpus, places, entities, doc)]
    assert expected  # the stories do report attacks
    documents, mentions = corpus(*docs)
    clear_caches()
    cold = extract_reports(documents, mentions, places, entities).to_pylist()
    warm = extract_reports(documents, mentions, places, entities).to_pylist()
    assert cold == expected
    assert warm == expected


def test_publication_date_is_part_of_the_reading(corpus, places, entities):
    # The same words dated by two publications give two days, not the first one cached.
    first = _alone(corpus, places, entities, ("a", STORY, SAT, "A"))
    documents, mentions = corpus(("a", STORY, SAT, "A"), ("b", STORY, LATER, "B"))
    clear_caches()
    both = extract_reports(documents, mentions, places, entities).to_pylist()
    days = {r["doc_id"]: r["event_date"] for r in both if r["place_id"] == "t_may"}
    assert days["a"] == first[0]["event_date"] == SAT
    assert days["b"] == date(2026, 3, 7)  # the Saturday on or before 9 March
