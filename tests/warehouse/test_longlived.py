"""What a process keeps to its end is made without collections and frozen out of later ones."""

from __future__ import annotations

import gc

from warehouse import reference
from warehouse.longlived import made_for_good


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector could free it


def test_objects_made_in_the_block_are_frozen_and_the_collector_restored():
    assert gc.isenabled()
    with made_for_good():
        assert not gc.isenabled()  # no collection while the block makes its objects
        kept = [_Node() for _ in range(100)]
    assert gc.isenabled()
    tracked = {id(o) for o in gc.get_objects()}
    assert not any(id(n) in tracked for n in kept)  # frozen: no collection scans them
    made = _Node()
    assert any(o is made for o in gc.get_objects())  # later objects are collected as ever


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        with made_for_good():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_registry_is_frozen_and_read_back_with_its_tables(tmp_path):
    reference._load.cache_clear()
    built = reference.load_registry(cache_dir=tmp_path)
    assert not any(o is built.places for o in gc.get_objects())
    reference._load.cache_clear()
    read = reference.load_registry(cache_dir=tmp_path)
    # made by the build, read back from the cache: not made again row by row
    assert read._tables["places"] is not None and read._tables["entities"] is not None
    assert read.places_table().equals(built.places_table())
    assert read.entities_table().equals(built.entities_table())
