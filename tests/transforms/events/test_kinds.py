"""The merge's reports as kinds: Arrow's merge order and kinds are the rule's, and copies that
join without being read (``dedup._Copies``) give the merge a report-by-report pass gives."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from transforms.events import dedup, extract_reports, merge_events
from transforms.events.kinds import _kinds, _merge_order
from transforms.events.remerge import remerge_events

SUN = date(2026, 2, 22)


def _table(n: int, seed: int) -> pa.Table:
    rnd = random.Random(seed)

    def pick(*values):
        return [rnd.choice(values) for _ in range(n)]

    return pa.table(
        {
            "report_id": [f"rep_{rnd.getrandbits(32):08x}" for _ in range(n)],
            "doc_id": pick("doc_a", "doc_b", "doc_c"),
            "event_date": pa.array(
                pick(None, date(2026, 2, 21), date(2026, 2, 20), date(2025, 1, 1)), pa.date32()
            ),
            "date_method": pick(None, "explicit", "publication", "relative"),
            "weapon": pick(None, "unknown", "gun"),
            "perpetrator_id": pick(None, "ent:is", "ent:hd"),
            "killed_low": pa.array(pick(None, 0, 2, 10), pa.int32()),
        }
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_merge_order_is_the_rule_s_order(seed):
    t = _table(400, seed)
    cols = {c: t.column(c).to_pylist() for c in t.column_names}

    def rule(i: int) -> tuple:  # the order as the rule states it (``dedup`` docstring)
        d = cols["event_date"][i]
        return (
            d is None,
            cols["date_method"][i] == "publication",
            d or date.min,
            cols["weapon"][i] == "unknown",
            cols["perpetrator_id"][i] is None,
            cols["doc_id"][i],
            cols["report_id"][i],
        )

    assert _merge_order(t).to_pylist() == sorted(range(t.num_rows), key=rule)


@pytest.mark.parametrize("seed", [4, 5])
def test_rows_share_a_kind_exactly_when_every_field_is_equal(seed):
    t = _table(300, seed).drop_columns(["report_id"])
    codes, first = _kinds(list(t.columns))
    rows = [tuple(r.values()) for r in t.to_pylist()]  # None equals None, as in a tuple
    kind = codes.to_pylist()
    by_row: dict[tuple, int] = {}
    for row, k in zip(rows, kind, strict=True):
        assert by_row.setdefault(row, k) == k  # equal rows: one kind
    assert len(set(by_row.values())) == len(by_row)  # different rows: different kinds
    for k, at in enumerate(first.to_pylist()):
        assert kind[at] == k and kind.index(k) == at  # a kind's first row


def _stories(corpus, places, entities, n: int, seed: int):
    """``n`` copies (each a distinct document, in a shuffled order) of a few reports of two
    attacks, with outliers among them: other tolls, a day off, a publication earlier, a
    document naming the attack twice, place-less and undated copies."""
    rnd = random.Random(seed)
    texts = [
        "Islamic State fighters stormed an army post in Raqqa on Feb 21, killing two soldiers.",
        "Gunmen attacked a checkpoint in Mayadin on Feb 21, killing four.",
        "Officials spoke on Feb 21. The day before, ISIS raided an army post in Raqqa.",
        "ISIS attacked an army post in Raqqa on Feb 21. In a second sentence, the attack in "
        "Raqqa on Feb 21 killed two soldiers.",
        "Gunmen attacked a checkpoint in Mayadin, killing four.",
        "Gunmen attacked a checkpoint in Mayadin on Feb 21, killing eleven.",
        "A bomb went off on Feb 21, killing two.",
    ]
    docs = []
    for k in range(n):
        text = rnd.choices(texts, weights=[30, 30, 6, 6, 6, 2, 2])[0]
        pub = SUN - timedelta(days=rnd.choice([0, 0, 0, 0, 1]))
        docs.append((f"d{rnd.getrandbits(40):010x}", text, pub, f"Outlet {k % 37}"))
    documents, mentions = corpus(*docs)
    return extract_reports(documents, mentions, places, entities), documents


@pytest.mark.parametrize("seed", [7, 8])
def test_copies_joined_unread_give_a_report_by_report_merge(
    corpus, places, entities, monkeypatch, seed
):
    reports, documents = _stories(corpus, places, entities, 400, seed)
    fast = merge_events(reports, documents, places, entities)
    with monkeypatch.context() as m:  # every report decided by reading it
        m.setattr(dedup._Copies, "join", lambda self, i, key, merges: False)
        slow = merge_events(reports, documents, places, entities)
    for name, a, b in zip(fast._fields, fast, slow, strict=True):
        assert a.equals(b), name
    assert fast.events.num_rows >= 2
    assert max(fast.events.column("n_documents").to_pylist()) > 100  # a heavy story


@pytest.mark.parametrize("seed", [9, 10])
def test_a_heavy_story_merged_incrementally_is_its_full_merge(corpus, places, entities, seed):
    reports, documents = _stories(corpus, places, entities, 400, seed)
    docs = documents.column("doc_id").to_pylist()
    new = pa.array(docs[-12:])  # the last 3% of documents arrive in a later run
    before = reports.filter(pc.invert(pc.is_in(reports.column("doc_id"), new)))
    previous = merge_events(before, documents, places, entities)
    got, figures, _rewritten = remerge_events(reports, previous, documents, places, entities)
    full = merge_events(reports, documents, places, entities)
    assert figures["full"] == 0 and figures["new_reports"] > 0
    for name, a, b in zip(full._fields, full, got, strict=True):
        assert a.equals(b), name


def _fuzz_copies(seed: int) -> dict[str, pa.Table]:
    """The merge oracle's random reports (few places, days, actors: many meet), each document
    republished 0-40 times under new ids that sort anywhere among the others."""
    from bench.merge_oracle import _fuzz

    rnd = random.Random(seed)
    inputs = _fuzz(seed, 240)
    docs = inputs["documents"].to_pylist()
    by_doc: dict[str, list[dict]] = {}
    for r in inputs["candidates"].to_pylist():
        by_doc.setdefault(r["doc_id"], []).append(r)
    out_docs, out_reports = [], []
    for d in docs:
        for c in range(1 + rnd.choice((0, 0, 2, 10, 40))):
            doc_id = d["doc_id"] if c == 0 else f"x{rnd.getrandbits(40):010x}"
            out_docs.append({**d, "doc_id": doc_id, "source": f"{d['source']}-{c % 7}"})
            for r in by_doc.get(d["doc_id"], []):
                rid = r["report_id"] if c == 0 else f"r{rnd.getrandbits(40):010x}"
                out_reports.append({**r, "doc_id": doc_id, "report_id": rid})
    return {
        **inputs,
        "candidates": pa.Table.from_pylist(out_reports, schema=inputs["candidates"].schema),
        "documents": pa.Table.from_pylist(out_docs, schema=inputs["documents"].schema),
    }


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_random_copies_joined_unread_give_a_report_by_report_merge(monkeypatch, seed):
    t = _fuzz_copies(seed)
    args = (t["candidates"], t["documents"], t["places"], t["entities"])
    fast = merge_events(*args)
    with monkeypatch.context() as m:
        m.setattr(dedup._Copies, "join", lambda self, i, key, merges: False)
        slow = merge_events(*args)
    for name, a, b in zip(fast._fields, fast, slow, strict=True):
        assert a.equals(b), name
    # incremental: the last 3% of documents (by id: anywhere in the merge order) arrive later
    ids = sorted(set(t["candidates"].column("doc_id").to_pylist()))
    new = pa.array(ids[int(len(ids) * 0.97) :])
    before = t["candidates"].filter(pc.invert(pc.is_in(t["candidates"].column("doc_id"), new)))
    previous = merge_events(before, *args[1:])
    got, figures, _rewritten = remerge_events(t["candidates"], previous, *args[1:])
    for name, a, b in zip(fast._fields, fast, got, strict=True):
        assert a.equals(b), name
