"""remerge_events: new reports merged with the events of their windows equal a full merge."""

from __future__ import annotations

import random
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from bench.corpus import iter_articles
from transforms.entities import detect_mentions
from transforms.events import extract_reports, merge_events
from transforms.events.remerge import DELTA_KEYS, remerge_events
from warehouse.reference import load_registry


@pytest.fixture(scope="module")
def world():
    """Reports of 300 generated articles (places, spellings, relative dates, wire copies,
    undated articles), with the tables merging needs."""
    registry = load_registry()
    arts = list(iter_articles(300, seed=3))
    docs = pa.table(
        {
            "doc_id": [a["id"] for a in arts],
            "text": [a["text"] for a in arts],
            "published_date": pa.array([_day(a.get("published")) for a in arts], pa.date32()),
            "source": [a.get("source") for a in arts],
        }
    )
    places, entities = registry.places_table(), registry.entities_table()
    reports = extract_reports(docs, detect_mentions(docs, registry), places, entities)
    return reports, docs.select(["doc_id", "published_date", "source"]), places, entities


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _without(reports: pa.Table, doc_ids: list[str]) -> pa.Table:
    return reports.filter(pc.invert(pc.is_in(reports.column("doc_id"), pa.array(doc_ids))))


@pytest.mark.parametrize("share, order", [(0.01, "last"), (0.05, "random"), (0.3, "random")])
def test_new_reports_in_their_windows_give_the_full_merge(world, share, order):
    reports, docs, places, entities = world
    ids = docs.column("doc_id").to_pylist()  # generation order: later stories, later dates
    if order == "random":
        random.Random(share).shuffle(ids)
    new_docs = ids[-max(1, int(len(ids) * share)) :]
    previous = merge_events(_without(reports, new_docs), docs, places, entities)
    full = merge_events(reports, docs, places, entities)
    got, figures, rewritten = remerge_events(reports, previous, docs, places, entities)
    assert figures["full"] == 0 and figures["new_reports"] > 0
    assert figures["remerged_reports"] < reports.num_rows  # only windows, not the corpus
    for name, want, have in zip(full._fields, full, got, strict=True):
        assert have.equals(want), name
    # outside ``rewritten``, every row is the previous result's (a build applies only those)
    assert 0 < len(rewritten[1]) < got.events.num_rows
    for name, old, new, keys, delta in zip(
        full._fields, previous, got, rewritten, DELTA_KEYS, strict=True
    ):
        kept = [t.filter(pc.invert(pc.is_in(t.column(delta), keys))) for t in (old, new)]
        assert kept[0].equals(kept[1]), name
    # every new report's row is rewritten, and not every row of the events they joined
    new_ids = set(reports.column("report_id").to_pylist()) - set(
        previous.reports.column("report_id").to_pylist()
    )
    assert new_ids <= set(rewritten[0].to_pylist())
    assert len(rewritten[0]) < figures["remerged_reports"]


def test_nothing_new_returns_the_previous_result_and_a_lost_report_merges_everything(world):
    reports, docs, places, entities = world
    full = merge_events(reports, docs, places, entities)
    same, figures, rewritten = remerge_events(reports, full, docs, places, entities)
    assert same is full and figures["new_reports"] == 0 and not any(map(len, rewritten))
    fewer = _without(reports, [reports.column("doc_id")[0].as_py()])
    again, figures, rewritten = remerge_events(fewer, full, docs, places, entities)
    assert figures["full"] == 1 and rewritten is None
    assert again.events.equals(merge_events(fewer, docs, places, entities).events)


def test_window_union_meets_a_span_exactly_when_one_window_does():
    """The affected-event test bisects the union of the new reports' windows; it must agree
    with asking every window (20,000 random window sets, spans touching, nested, apart)."""
    import bisect
    from datetime import timedelta

    from transforms.events.remerge import _union

    rng, day0 = random.Random(7), date(2026, 1, 1)

    def span(lo_day: int, hi_day: int) -> tuple[date, date]:
        lo = day0 + timedelta(days=rng.randint(lo_day, hi_day))
        return lo, lo + timedelta(days=rng.randint(0, 9))

    for _ in range(20_000):
        windows = [span(0, 60) for _ in range(rng.randint(1, 12))]
        starts, ends = _union(windows)
        assert all(e < s for e, s in zip(ends[:-1], starts[1:], strict=True)), "not disjoint"
        for _ in range(10):
            lo, hi = span(-10, 80)
            i = bisect.bisect_left(ends, lo)
            assert (i < len(ends) and starts[i] <= hi) == any(
                a <= hi and lo <= b for a, b in windows
            )
