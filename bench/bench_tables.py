"""CSV input, measured: the row reader's throughput and memory at two export sizes, and what
ingesting each row costs beside it.

    python -m bench.bench_tables [--rows 50000] [--workdir DIR]

Writes two CSV exports in an armed-conflict coder's columns (N and 4N rows; each note a
synthetic article's first paragraph from ``bench/corpus.py``, quoted, some with line breaks),
then, each in a fresh process: reads every row with ``warehouse.tables.table_inputs``
(rows/s, MB/s, peak RSS), and ingests the first 2,000 rows (``transforms.ingest.ingest``) for
ms/row. Streaming shows as a peak RSS that does not grow with the export; growth as read
seconds that grow 4x with the rows.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

INGEST_SAMPLE = 2000
COLUMNS = ["event_id_cnty", "event_date", "country", "admin1", "location", "source", "notes"]


def write_export(path: Path, rows: int) -> int:
    from bench.corpus import iter_articles

    notes = []
    for art in iter_articles(500):  # a pool of notes, repeated with a row number
        if art["format"] == "html":
            continue
        paragraphs = [p for p in art["text"].split("\n") if len(p) > 80]
        notes.append("\n".join(paragraphs[:2]) if paragraphs else art["text"][:400])
    day = date(2016, 1, 1)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for i in range(rows):
            when = day + timedelta(days=i % 2000)
            note = f"{notes[i % len(notes)]} (note {i})"
            writer.writerow(
                [f"SYR{i}", f"{when:%d %B %Y}", "Syria", "Aleppo", "Al Bab", "Coders", note]
            )
    return path.stat().st_size


def measure(path: Path) -> dict:
    """In this process: read the export through, then ingest a sample of its rows."""
    from transforms.ingest import Rejected, ingest
    from warehouse.outlets import load_outlets
    from warehouse.tables import table_inputs

    t0 = time.perf_counter()
    rows = loaded_rows = 0
    sample = []
    for raw in table_inputs(path, 5 * 1024 * 1024):
        rows += 1
        if raw.reject is None:
            loaded_rows += 1
            if len(sample) < INGEST_SAMPLE:
                sample.append(raw)
    read_s = time.perf_counter() - t0
    outlets = load_outlets()
    t0 = time.perf_counter()
    loaded = 0
    for raw in sample:
        try:
            ingest(raw, outlets)
            loaded += 1
        except Rejected:
            pass
    ingest_s = time.perf_counter() - t0
    size_mb = path.stat().st_size / 1e6
    return {
        "rows": rows,
        "rows_read_ok": loaded_rows,
        "file_mb": round(size_mb, 1),
        "read_s": round(read_s, 2),
        "rows_per_s": round(rows / read_s),
        "mb_per_s": round(size_mb / read_s, 1),
        "ingest_ms_per_row": round(1000 * ingest_s / max(1, len(sample)), 2),
        "sample_loaded": f"{loaded}/{len(sample)}",
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--measure", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sitrep-bench-tables-"))
    work.mkdir(parents=True, exist_ok=True)
    for n in (args.rows, 4 * args.rows):
        export = work / f"export-{n}.csv"
        size = write_export(export, n)
        out = subprocess.run(
            [sys.executable, "-m", "bench.bench_tables", "--measure", str(export)],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{n} rows ({size / 1e6:.1f} MB): {json.dumps(row)}")


if __name__ == "__main__":
    main()
