"""Evaluate attack extraction and deduplication on the seed articles against the gold annotation.

    .venv/bin/python -m bench.eval_events [GOLD] [--show]

Runs the real chain on ``seeds/articles``: ingestion (``transforms.ingest``), the registry
(``warehouse.reference.load_registry``), ``detect_mentions``, ``extract_reports``,
``merge_events``; scores with ``transforms.events.evaluate`` and prints event precision/recall,
per-field accuracy, deduplication B-cubed F1, not-event violations and the
``attacks_by_location`` mart (run in an in-memory DuckDB from the mart's SQL file).
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from transforms.entities import detect_mentions
from transforms.events import extract_reports, merge_events
from transforms.events.evaluate import evaluate
from transforms.ingest import ingest_batch
from warehouse.inputs import iter_inputs
from warehouse.outlets import load_outlets
from warehouse.reference import load_registry

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds" / "articles"
GOLD = ROOT / "tests" / "gold" / "events_gold.json"
MARTS = ROOT / "warehouse" / "models" / "marts"


def run_seeds(seeds: Path = SEEDS):
    """(documents, doc_ids by file key, MergeResult) for the seed articles."""
    raws = list(iter_inputs([seeds], 10_000_000))
    ingested = ingest_batch(raws, load_outlets(), "eval", datetime.now(UTC).replace(tzinfo=None))
    ledger = ingested.ledger.to_pylist()
    doc_ids = {Path(r["uri"]).name[:3]: r["doc_id"] for r in ledger if r["doc_id"]}
    documents = ingested.documents.to_pandas()
    registry = load_registry()
    mentions = detect_mentions(documents, registry).to_pandas()
    places = registry.places_table().to_pandas()
    entities = registry.entities_table().to_pandas()
    reports = extract_reports(documents, mentions, places, entities).to_pandas()
    return documents, doc_ids, merge_events(reports, documents, places, entities)


def mart(name: str, tables: dict) -> str:
    con = duckdb.connect()
    for table_name, table in tables.items():
        con.register(table_name, table)
    sql = (MARTS / f"{name}.sql").read_text()
    return str(con.sql(sql))


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    show = "--show" in args
    paths = [a for a in args if not a.startswith("--")]
    gold = json.loads(Path(paths[0] if paths else GOLD).read_text())
    _, doc_ids, result = run_seeds()
    score = evaluate(gold, result.events, result.reports, doc_ids)
    print(
        f"gold events {score['gold_events']}, predicted {score['predicted_events']}, "
        f"matched {score['matched']}"
    )
    print(f"event precision {score['event_precision']:.3f}  recall {score['event_recall']:.3f}")
    print("field accuracy (matched events):")
    for name, acc in score["field_accuracy"].items():
        print(f"  {name:<12} {acc:.3f}")
    print(
        f"dedup B-cubed precision {score['bcubed_precision']:.3f}  recall "
        f"{score['bcubed_recall']:.3f}  F1 {score['bcubed_f1']:.3f}"
    )
    print(f"not-event violations: {len(score['not_event_violations'])}")
    for v in score["not_event_violations"]:
        print(f"  {v['doc']} {v['why']}: {v['quote'][:100]}")
    if score["unmatched_gold"]:
        print("unmatched gold:", ", ".join(score["unmatched_gold"]))
    for e in score["unmatched_predicted"]:
        print("unmatched predicted:", e)
    tables = {
        "events": result.events,
        "event_reports": result.reports,
    }
    print("\nselect * from attacks_by_location")
    print(mart("attacks_by_location", tables))
    if show:
        print(result.events.to_pandas().to_string())
        print(result.merges.to_pandas().to_string())
        print(result.conflicts.to_pandas().to_string())


if __name__ == "__main__":
    main()
