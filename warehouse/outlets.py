"""Load the outlets reference table (seeds/reference/outlets.csv) for ingestion."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from transforms.ingest import Outlets

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "seeds" / "reference" / "outlets.csv"


@lru_cache(maxsize=4)
def load_outlets(path: str | Path = DEFAULT_PATH) -> Outlets:
    # every cell as text ("" for empty)
    with Path(path).open(encoding="utf-8", newline="") as f:
        return Outlets.from_rows(list(csv.DictReader(f)))
