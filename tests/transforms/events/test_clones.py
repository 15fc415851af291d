"""Documents repeating an earlier document's reports are placed by their class (``clones``):
the merge gives what a report-by-report merge gives, or merges the area report by report."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from transforms import schemas
from transforms.events import extract_reports, merge_events
from transforms.events.clones import REPRESENTATIVES, twins
from transforms.events.remerge import remerge_events

SUN = date(2026, 2, 22)
STORIES = [
    "Islamic State fighters stormed an army post in Raqqa on Feb 21, killing two soldiers.",
    # a day off (step 2 moves its copies into the event above, the date conflict kept)
    "Officials spoke on Feb 21. The day before, ISIS raided an army post in Raqqa.",
    # one document, two attacks of one day in Mayadin: its reports stay apart
    "Gunmen attacked a checkpoint in Mayadin on Feb 21, killing four. "
    "Separately, a roadside bomb in Mayadin on Feb 21 wounded three civilians.",
    "ISIS gunmen hit an army post in Raqqa on Saturday.",
]
UNDATED = "Gunmen attacked a checkpoint in Mayadin, killing four."  # no date, no publication


def _docs(n: int, prefix: str = "c") -> list[tuple]:
    """``n`` documents repeating the stories in turn (every fifth the undated one, with no
    publication date), their ids interleaving the stories in the merge order."""
    out = []
    for k in range(n):
        if k % 5 == 4:
            out.append((f"{prefix}{k:04d}", UNDATED, None, f"Outlet {k % 7}"))
        else:
            out.append((f"{prefix}{k:04d}", STORIES[k % 5], SUN, f"Outlet {k % 7}"))
    return out


def _reports(corpus, places, entities, docs):
    documents, mentions = corpus(*docs)
    return extract_reports(documents, mentions, places, entities), documents


def _same(a, b) -> None:
    for name, x, y in zip(a._fields, a, b, strict=True):
        assert x.equals(y), name


def test_copies_placed_by_class_give_the_report_by_report_merge(corpus, places, entities):
    reports, documents = _reports(corpus, places, entities, _docs(80))
    plain = merge_events(reports, documents, places, entities)
    counts: dict[str, int] = {}
    placed = merge_events(reports, documents, places, entities, clones=counts)
    _same(placed, plain)
    # most reports were not decided one by one; the corroborated and day-off ones among them
    assert counts["placed"] > reports.num_rows // 2
    methods = set(plain.reports.column("date_method").to_pylist())
    assert {"corroborated", "relative", "explicit"} <= methods
    assert plain.merges.num_rows > 0 and plain.conflicts.num_rows > 0


def test_new_copies_before_and_after_the_old_ones_remerge_as_a_full_merge(
    corpus, places, entities
):
    old, new = _docs(60, "m"), _docs(8, "a") + _docs(8, "z")  # ids sort first and last
    reports, documents = _reports(corpus, places, entities, old + new)
    kept = pa.array([d[0] for d in old])
    previous = merge_events(
        reports.filter(pc.is_in(reports.column("doc_id"), kept)), documents, places, entities
    )
    got = remerge_events(reports, previous, documents, places, entities)
    _same(got.result, merge_events(reports, documents, places, entities))
    assert got.figures["copies_placed"] > 0
    # a new copy sorting first becomes its signature's first report: the copies name it
    named = set(got.result.merges.column("merged_with").to_pylist())
    first = reports.filter(pc.starts_with(reports.column("doc_id"), "a"))
    first_new = set(first.column("report_id").to_pylist())
    assert named & first_new


def _row(doc: str, event_type: str, weapon: str, killed: int | None, where: str) -> dict:
    return {
        "report_id": f"r_{doc}",
        "doc_id": doc,
        "sentence_no": 0,
        "event_type": event_type,
        "event_date": date(2026, 1, 10),
        "date_precision": "day",
        "date_method": "explicit",
        "place_id": "t_may",
        "location_text": where,
        "weapon": weapon,
        "killed_low": killed,
        "killed_best": killed,
        "killed_high": killed,
        "confidence": 0.5,
    }


SHOOTING, BOMBING, ABUSE = "Battles", "Explosions/Remote violence", "Violence against civilians"


def test_copies_fitting_two_events_alike_are_not_placed_by_class(places, entities):
    """Counter-example: two attacks of one day in Mayadin (a shooting, three killed; a bombing,
    seven killed), each with a report typing it as violence against civilians. A report of that
    type stating no toll fits both equally and joins the one with more documents at its turn.
    Its copies (class A) interleave with copies that fit the shooting only (first) then the
    bombing only: early A copies join the shooting, later ones the bombing. No placement by
    class gives that; the area is merged report by report."""
    rows = [
        _row("a0", SHOOTING, "firearms", 3, "Mayadin"),
        _row("b0", BOMBING, "ied", 7, "Mayadin"),
        _row("e1", ABUSE, "firearms", 3, "Mayadeen"),  # the shooting's
        _row("e2", ABUSE, "firearms", 7, "Al Mayadin"),  # the bombing's
    ]
    for k in range(60):  # m000 (A), m001, m002 (shooting, then bombing copies), m003 (A), ...
        doc = f"m{k:03d}"
        if k % 3 == 0:
            rows.append(_row(doc, ABUSE, "unknown", None, "Mayadin"))
        elif k < 6:
            rows.append(_row(doc, SHOOTING, "unknown", 3, "Mayadin"))
        else:
            rows.append(_row(doc, BOMBING, "unknown", 7, "Mayadin"))
    reports = schemas.conform(rows, schemas.EVENT_REPORTS)
    documents = pa.table(
        {
            "doc_id": [r["doc_id"] for r in rows],
            "published_date": pa.array([date(2026, 1, 11)] * len(rows), pa.date32()),
            "source": [r["doc_id"] for r in rows],
        }
    )
    plain = merge_events(reports, documents, places, entities)
    assert plain.events.num_rows == 2
    copies_of_a = [
        r["event_id"]
        for r in plain.reports.to_pylist()
        if r["event_type"] == ABUSE and r["weapon"] == "unknown"
    ]
    assert len(set(copies_of_a)) == 2  # one class, two events: the counts decided it
    counts: dict[str, int] = {}
    _same(merge_events(reports, documents, places, entities, clones=counts), plain)
    assert counts.get("checked") == 1 and "placed" not in counts


def _twins_one_by_one(doc_ids: list[str], kinds: list[int]) -> dict[int, int]:
    """The first reading of ``clones.twins``: positions grouped per document, documents per
    sequence of kinds, each class's documents beyond the first ``REPRESENTATIVES`` by doc_id
    paired report for report with the first."""
    by_doc: dict[str, list[int]] = {}
    for i, doc in enumerate(doc_ids):
        by_doc.setdefault(doc, []).append(i)
    classes: dict[tuple[int, ...], list[str]] = {}
    for doc, at in by_doc.items():
        classes.setdefault(tuple(kinds[i] for i in at), []).append(doc)
    twin: dict[int, int] = {}
    for docs in classes.values():
        if len(docs) > REPRESENTATIVES:
            first = by_doc[min(docs)]
            for doc in sorted(docs)[REPRESENTATIVES:]:
                twin.update(zip(by_doc[doc], first, strict=True))
    return twin


def test_twins_pair_each_clone_with_its_class_first_document():
    """Counter-examples: the same kinds in another order (another class), kinds joined into
    the same digits (1,12 and 11,2), a kind sequence that is the prefix of another, a class of
    exactly ``REPRESENTATIVES`` documents (no clone), a class's first document by doc_id
    coming last in merge order, a document's reports not next to each other."""
    docs = [
        ("z9", [1, 2]), ("d1", [1, 2]), ("d2", [2, 1]), ("d3", [1, 2]), ("a0", [1, 2]),
        ("p1", [1, 12]), ("p2", [11, 2]), ("p3", [1, 12]), ("p4", [11, 2]), ("p5", [1]),
        ("p6", [1]), ("p7", [1]), ("p8", [1, 12]), ("r1", [5, 6]), ("r2", [5, 6]),
    ]  # fmt: skip
    doc_ids = [d for d, ks in docs for _ in ks]
    kinds = [k for _d, ks in docs for k in ks]
    # interleave: a document's second report after every first report
    order = [i for i in range(len(kinds)) if i == 0 or doc_ids[i - 1] != doc_ids[i]]
    order += [i for i in range(len(kinds)) if i not in order]
    doc_ids, kinds = [doc_ids[i] for i in order], [kinds[i] for i in order]
    clone, twin = twins(pa.array(doc_ids, pa.string()), pa.array(kinds, pa.int64()))
    got = dict(zip(clone.to_pylist(), twin.to_pylist(), strict=True))
    assert got == _twins_one_by_one(doc_ids, kinds)
    cloned = {doc_ids[p] for p in got}
    assert cloned == {"d3", "z9", "p8", "p7"}  # a0, d1 first; p1, p3; p5, p6; r*: two only
    assert all(doc_ids[q] in {"a0", "p1", "p5"} for q in got.values())
    empty = twins(pa.array([], pa.string()), pa.array([], pa.int64()))
    assert [a.to_pylist() for a in empty] == [[], []]
