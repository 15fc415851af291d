"""The gazetteer build's modules (seeds/reference is a folder of scripts, not a package),
loaded once per test module."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REFERENCE = Path(__file__).resolve().parents[2] / "seeds" / "reference"


def _load(name: str) -> ModuleType:
    if str(REFERENCE) not in sys.path:  # build_reference imports wof as a sibling
        sys.path.insert(0, str(REFERENCE))
    spec = importlib.util.spec_from_file_location(name, REFERENCE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def wof() -> ModuleType:
    return _load("wof")


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return _load("build_reference")
