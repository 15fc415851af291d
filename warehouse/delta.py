"""Keyed deltas: which rows of the corpus-wide event tables the last merge rewrote.

The merge rewrites the lake's event tables whole (each a ``current.parquet``), but after an
incremental merge only the rows of a few events differ. The merge records those event ids in
the marker ``_merge_delta``, with the stamps (size:mtime_ns) of the tables' files before it read
them (``base``) and after it wrote them (``result``). A warehouse file that holds exactly the
``base`` files' rows, while the lake still holds the ``result`` files, is brought up to date by
deleting and inserting the rows of those events only (``warehouse.db.update_database``).
Anything else (a run that failed in between, a full merge, a file rewritten by other means)
makes the stamps differ, and the tables are replaced whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from transforms import catalog
from warehouse.lake import CURRENT, Lake

MARKER = "merge_delta"
# The tables a merge delta covers, and their key.
KEYED: dict[str, str] = {
    t.name: t.delta_key for t in catalog.loaded(catalog.KEYED) if t.delta_key is not None
}


def current_stamps(lake: Lake) -> dict[str, str | None]:
    """The stamp of each keyed table's ``current.parquet`` (None where there is none)."""
    return {name: lake.stamps(name).get(CURRENT) for name in KEYED}


def write_delta(lake: Lake, base: dict[str, str | None], keys: Iterable[str] | None) -> None:
    """Record the rewritten ``keys`` once the keyed tables are written (``None``: every row
    may differ, no delta applies)."""
    if keys is None:
        lake.write_marker(MARKER, json.dumps({"base": None}))
        return
    delta = {"base": base, "result": current_stamps(lake), "keys": sorted(keys)}
    lake.write_marker(MARKER, json.dumps(delta))


def applicable_keys(lake: Lake, held: dict[str, str | None]) -> list[str] | None:
    """The keys to rewrite in a file whose keyed tables hold the files stamped ``held``, or
    None when the last delta does not lead from those to the lake's current files."""
    text = lake.read_marker(MARKER)
    delta = json.loads(text) if text else {"base": None}
    if delta["base"] is None or delta["base"] != held or delta["result"] != current_stamps(lake):
        return None
    return delta["keys"]
