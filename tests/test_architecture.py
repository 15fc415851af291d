"""Imports go one way: flows -> transforms, expectations, warehouse. Transforms stay pure."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _sources(package):
    return [(p, p.read_text()) for p in (ROOT / package).rglob("*.py")]


def test_transforms_do_no_io_and_import_no_engine():
    banned = re.compile(
        r"^\s*(?:import|from)\s+(prefect|duckdb|great_expectations|flows|"
        r"warehouse|expectations)\b",
        re.MULTILINE,
    )
    io = re.compile(r"\b(open\(|read_text\(|write_text\(|read_bytes\(|requests\.|urlopen)")
    for path, text in _sources("transforms"):
        assert not banned.search(text), f"{path} imports an engine or an outer layer"
        assert not io.search(text), f"{path} does file or network I/O"


def test_nothing_imports_flows():
    pattern = re.compile(r"^\s*(?:import|from)\s+flows\b", re.MULTILINE)
    for package in ("transforms", "warehouse", "expectations"):
        for path, text in _sources(package):
            assert not pattern.search(text), f"{path} imports flows"
