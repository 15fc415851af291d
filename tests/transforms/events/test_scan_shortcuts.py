"""The shortcuts taken for speed read exactly what the plain definitions read: mentions in any
row order or chunking, memos all cleared, and scans that start late or test only a clause's
ends finding what a scan of the whole text finds."""

from __future__ import annotations

import functools
import re
from datetime import date

import pyarrow as pa
import pytest

from transforms.events import casualties, classify, clear_caches, dates, extract, extract_reports

SUN = date(2026, 2, 22)
STORY = (
    "Islamic State claimed responsibility on Saturday for two attacks on army personnel. "
    "The group said it had attacked a soldier in the town of Mayadin using a pistol, and "
    "attacked two other soldiers with machine guns in Raqqa. "
    "The defence ministry said a soldier and a civilian were killed on Saturday."
)
OTHER = "Gunmen attacked a checkpoint in Raqqa on Feb 20, killing three soldiers."


def _interleaved(mentions: pa.Table) -> pa.Table:
    # Documents' rows alternate (not grouped by doc), plus rows the extraction must skip.
    noise = [
        {**row, "entity_type": kind, "place_id": None}
        for row, kind in zip(mentions.slice(0, 2).to_pylist(), ["media", "person"], strict=True)
    ]
    out = pa.concat_tables([mentions, pa.Table.from_pylist(noise, schema=mentions.schema)])
    return out.take(sorted(range(out.num_rows), key=lambda k: (k % 2, -k)))


def test_mention_row_order_and_chunks_do_not_change_reports(corpus, places, entities):
    documents, mentions = corpus(("d1", STORY, SUN, "A"), ("d2", OTHER, SUN, "B"))
    expected = extract_reports(documents, mentions, places, entities).to_pylist()
    assert {r["doc_id"] for r in expected} == {"d1", "d2"}
    shuffled = _interleaved(mentions)
    doc_ids = shuffled.column("doc_id").to_pylist()
    assert doc_ids != sorted(doc_ids)  # really interleaved
    chunked = pa.Table.from_batches(shuffled.to_batches(max_chunksize=3))
    assert chunked.column("doc_id").num_chunks > 1
    for variant in (shuffled, chunked):
        clear_caches()
        assert extract_reports(documents, variant, places, entities).to_pylist() == expected


def _memos() -> list:
    found = []
    for module in (casualties, classify, dates, extract):
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper):
                found.append(value)
    return found


def test_clear_caches_empties_every_memo(corpus, places, entities):
    documents, mentions = corpus(("d1", STORY, SUN, "A"), ("d2", OTHER, None, "B"))
    extract_reports(documents, mentions, places, entities)
    memos = _memos()
    assert len(memos) >= 10 and any(m.cache_info().currsize for m in memos)
    clear_caches()  # a benchmark run must start cold: no memo may be left out
    assert {m.__name__: m.cache_info().currsize for m in memos} == {m.__name__: 0 for m in memos}


# The reporting-clause test, as one regex over the whole clause.
SOURCE = re.compile(
    r"^\s*according\s+to\b|\b(?:said|says|told|reported|confirmed|added)\W*$", re.IGNORECASE
)


@pytest.mark.parametrize(
    "clause",
    [
        "a local official said",
        "officials SAID.",
        "he told reporters",
        "police told\n",
        "  According to  the ministry",
        "according to\n",
        "accordingly, troops moved",
        "the report said_",
        "it was reported...",
        "she added:",
        "1said",
        "unsaid",
        "confirmed",
        "",
        "—",
        "said the governor",
    ],
)
def test_source_clause_tested_at_its_ends_as_by_one_regex(clause):
    assert extract._names_source(clause) == bool(SOURCE.search(clause))


@pytest.mark.parametrize(
    "before",
    [
        "",
        "three soldiers",
        "officials said that three soldiers",
        "the army said, and that two",
        'residents told AFP "a child',
        "x" * 100 + " said that and  that the guards",
        "when" + " " * 80 + "two",
        "that" + "y" * 90,
        "(two people",
    ],
)
@pytest.mark.parametrize("window", [1, 4, 16, 64])
def test_noun_phrase_start_from_the_tail_as_from_a_full_scan(before, window):
    full = [m.end() for m in casualties._NP_START.finditer(before)]
    assert casualties._np_start(before, window) == (full[-1] if full else 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (where each date expression starts, its value); a word holding a month name
        # ("Mayor", "Decision", "Marine") may come before the first real month
        ("The Mayor said attacks rose during  -  May 2025.", [("during", date(2025, 5, 1))]),
        ("Decision makers met on 21st  February 2026.", [("21st", date(2026, 2, 21))]),
        (
            "By the Marine base, on Feb. 3, 2026 and in March 2025.",
            [("Feb.", date(2026, 2, 3)), ("in March", date(2025, 3, 1))],
        ),
        ("Attacks rose until\n\nJune 2025.", [("until", date(2025, 6, 1))]),
    ],
)
def test_month_dates_found_after_words_holding_a_month_name(text, expected):
    refs = [r for r in dates.find_dates(text, SUN) if r.precision in ("day", "month")]
    assert [(r.start, r.value) for r in refs] == [(text.index(w), v) for w, v in expected]
