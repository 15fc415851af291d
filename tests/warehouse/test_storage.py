"""Each warehouse's files are named after it; a lake of the old layout is adopted only when it
can be one warehouse's alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from warehouse import storage
from warehouse.lake import Lake


def test_every_file_of_a_warehouse_is_named_after_it(tmp_path):
    w = tmp_path / "syria.duckdb"
    assert storage.lake_dir(w) == tmp_path / "syria.lake"
    assert storage.docs_dir(w) == tmp_path / "syria.data_docs"
    assert storage.staging_path(w, "r1") == tmp_path / ".syria.staging-r1.duckdb"
    assert storage.staging_path(w, "r1").match(storage.staging_glob(w))
    assert not storage.staging_path(tmp_path / "iraq.duckdb", "r1").match(storage.staging_glob(w))
    assert storage.lock_path(w) == tmp_path / ".syria.duckdb.lock"


def _legacy(folder: Path) -> None:
    (folder / "lake" / "documents").mkdir(parents=True)
    (folder / "lake" / "documents" / "part-k.parquet").write_bytes(b"x")
    (folder / "data_docs").mkdir()


def test_the_old_shared_lake_is_moved_to_the_only_warehouse_of_its_folder(tmp_path):
    _legacy(tmp_path)
    (tmp_path / "sitrep.duckdb").write_bytes(b"")
    assert storage.adopt_legacy(tmp_path / "sitrep.duckdb") == tmp_path / "sitrep.lake"
    assert (tmp_path / "sitrep.lake" / "documents" / "part-k.parquet").exists()
    assert (tmp_path / "sitrep.data_docs").is_dir()
    assert not (tmp_path / "lake").exists() and not (tmp_path / "data_docs").exists()
    assert storage.adopt_legacy(tmp_path / "sitrep.duckdb") is None  # once


@pytest.mark.parametrize("other", ["iraq.duckdb", "iraq.lake"])
def test_an_old_lake_two_warehouses_may_have_used_is_left_alone(tmp_path, other):
    _legacy(tmp_path)
    (tmp_path / other).mkdir()
    assert storage.adopt_legacy(tmp_path / "syria.duckdb") is None
    assert (tmp_path / "lake" / "documents" / "part-k.parquet").exists()
    assert not (tmp_path / "syria.lake").exists()


def test_a_lake_feeds_one_warehouse(tmp_path):
    lake = Lake(tmp_path / "shared.lake")
    storage.claim(lake, tmp_path / "a" / "syria.duckdb")
    storage.claim(lake, tmp_path / "b" / "syria.duckdb")  # the same warehouse, moved
    with pytest.raises(storage.LakeOwnedError, match="syria.duckdb, not iraq.duckdb"):
        storage.claim(lake, tmp_path / "a" / "iraq.duckdb")
