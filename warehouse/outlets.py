"""Load the outlets reference table (seeds/reference/outlets.csv) for ingestion."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from transforms.ingest import Outlets

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "seeds" / "reference" / "outlets.csv"


@lru_cache(maxsize=4)
def load_outlets(path: str | Path = DEFAULT_PATH) -> Outlets:
    return Outlets.from_table(pd.read_csv(path, dtype=str, keep_default_na=False))
