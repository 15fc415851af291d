"""Loads the reference CSVs of seeds/reference/ into the entity and place Registry.

The Registry is cached per process and per directory: building it (about a second) must not
be paid per document chunk. It is picklable, so a chunk running in another process gets a copy.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from transforms.entities.registry import Registry

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "seeds" / "reference"


@lru_cache(maxsize=4)
def _load(reference_dir: Path) -> Registry:
    # every cell as text ("" for empty): ids such as GeoNames numbers must stay strings
    entities = pd.read_csv(
        reference_dir / "entities.csv", dtype=str, keep_default_na=False, encoding="utf-8"
    )
    places = pd.read_csv(
        reference_dir / "places.csv", dtype=str, keep_default_na=False, encoding="utf-8"
    )
    for col in ("latitude", "longitude"):
        places[col] = pd.to_numeric(places[col], errors="coerce")
    return Registry.from_frames(entities, places)


def load_registry(reference_dir: Path | None = None) -> Registry:
    """The Registry from ``reference_dir`` (default seeds/reference/), built once per process."""
    return _load(Path(reference_dir or REFERENCE_DIR).resolve())
