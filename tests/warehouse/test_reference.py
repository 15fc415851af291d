"""The Registry's cache: read back equal to a build, never stale, harmless when broken."""

from __future__ import annotations

import os
import shutil

from warehouse import reference


def _fresh(reference_dir, cache_dir):
    reference._load.cache_clear()  # a new process, as far as the cache is concerned
    return reference.load_registry(reference_dir, cache_dir=cache_dir)


def test_a_cached_registry_is_the_built_one(tmp_path):
    cache = tmp_path / "cache"
    built = _fresh(None, cache)
    (pickled,) = cache.glob("registry-*.pickle")
    again = _fresh(None, cache)
    assert again is not built  # read from the file, not the process's memo
    assert again.entities_table().equals(built.entities_table())
    assert again.places_table().equals(built.places_table())
    assert again.key_index == built.key_index and again.guarded == built.guarded
    assert set(again.patterns) == set(built.patterns)
    assert list(cache.glob("registry-*.pickle")) == [pickled]


def test_changed_reference_data_is_built_again_and_only_the_newest_pickles_kept(tmp_path):
    ref, cache = tmp_path / "reference", tmp_path / "cache"
    ref.mkdir()
    for name in reference.REFERENCE_FILES:
        shutil.copy(reference.REFERENCE_DIR / name, ref / name)
    before = _fresh(ref, cache)
    (old,) = cache.glob("registry-*.pickle")
    with (ref / "entities.csv").open("a", encoding="utf-8") as f:
        f.write("ent:test_new,Zarqawi Test Brigade,armed_group,ZTB,,,,SY,test\n")
    stale = [cache / f"registry-stale{i}.pickle" for i in range(reference.CACHE_VERSIONS)]
    for i, path in enumerate(stale):  # other checkouts' versions, older than this one's
        path.write_bytes(b"x")
        os.utime(path, ns=(i, i))
    after = _fresh(ref, cache)
    (new,) = set(cache.glob("registry-*.pickle")) - {old, *stale}
    assert "ent:test_new" in after.entities and "ent:test_new" not in before.entities
    assert _fresh(ref, cache).entities.keys() == after.entities.keys()  # the new pickle
    kept = set(cache.glob("registry-*.pickle"))
    assert len(kept) == reference.CACHE_VERSIONS and {new, old} <= kept
    assert stale[0] not in kept and stale[1] not in kept  # the oldest went


def test_a_torn_cache_file_is_rebuilt_not_trusted(tmp_path):
    cache = tmp_path / "cache"
    built = _fresh(None, cache)
    (pickled,) = cache.glob("registry-*.pickle")
    pickled.write_bytes(pickled.read_bytes()[:1000])  # a write cut short
    again = _fresh(None, cache)
    assert again.entities_table().equals(built.entities_table())
    assert len(pickled.read_bytes()) > 1000  # rewritten whole


def test_without_a_cache_folder_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    registry = _fresh(None, None)
    assert registry.entities and list(tmp_path.iterdir()) == []
