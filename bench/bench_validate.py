"""Validation cost at scale: every suite and SQL check over a warehouse of 1M events.

    python -m bench.bench_validate [--events 1000000] [--workdir DIR [--reuse]]
                                   [--batch-rows N ...]

Builds a consistent warehouse (events, one report each, their documents and places, one run,
and MENTIONS_PER_REPORT place mentions each) through the real lake and DuckDB builder, then
times validation on it: the great_expectations import, the SQL checks alone, and the whole
validation by GX (``expectations.validate``, the run's gate and ``sitrep validate``, with Data
Docs), once per ``--batch-rows`` value, each in a fresh process whose peak RSS is printed.
Valid by construction, so every expectation should pass; failures are printed.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa

from transforms import catalog
from warehouse.db import LAKE_SOURCES, build_database
from warehouse.lake import Lake

REPORTS_PER_DOCUMENT = 5
# Place mentions per report (the seeds average ~27 mentions per document, ~5 per report).
MENTIONS_PER_REPORT = 5
N_PLACES = 200
RUN = "20260101T000000Z-bench000"
# Places in a rectangle well inside Syria, a governorate per 20 places.
LAT, LON = (33.5, 36.5), (36.5, 41.5)


def _table(name: str, columns: dict[str, pa.Array | list], n: int) -> pa.Table:
    schema = catalog.TABLES[name]
    arrays = [pa.array(columns[f.name], f.type) if f.name in columns else pa.nulls(n, f.type)
              for f in schema]  # fmt: skip
    return pa.table(arrays, schema=schema)


def make_tables(n: int, seed: int = 7) -> dict[str, pa.Table]:
    rng = np.random.default_rng(seed)
    lat = rng.uniform(*LAT, N_PLACES)
    lon = rng.uniform(*LON, N_PLACES)
    admin1 = [f"Governorate {i // 20}" for i in range(N_PLACES)]
    places = _table("places", {
        "place_id": [f"p{i}" for i in range(N_PLACES)],
        "name": [f"Town {i}" for i in range(N_PLACES)],
        "admin1": admin1, "country_code": ["SY"] * N_PLACES, "latitude": lat, "longitude": lon,
        "feature_code": ["PPL"] * N_PLACES, "precision": ["town"] * N_PLACES,
    }, N_PLACES)  # fmt: skip

    pi = rng.integers(0, N_PLACES, n)
    killed = rng.poisson(2.0, n).astype(np.int32)
    wounded = rng.poisson(3.0, n).astype(np.int32)
    first = date(2023, 6, 1)
    days = rng.integers(0, 3 * 365, n)
    event_date = np.datetime64(first) + days.astype("timedelta64[D]")
    n_docs = -(-n // REPORTS_PER_DOCUMENT)
    doc_of = np.arange(n) // REPORTS_PER_DOCUMENT
    # Each document is published two days after the latest event it reports.
    pub = np.full(n_docs, np.datetime64(first), dtype="datetime64[D]")
    np.maximum.at(pub, doc_of, event_date)
    pub = pub + np.timedelta64(2, "D")

    sentences = [
        f"An attack killed {k} people in Town {p}. " for k, p in zip(killed, pi, strict=True)
    ]
    texts, starts, ends = [], np.zeros(n, np.int32), np.zeros(n, np.int32)
    for d in range(n_docs):
        pos, parts = 0, []
        for i in range(d * REPORTS_PER_DOCUMENT, min(n, (d + 1) * REPORTS_PER_DOCUMENT)):
            s = sentences[i]
            starts[i], ends[i] = pos, pos + len(s) - 1
            parts.append(s)
            pos += len(s)
        texts.append("".join(parts))
    doc_ids = [f"d{d:08d}" for d in range(n_docs)]
    event_ids = [f"e{i:08d}" for i in range(n)]
    documents = _table("documents", {
        "doc_id": doc_ids, "uri": [f"file:///in/{d}.txt" for d in doc_ids],
        "source": ["Bench"] * n_docs,
        "published_date": pub.astype("datetime64[D]"), "text": texts,
        "n_chars": [len(t) for t in texts], "ingested_at": [datetime(2026, 1, 1)] * n_docs,
        "run_id": [RUN] * n_docs,
    }, n_docs)  # fmt: skip
    coding = {
        "event_type": ["Violence against civilians"] * n, "sub_event_type": ["Attack"] * n,
        "event_date": event_date, "date_precision": ["day"] * n,
        "place_id": [f"p{i}" for i in pi], "admin1": [admin1[i] for i in pi],
        "attribution": ["unattributed"] * n, "killed_low": killed, "killed_best": killed,
        "killed_high": killed * 2, "wounded_low": wounded, "wounded_best": wounded,
        "wounded_high": wounded * 2,
    }  # fmt: skip
    reports = _table("event_reports", {
        "report_id": [f"r{i:08d}" for i in range(n)], "event_id": event_ids,
        "doc_id": [doc_ids[d] for d in doc_of], "sentence_no": np.arange(n) % REPORTS_PER_DOCUMENT,
        "char_start": starts, "char_end": ends, "quote": [s[:-1] for s in sentences],
        "date_method": ["explicit"] * n, "confidence": np.full(n, 0.8), **coding,
    }, n)  # fmt: skip
    reported = pub[doc_of]
    events = _table("events", {
        "event_id": event_ids, "country_code": ["SY"] * n,
        "latitude": lat[pi], "longitude": lon[pi],
        "location": [f"Town {i}" for i in pi], "geo_precision": ["1"] * n,
        "n_reports": np.ones(n, np.int32), "n_documents": np.ones(n, np.int32),
        "n_sources": np.ones(n, np.int32), "first_reported": reported, "last_reported": reported,
        "has_conflict": np.zeros(n, bool), **coding,
    }, n)  # fmt: skip
    runs = _table("runs", {
        "run_id": [RUN], "started_at": [datetime(2026, 1, 1)],
        "finished_at": [datetime(2026, 1, 1) + timedelta(minutes=5)], "status": ["published"],
        "inputs_seen": [n_docs], "documents_loaded": [n_docs], "documents_rejected": [0],
        "documents_new": [n_docs],
    }, 1)  # fmt: skip
    run_inputs = _table("run_inputs", {
        "run_id": [RUN] * n_docs, "uri": [f"file:///in/{d}.txt" for d in doc_ids],
        "outcome": ["loaded"] * n_docs, "doc_id": doc_ids, "is_new": [True] * n_docs,
    }, n_docs)  # fmt: skip
    # Each report's sentence names its town: MENTIONS_PER_REPORT mentions of that span.
    town_at = np.array([s.index("Town") for s in sentences], np.int32) + starts
    town_len = np.array([len(f"Town {p}") for p in pi], np.int32)
    m = n * MENTIONS_PER_REPORT
    of = np.repeat(np.arange(n), MENTIONS_PER_REPORT)
    methods = np.array(["exact", "alias", "key", "fuzzy"])
    mentions = _table("entity_mentions", {
        "mention_id": [f"m{i:09d}" for i in range(m)], "doc_id": [doc_ids[d] for d in doc_of[of]],
        "field": ["text"] * m,
        "sentence_no": (of % REPORTS_PER_DOCUMENT).astype(np.int32),
        "char_start": town_at[of], "char_end": town_at[of] + town_len[of],
        "surface": [f"Town {p}" for p in pi[of]], "place_id": [f"p{p}" for p in pi[of]],
        "entity_type": ["place"] * m, "match_method": methods[np.arange(m) % len(methods)],
        "score": np.ones(m),
    }, m)  # fmt: skip
    return {"places": places, "documents": documents, "event_reports": reports,
            "events": events, "runs": runs, "run_inputs": run_inputs,
            "entity_mentions": mentions}  # fmt: skip


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries the parent's
    high-water mark into ru_maxrss across fork and exec, VmHWM starts afresh with the program."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: kilobytes


def _validate_here(db: Path, docs: Path | None, batch_rows: int | None) -> dict:
    """Validate ``db`` in this process; seconds and peak RSS (a fresh process measures alone)."""
    import great_expectations  # noqa: F401

    from expectations import validate

    rss_before = _peak_rss_mb()
    kwargs = {} if batch_rows is None else {"batch_rows": batch_rows}
    t0 = time.perf_counter()
    report = validate(db, run_id="bench", docs_dir=docs, **kwargs)
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "cpu_seconds": time.process_time(),
        "rss_import_mb": rss_before,
        "peak_rss_mb": _peak_rss_mb(),
        "expectations": len(report.outcomes),
        "failed": [o.line() for o in report.failed()],
        "docs": str(report.docs_index),
    }


def _validate_child(db: Path, docs: Path | None, batch_rows: int | None) -> dict:
    cmd = [sys.executable, "-m", "bench.bench_validate", "--child", str(db)]
    cmd += ["--docs", str(docs)] if docs else []
    cmd += ["--batch-rows", str(batch_rows)] if batch_rows is not None else []
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"validation failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_validate")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--reuse", action="store_true", help="keep <workdir>/bench.duckdb if built")
    ap.add_argument(
        "--batch-rows",
        type=int,
        nargs="*",
        default=None,
        help="validate once per value, each in a fresh process (default: validate's default)",
    )
    ap.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--docs", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        rows = args.batch_rows[0] if args.batch_rows else None
        print(json.dumps(_validate_here(args.child, args.docs, rows)))
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sitrep-bench-validate-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "bench.duckdb"

    if not (args.reuse and db.exists()):
        t0 = time.perf_counter()
        tables = make_tables(args.events)
        lake = Lake(work / "lake")
        for name, table in tables.items():  # a table built from several: its first source
            lake.write_current(LAKE_SOURCES.get(name, (name,))[0], table)
        del tables
        db.unlink(missing_ok=True)
        build_database(db, lake)
        print(f"warehouse: {db} built in {time.perf_counter() - t0:.1f} s")
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        counts = {
            t: con.execute(f'select count(*) from "{t}"').fetchone()[0]  # type: ignore[index]
            for t in catalog.TABLES
        }
    print("rows: " + ", ".join(f"{k} {v:,}" for k, v in counts.items() if v))

    t0 = time.perf_counter()
    import great_expectations  # noqa: F401

    t_import = time.perf_counter() - t0
    from expectations.sqlchecks import run_checks

    t0 = time.perf_counter()
    with duckdb.connect(str(db), read_only=True) as con:
        sql = run_checks(con)
    t_sql = time.perf_counter() - t0
    print(f"great_expectations import: {t_import:.1f} s (once per process)")
    print(f"SQL checks alone ({len(sql)} queries): {t_sql:.1f} s")

    for rows in args.batch_rows or [None]:
        r = _validate_child(db, work / "data_docs", rows)
        for line in r["failed"]:
            print("FAILED", line)
        label = "by GX, batch rows " + ("default" if rows is None else f"{rows:,}")
        print(
            f"validation ({label}) of {counts['events']:,} events "
            f"({counts['event_reports']:,} reports, {counts['entity_mentions']:,} mentions, "
            f"{counts['documents']:,} documents): {r['seconds']:.1f} s wall, "
            f"{r['cpu_seconds']:.1f} s CPU (process), peak RSS {r['peak_rss_mb']:,.0f} MB "
            f"(after imports {r['rss_import_mb']:,.0f} MB); {r['expectations']} expectations, "
            f"{len(r['failed'])} failed; data docs {r['docs']}"
        )


if __name__ == "__main__":
    main()
