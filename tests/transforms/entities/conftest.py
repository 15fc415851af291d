"""Fixtures for the entity tests: the committed registry, and a one-call detector."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from transforms.entities import detect_mentions
from warehouse.reference import load_registry


@pytest.fixture(scope="session")
def registry():
    return load_registry()


@pytest.fixture(scope="session")
def detect(registry):
    """detect(text) -> the mentions of one document as a DataFrame (doc_id 'd')."""

    def run(text: str, reg=None) -> pd.DataFrame:
        docs = pa.table({"doc_id": ["d"], "text": [text]})
        out = detect_mentions(docs, reg or registry).to_pandas()
        assert all(
            text[s:e] == x
            for s, e, x in zip(out.char_start, out.char_end, out.surface, strict=True)
        )
        return out

    return run
