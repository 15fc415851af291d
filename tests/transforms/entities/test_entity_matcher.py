"""Matcher internals kept fast: normalisation, hit selection, guarded-name pre-test."""

from __future__ import annotations

import pyarrow as pa
import pytest

from transforms.entities import detect_mentions
from transforms.entities.matcher import _select_sorted, known_hits, name_runs
from transforms.entities.registry import _ACCENTED, _FOLD, Registry, _has_accents, normalise


def _normalise_by_definition(text: str) -> str:
    """Accents folded, each character lower-cased (unless that makes two), and everything but
    ASCII letters and digits a space."""
    out = []
    for c in text.translate(_FOLD):
        low = c.lower()
        c = low if len(low) == 1 else c
        out.append(c if c.isascii() and c.isalnum() else " ")
    return "".join(out)


@pytest.mark.parametrize(
    "text",
    [
        "ISIS struck Raqqa.",  # ASCII only
        "Ahmed al‑Sharaa’s forces",  # curly apostrophe, non-breaking hyphen
        "Dayr Ḩāfir and Aşāfīr",  # accented letters folded
        "İdlib İSTANBUL",  # a capital that lower-cases to two characters
        "5 \u212a of fuel",  # the Kelvin sign lower-cases to ASCII "k"
        "Ωmega ΣΣ straße ﬁre",  # Greek, sharp s, a ligature
        "",
    ],
)
def test_normalise_keeps_its_definition_and_length(text):
    got = normalise(text)
    assert got == _normalise_by_definition(text)
    assert len(got) == len(text)


@pytest.fixture(scope="module")
def overlapping():
    ents = [
        {"entity_id": "ent:a", "canonical_name": "Islamic State", "entity_type": "armed_group",
         "aliases": "Islamic State of Iraq|State of Iraq and the Levant|IS"},
        {"entity_id": "ent:b", "canonical_name": "Defense Ministry",
         "entity_type": "armed_group", "aliases": "Syrian Defense Ministry|Ministry"},
        {"entity_id": "ent:c", "canonical_name": "U.S.", "entity_type": "state",
         "aliases": "U.S.|U.S. forces|Forces"},
    ]  # fmt: skip
    places = [
        {"place_id": "r", "name": "Raqqa", "country_code": "SY", "feature_code": "PPLA",
         "precision": "governorate", "population": 1, "aliases": "Raqqa|Ar Raqqa"}
    ]  # fmt: skip
    return Registry.from_rows(ents, places)


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # leftmost first, then longest: "Islamic State of Iraq" beats "State of Iraq and ..."
        ("The Islamic State of Iraq and the Levant", ["Islamic State of Iraq"]),
        # a longer hit ending where a shorter one ends replaces it
        ("the Syrian Defense Ministry said", ["Syrian Defense Ministry"]),
        # a longer hit starting where a shorter one starts replaces it
        ("U.S. forces and Forces", ["U.S. forces", "Forces"]),
        ("Ar-Raqqa and Raqqa", ["Ar-Raqqa", "Raqqa"]),  # the article joins the hit
        ("IS IS IS", []),  # acronyms inside a capitals line are words, not the group
        ("Ministry Ministry", ["Ministry", "Ministry"]),
    ],
)
def test_known_hits_take_the_leftmost_longest_and_agree_with_sorting(overlapping, text, surfaces):
    norm = normalise(text)
    hits = known_hits(text, norm, overlapping)
    assert [text[s:e] for s, e, _ in hits] == surfaces
    assert hits == _select_sorted(text, norm, overlapping)


@pytest.mark.parametrize("with_acronym", [False, True])
def test_guarded_names_are_found_whether_or_not_the_automaton_flags_them(with_acronym):
    places = [{"place_id": "h", "name": "Hit", "country_code": "IQ", "feature_code": "PPL",
               "precision": "town", "population": 1, "aliases": "Hit|Hīt"}]  # fmt: skip
    ents = [{"entity_id": "ent:hit", "canonical_name": "Hit Squad", "entity_type": "armed_group",
             "aliases": "HIT"}][: int(with_acronym)]  # fmt: skip
    reg = Registry.from_rows(ents, places)
    assert reg.guarded == {"Hit": ["h"]}
    assert reg.guards_flagged is not with_acronym  # "hit" is an alias too: not flaggable
    docs = pa.table({"doc_id": ["d"], "text": ["Clashes in Hit left two dead. Hit by a shell."]})
    m = detect_mentions(docs, reg).to_pandas()
    assert list(zip(m.surface, m.char_start, m.place_id, strict=True)) == [("Hit", 11, "h")]


@pytest.mark.parametrize(
    "char",
    ["\u00bf", "\u00c0", "\u00d7", "\u0101", "\u024f", "\u0250", "\u1dff", "\u1e00", "\u1e2a",
     "\u1eff", "\u1f00", "\u2019", "\ud800", "\U0001f600"],
)  # fmt: skip
def test_accent_pretest_never_misses_a_foldable_letter(char):
    text = f"Raqqa’s {char} x"
    if _ACCENTED.search(text):
        assert _has_accents(text)
    assert _has_accents("Raqqa’s x") is False


def test_name_runs_leave_out_runs_that_are_one_known_hit():
    text = "fighters of ISIS met Syrian President Ahmad Al Shara in Raqqa."
    assert [text[s:e] for s, e in name_runs(text)] == [
        "ISIS",
        "Syrian President Ahmad Al Shara",
        "Raqqa",
    ]
    isis, syrian = text.index("ISIS"), text.index("Syrian")
    # a hit covering a run leaves it out; a hit inside a longer run ("Syrian") does not
    kept = name_runs(text, {isis: isis + 4, syrian: syrian + 6})
    assert [text[s:e] for s, e in kept] == ["Syrian President Ahmad Al Shara", "Raqqa"]
