"""The seed articles against their hand-made gold (``bench.eval_events``): every event found,
none extra, every field right. A change anywhere in the chain (ingest, places, tolls, merge)
that moves a seed event fails here, not only in a benchmark someone has to remember to run."""

from __future__ import annotations

import json

from bench.eval_events import GOLD, run_seeds
from transforms.events.evaluate import evaluate


def test_the_seed_articles_match_their_gold_on_every_field():
    gold = json.loads(GOLD.read_text())
    _, doc_ids, result = run_seeds()
    score = evaluate(gold, result.events, result.reports, doc_ids)
    assert (score["event_precision"], score["event_recall"]) == (1.0, 1.0)
    assert score["bcubed_f1"] == 1.0 and not score["not_event_violations"]
    wrong = {name: acc for name, acc in score["field_accuracy"].items() if acc != 1.0}
    assert not wrong, wrong
