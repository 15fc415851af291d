"""Where a casualty stem decides something (a tally or news; how much of a sentence to read), it
must start a word: "skilled", "pharmacy", "deadline", "the talks remain", "he lives in" are not
toll words. (The bare stems only gate the parsers, which decide for themselves.)"""

from __future__ import annotations

import pytest

from transforms.events import classify, rules


@pytest.mark.parametrize(
    "text",
    [
        "two soldiers were killed",
        "a deadly blast",
        "the remains of three shepherds",
        "the death toll rose",
        "dozens of injuries",
        "four people lost their lives",
        "no one was harmed",
    ],
)
def test_casualty_words(text):
    assert rules.has_casualty_word(text)


@pytest.mark.parametrize(
    "text",
    [
        "a skilled commander said",
        "outside a pharmacy",
        "before the deadline",
        "the situation remains tense",
        "he lives in the old city",
        "a toll road",
        "a soldier was shot",
    ],
)
def test_not_casualty_words(text):
    assert not rules.has_casualty_word(text)


def test_a_tally_stays_a_tally_when_a_word_only_holds_a_stem():
    tally = "The group carried out 12 attacks last month, a skilled commander said."
    assert classify.wording_reason(tally) == "aggregate"
    news = "Five bombings in the city killed 17 people."
    assert classify.wording_reason(news) is None
