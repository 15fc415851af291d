"""Data-quality suites of the warehouse (GX 1.x expectations, as data in ``specs.py``) and SQL
checks (``sql/``).

Two entry points give the same verdicts (tests hold them to it):

- ``validate(db_path, run_id=None, docs_dir=None, ..., only=None, published=None)
  -> ValidationReport``: GX validates every row, or only the rows a staged file holds that the
  published one does not (the run's gate, ``flows/gate.py``); great_expectations is imported
  only when it runs (seconds);
- ``indb.validate_in_duckdb(db_path, run_id=None, tables=None, published=None, only=None)``:
  DuckDB evaluates the same expectations without GX (``sitrep validate --engine duckdb``).

``docs.build_later`` renders a report's Data Docs with GX in a detached process.
"""

from expectations.validate import Outcome, ValidationReport, validate

__all__ = ["Outcome", "ValidationReport", "validate"]
