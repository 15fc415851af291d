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

import csv
from datetime import date, timedelta
from pathlib import Path

from bench import streamed

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
    """In this process: read the file through, then ingest a sample of its inputs."""
    from warehouse.tables import table_inputs

    keys = {
        "inputs": "rows",
        "loaded": "rows_read_ok",
        "per_s": "rows_per_s",
        "ms": "ingest_ms_per_row",
    }
    return streamed.measure(path, table_inputs, INGEST_SAMPLE, keys)


def main() -> None:
    module, size = "bench.bench_tables", ("rows", 50_000)
    streamed.main(module, __doc__, size, write_export, lambda n: f"export-{n}.csv", measure)


if __name__ == "__main__":
    main()
