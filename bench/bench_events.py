"""Benchmark: attack-report extraction throughput (documents/s, one core) on ~3 KB articles.

    .venv/bin/python -m bench.bench_events [n_docs]

Articles come from the deterministic benchmark corpus (``bench.corpus``, plain-text ones, 2.6 to
3.5 KB each); their mentions are computed first with ``detect_mentions`` (not timed: that is
issue 3's stage). Timed: ``extract_reports`` over all documents in one process, best of 3 runs,
each from cold memo caches (``clear_caches``).
Also timed once: ``merge_events`` over the resulting reports. Target: >= 1,000 documents/s.
Both wall-clock and process CPU time are printed: on a shared machine the CPU time is the
one-core figure (wall time also counts the time other processes held the core).
"""

from __future__ import annotations

import itertools
import sys
import time
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from bench.corpus import iter_articles
from transforms import schemas
from transforms.entities import detect_mentions
from transforms.events import clear_caches, extract_reports, merge_events
from warehouse.reference import load_registry

RUNS = 3


def documents(n: int) -> pa.Table:
    rows = []
    for a in itertools.islice((a for a in iter_articles(n * 2) if a["format"] == "text"), n):
        pub = date.fromisoformat(a["published"]) if a.get("published") else None
        rows.append(
            {
                "doc_id": a["id"],
                "text": a["text"],
                "published_date": pub,
                "source": a["source"],
                "title": a["title"],
            }
        )
    return pa.Table.from_pylist(rows, schema=_DOCUMENTS)


# The documents' columns extraction and merging read, with their lake types.
_DOCUMENTS = pa.schema(
    [schemas.DOCUMENTS.field(c) for c in ("doc_id", "text", "published_date", "source", "title")]
)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 2000
    docs = documents(n)
    registry = load_registry()
    mentions = detect_mentions(docs, registry)
    places, entities = registry.places_table(), registry.entities_table()
    best = cpu_best = float("inf")
    reports = None
    for _ in range(RUNS):
        clear_caches()  # each run cold: repeated runs must not read the last run's memos
        t0, c0 = time.perf_counter(), time.process_time()
        reports = extract_reports(docs, mentions, places, entities)
        best = min(best, time.perf_counter() - t0)
        cpu_best = min(cpu_best, time.process_time() - c0)
    assert reports is not None
    t0 = time.perf_counter()
    merged = merge_events(reports, docs, places, entities)
    merge_s = time.perf_counter() - t0
    kb = pc.mean(pc.utf8_length(docs.column("text"))).as_py() / 1000
    print(
        f"documents {docs.num_rows} (mean {kb:.2f} KB), mentions {mentions.num_rows}, "
        f"reports {reports.num_rows}, events {merged.events.num_rows}"
    )
    print(
        f"extract_reports: wall {best:.3f} s = {docs.num_rows / best:,.0f} documents/s; "
        f"CPU {cpu_best:.3f} s = {docs.num_rows / cpu_best:,.0f} documents/s per core "
        f"(best of {RUNS}; target >= 1,000)"
    )
    print(f"merge_events: {merge_s:.3f} s for {reports.num_rows} reports")


if __name__ == "__main__":
    main()
