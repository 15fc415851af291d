"""The same flow with its chunk tasks on a Dask cluster gives the same tables as a local run."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.prefect

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"
TABLES = (
    "documents",
    "entity_mentions",
    "event_reports",
    "events",
    "event_merges",
    "event_conflicts",
    "entities",
)
# Columns that record when and by which run a row was first loaded.
RUN_COLUMNS = {"ingested_at", "run_id"}


def _rows(db: Path, table: str) -> list:
    with duckdb.connect(str(db), read_only=True) as con:
        cols = [
            c[0] for c in con.execute(f"describe {table}").fetchall() if c[0] not in RUN_COLUMNS
        ]
        return sorted(map(repr, con.execute(f"select {', '.join(cols)} from {table}").fetchall()))


def test_dask_local_cluster_gives_identical_tables(tmp_path):
    from distributed import LocalCluster

    from flows.pipeline import configured_flow

    local = tmp_path / "local" / "sitrep.duckdb"
    configured_flow()(inputs=[str(SEEDS)], warehouse=str(local), chunk_size=2, workers=2)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        on_dask = tmp_path / "dask" / "sitrep.duckdb"
        run = configured_flow(cluster.scheduler_address)(
            inputs=[str(SEEDS)],
            warehouse=str(on_dask),
            chunk_size=2,
            dask_address=cluster.scheduler_address,
        )
    assert run["status"] == "published"
    for table in TABLES:
        assert _rows(on_dask, table) == _rows(local, table), table
