"""sentence_spans / sentence_index: rule-based sentence spans that map back to the text."""

from __future__ import annotations

from bisect import bisect_right

import pytest

from transforms.sentences import sentence_bounds, sentence_index, sentence_spans


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Hello world. This is it.", ["Hello world.", "This is it."]),
        ("Mr. Smith went. He left.", ["Mr. Smith went.", "He left."]),  # an abbreviation
        ("George W. Bush spoke. Then.", ["George W. Bush spoke.", "Then."]),  # an initial
        ("The U.N. said so. Yes.", ["The U.N. said so.", "Yes."]),  # a dotted acronym
        ("Stop! Go? Now.", ["Stop!", "Go?", "Now."]),
        ('He said "go." Then left.', ['He said "go."', "Then left."]),  # closing quote kept
        ("one. two.", ["one. two."]),  # no capital after the stop
        ("  Title\n\n\nBody text.  ", ["Title", "Body text."]),  # line breaks, trimmed
        ("a.\nb", ["a.", "b"]),
        ("Feb. 3 was cold.", ["Feb. 3 was cold."]),
        ("It was 5 p.m. Then", ["It was 5 p.m. Then"]),
        ("Why?“No”. (Yes) it is!  ‘A’", ["Why?“No”.", "(Yes) it is!", "‘A’"]),
        ("", []),
        (" \n\t ", []),
    ],
)
def test_sentence_spans(text, sentences):
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == sentences
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_sentence_index_finds_the_sentence_holding_an_offset():
    text = "Raqqa was hit. Mr. Sharaa spoke.\n\nISIS denied it."
    spans = sentence_spans(text)
    assert [sentence_index(spans, text.index(w)) for w in ("hit", "Sharaa", "ISIS")] == [0, 1, 2]
    assert sentence_index(spans, text.index("\n")) == -1  # between sentences


@pytest.mark.parametrize(
    "text", ["Raqqa was hit. Mr. Sharaa spoke.\n\nISIS denied it.", "  a\n", ""]
)
def test_sentence_bounds_flatten_the_spans_and_bisect_to_the_sentence(text):
    bounds = sentence_bounds(text)
    spans = sentence_spans(text)
    assert bounds == [b for span in spans for b in span]
    assert all(a < b for a, b in zip(bounds, bounds[1:], strict=False))
    for offset in range(len(text) + 1):
        k = bisect_right(bounds, offset)
        assert (k >> 1 if k & 1 else -1) == sentence_index(spans, offset)
