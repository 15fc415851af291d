"""Republished copies read once (transforms/copies.py) give exactly the tables of reading every
document: mentions, name candidates, lower-case words and attack reports, ids included."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pytest

from bench.corpus import iter_articles
from transforms.copies import extract_names_once, extract_reports_once, inert_tail
from transforms.entities import extract_names
from transforms.entities.detect import mentions_in
from transforms.entities.discover import candidates_in
from transforms.events import extract_reports
from transforms.ingest import ingest_batch
from transforms.ingest.document import RawInput
from warehouse.outlets import load_outlets
from warehouse.reference import load_registry

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds" / "articles").glob("*.txt"))
SIGN_OFFS = (
    "Republished by desk {k}.",
    "This story was republished by partner site number {k}.",
    "Shared by desk {k}; all rights reserved.",
)


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def _documents(rows: list[tuple[str, str]]) -> pa.Table:
    raws = [RawInput(uri=i, text=t, n_bytes=len(t), external_id=i) for i, t in rows]
    return ingest_batch(raws, load_outlets(), "run", datetime(2026, 11, 1)).documents


def _both(docs: pa.Table, registry) -> tuple[int, list[tuple[pa.Table, pa.Table]]]:
    """(documents read once, [(every document read, copies read once)] per table)."""
    mentions, candidates, lower = extract_names(docs, registry)
    reports = extract_reports(docs, mentions, registry.places_table(), registry.entities_table())
    names = extract_names_once(docs, registry)
    once = extract_reports_once(docs, names, registry.places_table(), registry.entities_table())
    pairs = [
        (mentions, names.mentions),
        (candidates, names.candidates),
        (lower, names.lower_words),
        (reports, once),
    ]
    return len(names.copies.firsts), pairs


def _assert_same(pairs: list[tuple[pa.Table, pa.Table]]) -> None:
    for every, once in pairs:
        assert once.schema == every.schema
        assert once.to_pylist() == every.to_pylist()


def test_copies_with_varied_sign_offs_are_read_once_and_give_the_same_rows(registry):
    rows = [(f"seed{s}", p.read_text()) for s, p in enumerate(SEEDS)]
    for k in range(60):
        s = k % len(SEEDS)
        sign_off = SIGN_OFFS[k % len(SIGN_OFFS)].format(k=k)
        rows.append((f"copy{k}", f"{SEEDS[s].read_text()}\n\n{sign_off}"))
    docs = _documents(rows)
    read, pairs = _both(docs, registry)
    _assert_same(pairs)
    # each seed, then one copy per seed and sign-off wording at most (a seed whose text ends in
    # an outlet's credit, no full stop, keeps it before a sign-off: those copies are all read)
    assert read < docs.num_rows / 2
    reports = pairs[3][1]
    assert reports.num_rows > 0 and len(set(reports.column("report_id").to_pylist())) == (
        reports.num_rows
    )
    texts = dict(zip(*(docs.column(c).to_pylist() for c in ("doc_id", "text")), strict=True))
    for r in reports.to_pylist():  # every stored span is its own document's
        assert texts[r["doc_id"]][r["char_start"] : r["char_end"]] == r["quote"]


def test_a_copy_differing_in_one_word_that_matters_is_read_for_itself(registry):
    text = (
        "Gunmen attacked a checkpoint in Mayadin on Friday, killing two soldiers, officials "
        "said.\nThe Islamic State group claimed the attack."
    )
    changed = text.replace("killing two", "killing seven")
    rows = [(f"c{k}", f"{text}\n\nRepublished by desk {k}.") for k in range(4)]
    rows.insert(2, ("odd", f"{changed}\n\nRepublished by desk 9."))
    docs = _documents(rows)
    read, pairs = _both(docs, registry)
    _assert_same(pairs)
    assert read == 2
    killed = {r["doc_id"]: r["killed_best"] for r in pairs[3][1].to_pylist()}
    odd = docs.column("doc_id").to_pylist()[2]
    assert killed[odd] == 7 and {v for d, v in killed.items() if d != odd} == {2}


@pytest.mark.parametrize(
    "tail",
    [
        "Republished by the Raqqa desk 5.",  # a capital inside: a name may start there
        "Two more people later died, desk 5 said.",  # a toll word
        "Republished by desk 5 after the attack.",  # an attack word
        "March 3 update by desk 5.",  # a month name: a date
        "Updated by desk 5/3/2026.",  # a slash: a date
        "Republished by desk 5 with its own notes.",  # an attribution word ("its ")
    ],
)
def test_tails_that_may_be_read_are_not_inert(registry, tail):
    body = "Gunmen attacked a checkpoint in Mayadin on Friday, killing two soldiers."
    text = f"{body}\n\n{tail}"
    assert inert_tail(text, registry) == len(text)
    docs = _documents([("a", text), ("b", f"{body}\n\nRepublished by desk 1.")])
    read, pairs = _both(docs, registry)
    _assert_same(pairs)
    assert read == 2


def test_sign_offs_are_inert_only_after_a_closed_sentence(registry):
    closed = "Gunmen attacked a checkpoint in Mayadin on Friday.\n\nRepublished by desk 5."
    assert inert_tail(closed, registry) == closed.index("Republished")
    open_line = "Gunmen attacked a checkpoint in Mayadin\n\nRepublished by desk 5."
    assert inert_tail(open_line, registry) == len(open_line)


def _person_by_first_word(registry) -> tuple[str, str]:
    """A registered person's full name and a word of it that, alone at a line's start, is no
    mention nor name candidate (it names several people): it resolves only by coreference."""
    for owners in registry.surnames.values():
        if len(owners) < 2:
            continue
        for owner in sorted(owners):
            name = registry.entities[owner].canonical_name
            word = name.split()[-1]
            tail = f"{word} desk 5 republished this."
            plain = len(name.split()) > 2 and word.isalpha() and word[0].isupper()
            if plain and not mentions_in(tail, registry) and not candidates_in(tail):
                return name, word
    pytest.skip("no registered person whose last name alone is ambiguous")


def test_a_tail_naming_a_person_of_the_body_by_a_partial_name_is_read(registry):
    name, word = _person_by_first_word(registry)
    body = f"Officials said {name} visited the town on Friday.\nThe visit was brief."
    rows = [(f"c{k}", f"{body}\n\nRepublished by desk {k}.") for k in range(3)]
    rows.append(("coref", f"{body}\n\n{word} desk 5 republished this."))
    docs = _documents(rows)
    text = docs.column("text").to_pylist()[3]
    assert inert_tail(text, registry) < len(text)  # plain, yet its first word may resolve
    read, pairs = _both(docs, registry)
    _assert_same(pairs)
    assert read == 2
    coref = pairs[0][0].filter(pa.compute.equal(pairs[0][0].column("match_method"), "coreference"))
    assert coref.num_rows >= 1  # the partial name resolved in that document only


def test_the_synthetic_corpus_and_its_copies_give_the_same_rows(registry):
    articles = list(iter_articles(150, seed=11))
    rows = [(a["id"], a["text"]) for a in articles]
    rows += [(f"re{k}", f"{a['text']}\n\nRepublished by desk {k}.") for k, a in
             enumerate(articles[:40] * 2)]  # fmt: skip
    docs = _documents(rows)
    read, pairs = _both(docs, registry)
    _assert_same(pairs)
    assert read <= docs.num_rows - 10  # a second copy of an article ending in a sentence: not read
