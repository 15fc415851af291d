"""Evaluate attack extraction and deduplication on the seed articles against the gold annotation.

    .venv/bin/python -m bench.eval_events [GOLD] [--show]
    .venv/bin/python -m bench.eval_events --synthetic N   (other outlets, other attacks)

Runs the real chain on ``seeds/articles``: ingestion (``transforms.ingest``), the registry
(``warehouse.reference.load_registry``), ``detect_mentions``, ``extract_reports``,
``merge_events``; scores with ``transforms.events.evaluate`` and prints event precision/recall,
per-field accuracy, deduplication B-cubed F1, not-event violations and the
``attacks_by_location`` mart (run in an in-memory DuckDB from the mart's SQL file).

``--synthetic N`` scores the same chain on the first N articles of the deterministic benchmark
corpus (``bench.corpus``: many outlets, spellings, wire copies and rewrites of other attacks),
whose ground truth (events.jsonl) becomes the gold: place by GeoNames id, date, perpetrator,
killed, and the articles reporting each event.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from transforms.entities import detect_mentions
from transforms.events import MergeResult, extract_reports, merge_events
from transforms.events.evaluate import evaluate
from transforms.ingest import RawInput, ingest_batch
from warehouse.inputs import iter_inputs
from warehouse.outlets import load_outlets
from warehouse.reference import load_registry

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds" / "articles"
GOLD = ROOT / "tests" / "gold" / "events_gold.json"
MARTS = ROOT / "warehouse" / "models" / "marts"


def run_seeds(seeds: Path = SEEDS):
    """(documents, doc_ids by file key, MergeResult) for the seed articles."""
    ingested, result = chain(iter_inputs([seeds], 10_000_000))
    ledger = ingested.ledger.to_pylist()
    doc_ids = {Path(r["uri"]).name[:3]: r["doc_id"] for r in ledger if r["doc_id"]}
    return ingested.documents.to_pandas(), doc_ids, result


def chain(raws: Iterable[RawInput], per_document: bool = False):
    """(IngestResult, MergeResult): the real chain, ingestion to merging, in this process.

    ``per_document`` merges each document's reports on their own (no report ever joins another
    document's), so extraction can be scored apart from cross-document merging; the result then
    holds the reports and events only."""
    ingested = ingest_batch(
        list(raws), load_outlets(), "eval", datetime.now(UTC).replace(tzinfo=None)
    )
    documents = ingested.documents
    registry = load_registry()
    mentions = detect_mentions(documents, registry)
    places, entities = registry.places_table(), registry.entities_table()
    reports = extract_reports(documents, mentions, places, entities)
    if not per_document:
        return ingested, merge_events(reports, documents, places, entities)
    named = pc.is_in(places.column("place_id"), pc.unique(pc.drop_null(reports.column("place_id"))))
    governorate = pc.equal(places.column("precision"), "governorate")
    used = pa.concat_tables(  # the named places, then the other governorates
        [places.filter(named), places.filter(pc.and_(governorate, pc.invert(named)))]
    )
    by_doc = reports.column("doc_id")
    parts = [
        merge_events(
            reports.filter(pc.equal(by_doc, doc_id)),
            documents.filter(pc.equal(documents.column("doc_id"), doc_id)),
            used,
            entities,
        )
        for doc_id in sorted(pc.unique(pc.drop_null(by_doc)).to_pylist())
    ]
    if not parts:  # no document reported anything
        return ingested, merge_events(reports, documents, used, entities)
    return ingested, MergeResult(*(pa.concat_tables([p[i] for p in parts]) for i in range(4)))


def run_synthetic(n: int, workdir: Path):
    """(gold, doc_ids, MergeResult) for the first ``n`` articles of the benchmark corpus."""
    from bench.corpus import write_corpus

    write_corpus(workdir, n)
    ingested, result = chain(iter_inputs([workdir / "articles.jsonl"], 10_000_000))
    documents = ingested.documents.to_pandas()
    doc_ids = dict(zip(documents["external_id"], documents["doc_id"], strict=True))
    truth = [json.loads(line) for line in (workdir / "events.jsonl").read_text().splitlines()]
    gold = {"events": [], "not_events": []}
    for t in truth:
        names = [t["place"]] + [r["place_text"] for r in t["reports"] if r.get("place_text")]
        gold["events"].append(
            {
                "id": t["event_key"],
                "event_date": t["date"],
                "date_precision": "day",
                "location": t["place"],
                "place_names": names,
                "place_id": t["place_id"],
                "admin1": t["admin1"],
                "perpetrator": t["perpetrator"],
                "attribution": t["attribution"],
                "event_type": t["event_type"],
                "weapon": (t.get("weapon") or "unknown").lower(),
                "target": None,
                "killed_low": t["killed"],
                "killed_high": t["killed"],
                "documents": [a for a in t["article_ids"] if a in doc_ids],
            }
        )
    return gold, doc_ids, result


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
    if "--synthetic" in args:
        import tempfile

        n = int(paths[0]) if paths else 500
        with tempfile.TemporaryDirectory() as tmp:
            gold, doc_ids, result = run_synthetic(n, Path(tmp))
        print(f"synthetic corpus: {n} articles")
    else:
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
        print("unmatched gold:", ", ".join(score["unmatched_gold"][:20]))
    for e in score["unmatched_predicted"][:20]:
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
