"""Loads the reference CSVs of seeds/reference/ into the entity and place Registry.

The Registry is cached per process and per directory: building it must not be paid per
document chunk. It is picklable, so a chunk running in another process gets a copy.

Building it takes a second or two of CPU (80,000 aliases keyed and indexed), most of it the
garbage collector scanning the hundreds of thousands of objects being made: it is built with
the collector paused (2-3x faster), its objects then frozen out of the collector's scans
(``warehouse/longlived.py``: the process keeps it to its end). With a ``cache_dir`` (the flow
passes ``SITREP_CACHE_DIR``), the built Registry is also kept there as a pickle named by a hash of
the reference CSVs and of the code that builds it (the ``transforms`` package), and the next
process unpickles it, collector paused, in a third of the build's time; any change to the data
or the code makes a new name, so a stale cache is never read.
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import transforms
from transforms.entities.registry import Registry
from warehouse.longlived import made_for_good

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "seeds" / "reference"
REFERENCE_FILES = ("entities.csv", "places.csv")
CACHE_PREFIX = "registry-"
# Pickles kept in the cache folder, newest first: several checkouts of different code sharing
# the user's cache do not evict each other's at every run (each is ~17 MB).
CACHE_VERSIONS = 4


def _build(reference_dir: Path) -> Registry:
    entities, places = (_rows(reference_dir / name) for name in REFERENCE_FILES)
    for row in places:
        for col in ("latitude", "longitude"):
            row[col] = _number(row[col])
    return Registry.from_rows(entities, places)


def _rows(path: Path) -> list[dict[str, Any]]:
    """A reference CSV's rows, every cell as text ("" for empty): ids such as GeoNames numbers
    must stay strings."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _number(text: str) -> float | None:
    """A coordinate cell's number; None when empty or not a number."""
    try:
        return float(text)
    except ValueError:
        return None


def registry_fingerprint(reference_dir: Path) -> str:
    """A hash of what a Registry is made of: the reference CSVs, the code of ``transforms``
    (the Registry's classes, keys and lexicons), Python's version and the pickle protocol."""
    h = hashlib.sha256(f"{sys.version}\0{pickle.HIGHEST_PROTOCOL}".encode())
    code = Path(transforms.__file__).parent
    for path in [reference_dir / n for n in REFERENCE_FILES] + sorted(code.rglob("*.py")):
        h.update(str(path.name).encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()[:24]


def _read_cached(path: Path) -> Registry | None:
    try:
        registry = pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except Exception:  # a torn or foreign file: built again and rewritten
        return None
    return registry if isinstance(registry, Registry) else None


def _write_cached(path: Path, registry: Registry) -> None:
    """Write atomically (a reader sees the whole pickle or none); keep the ``CACHE_VERSIONS``
    newest pickles."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        partial.write_bytes(pickle.dumps(registry, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)
        kept = sorted(
            path.parent.glob(f"{CACHE_PREFIX}*.pickle"),
            key=lambda p: p.stat().st_mtime_ns,
            reverse=True,
        )
        for old in kept[CACHE_VERSIONS:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full cache folder costs the next run a build, nothing more


@lru_cache(maxsize=4)
def _load(reference_dir: Path, cache_dir: Path | None) -> Registry:
    cached = None
    if cache_dir is not None:
        cached = cache_dir / f"{CACHE_PREFIX}{registry_fingerprint(reference_dir)}.pickle"
    with made_for_good():  # kept to the process's end (see there)
        registry = _read_cached(cached) if cached else None
        if registry is None:
            registry = _build(reference_dir)
            registry.places_table(), registry.entities_table()  # made once, cached with it
            if cached:
                _write_cached(cached, registry)
    return registry


def load_registry(reference_dir: Path | None = None, cache_dir: Path | None = None) -> Registry:
    """The Registry from ``reference_dir`` (default seeds/reference/), built once per process;
    with ``cache_dir``, read from the pickle an earlier process left there (module doc)."""
    return _load(
        Path(reference_dir or REFERENCE_DIR).resolve(),
        Path(cache_dir).resolve() if cache_dir else None,
    )
