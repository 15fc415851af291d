"""Where one warehouse keeps its files: beside the warehouse file, each named after it.

    <dir>/<stem>.duckdb                        the published warehouse
    <dir>/<stem>.lake/                         its Parquet lake, the storage of record
    <dir>/<stem>.data_docs/                    its GX Data Docs (index.html)
    <dir>/.<stem>.staging-<run_id>.duckdb      a run's staging file, until it is published
    <dir>/.<name>.lock                         its run lock

So two warehouses in one folder share nothing. The lake also records the name of the warehouse
it feeds (marker ``_warehouse``): a lake given explicitly (``--lake``) to a second warehouse is
refused instead of mixing the two.

Before this layout every warehouse of a folder used ``<dir>/lake`` and ``<dir>/data_docs``.
Such a lake is moved to the warehouse's own name by its next run when it can only be that
warehouse's (no other warehouse file or lake in the folder); otherwise it is left alone and the
warehouse starts a lake of its own (its next run reads its inputs again).
"""

from __future__ import annotations

import logging
from pathlib import Path

from warehouse.lake import Lake

log = logging.getLogger("sitrep")

LEGACY_LAKE = "lake"
LEGACY_DOCS = "data_docs"
OWNER_MARKER = "warehouse"


class LakeOwnedError(RuntimeError):
    """The lake already feeds another warehouse."""


def _file(warehouse: str | Path) -> Path:
    return Path(warehouse).resolve()


def lake_dir(warehouse: str | Path) -> Path:
    """The warehouse's own lake: ``<dir>/<stem>.lake``."""
    w = _file(warehouse)
    return w.with_name(f"{w.stem}.lake")


def docs_dir(warehouse: str | Path) -> Path:
    """The warehouse's GX Data Docs site: ``<dir>/<stem>.data_docs``."""
    w = _file(warehouse)
    return w.with_name(f"{w.stem}.data_docs")


def staging_path(warehouse: str | Path, run_id: str) -> Path:
    """Where run ``run_id`` builds the next file (same folder: publication is a rename)."""
    w = _file(warehouse)
    return w.with_name(f".{w.stem}.staging-{run_id}.duckdb")


def staging_glob(warehouse: str | Path) -> str:
    """Matches every ``staging_path`` of the warehouse (and a staging file's WAL)."""
    return f".{_file(warehouse).stem}.staging-*.duckdb*"


def lock_path(warehouse: str | Path) -> Path:
    w = _file(warehouse)
    return w.with_name(f".{w.name}.lock")


def _others(warehouse: Path) -> list[str]:
    """Other warehouses' files and lakes in the warehouse's folder."""
    return sorted(
        p.name
        for pattern in ("*.duckdb", "*.lake")
        for p in warehouse.parent.glob(pattern)
        if not p.name.startswith(".") and p not in (warehouse, lake_dir(warehouse))
    )


def adopt_legacy(warehouse: str | Path) -> Path | None:
    """Move the folder's lake of the old layout (``<dir>/lake``, and ``<dir>/data_docs``) to
    the warehouse's own names when it can only be this warehouse's; the new lake, else None.
    Call under the warehouse's run lock."""
    w = _file(warehouse)
    legacy = w.with_name(LEGACY_LAKE)
    if not legacy.is_dir() or lake_dir(w).exists():
        return None
    others = _others(w)
    if others:
        log.warning(
            "%s is shared by %s: not adopted; %s starts a lake of its own at %s",
            legacy,
            ", ".join(others),
            w.name,
            lake_dir(w),
        )
        return None
    legacy.rename(lake_dir(w))
    docs = w.with_name(LEGACY_DOCS)
    if docs.is_dir() and not docs_dir(w).exists():
        docs.rename(docs_dir(w))
    log.info("lake %s moved to %s (one lake per warehouse)", legacy, lake_dir(w))
    return lake_dir(w)


def claim(lake: Lake, warehouse: str | Path) -> None:
    """Record that ``lake`` feeds ``warehouse``; raise if it already feeds another one."""
    name = _file(warehouse).name
    owner = lake.read_marker(OWNER_MARKER)
    if owner is None:
        lake.write_marker(OWNER_MARKER, name)
    elif owner != name:
        raise LakeOwnedError(
            f"lake {lake.uri} holds the data of warehouse {owner}, not {name}: "
            f"give {name} a lake of its own (the default, {lake_dir(warehouse).name}, or --lake)"
        )
