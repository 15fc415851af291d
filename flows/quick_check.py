"""The quick check: an input file unchanged since a run that listed it is not read again.

A file with the size and modification time (in nanoseconds) an earlier run recorded for it,
read with the same field mapping (JSONL, CSV/TSV: ``transforms/ingest/fields.py``)
(lake table ``input_files``) holds the inputs that run's ledger lists for it: this run's ledger
gets those rows (``is_new`` false) and the file is neither read nor hashed. This is rsync's
default check: a file rewritten to the same size with its old modification time put back (or
within the file system's time granularity) would be missed; ``quick_check=False`` (``sitrep run
--rehash``) reads and hashes every input again.
A file whose loaded documents the lake no longer holds is read again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from transforms import schemas
from transforms.ingest import RawInput
from warehouse.inputs import file_of, reads_fields
from warehouse.lake import Lake


def file_stats(
    listing: Iterable[Path | RawInput], mapping: str = ""
) -> dict[str, tuple[int, int, str]]:
    """Path -> (size, mtime_ns, field mapping) of each listed file that can be stat'ed (the
    reader reports the others); ``mapping`` (``Fields.key``) counts only for the files it
    reads (JSONL, CSV/TSV), '' for the others."""
    stats = {}
    for item in listing:
        if isinstance(item, Path):
            try:
                st = os.stat(item)
            except OSError:
                continue
            stats[str(item)] = (st.st_size, st.st_mtime_ns, mapping if reads_fields(item) else "")
    return stats


def stats_table(run_id: str, stats: dict[str, tuple[int, int, str]]) -> pa.Table:
    """This run's ``input_files`` rows."""
    paths = sorted(stats)
    return pa.table(
        {
            "run_id": pa.array([run_id] * len(paths), pa.string()),
            "path": pa.array(paths, pa.string()),
            "size_bytes": pa.array([stats[p][0] for p in paths], pa.int64()),
            "mtime_ns": pa.array([stats[p][1] for p in paths], pa.int64()),
            "field_mapping": pa.array([stats[p][2] for p in paths], pa.string()),
        },
        schema=schemas.INPUT_FILES,
    )


def last_listed(
    listed: pa.Table, stats: dict[str, tuple[int, int, str]], same: bool
) -> dict[str, str]:
    """File -> the last run (of the ``input_files`` rows ``listed``) that listed it: with
    ``same``, as it is now (the size, modification time and field mapping in ``stats``; a
    lake from before the mapping was recorded read with the default), else in any state."""
    last: dict[str, str] = {}
    for run, path, size, mtime, mapping in zip(
        *(listed.column(c).to_pylist() for c in schemas.INPUT_FILES.names), strict=True
    ):
        now = stats.get(path)
        was = (size, mtime, mapping or "")
        if now is not None and (not same or now == was) and run > last.get(path, ""):
            last[path] = run
    return last


def unchanged_ledger(
    lake: Lake,
    listed: pa.Table,
    stats: dict[str, tuple[int, int, str]],
    run_id: str,
    known_docs: set[str],
) -> tuple[set[str], pa.Table]:
    """(files this run need not read, this run's ledger rows for their inputs), given the
    ``input_files`` rows of earlier runs (``listed``)."""
    empty = schemas.RUN_INPUTS.empty_table()
    latest = last_listed(listed, stats, same=True)
    if not latest:
        return set(), empty
    runs = pa.array(sorted(set(latest.values())), pa.string())
    rows = lake.read("run_inputs", schemas.RUN_INPUTS, filter=pc.field("run_id").isin(runs))
    files = [file_of(u) for u in rows.column("uri").to_pylist()]
    ran = rows.column("run_id").to_pylist()
    mine = [latest.get(f) == r for f, r in zip(files, ran, strict=True)]
    rows = rows.filter(pa.array(mine, pa.bool_()))
    files = [f for f, m in zip(files, mine, strict=True) if m]
    gone = {  # loaded documents the lake lost: read those files again
        f
        for f, doc, outcome in zip(
            files,
            rows.column("doc_id").to_pylist(),
            rows.column("outcome").to_pylist(),
            strict=True,
        )
        if outcome == "loaded" and doc not in known_docs
    }
    skip = set(latest) - gone
    if gone:
        rows = rows.filter(pa.array([f in skip for f in files], pa.bool_()))
    n = rows.num_rows
    for name, value in (("run_id", pa.array([run_id] * n, pa.string())),
                        ("is_new", pa.array([False] * n, pa.bool_()))):  # fmt: skip
        rows = rows.set_column(rows.schema.get_field_index(name), name, value)
    return skip, rows
