"""Data-quality suites of the warehouse (GX 1.x expectations, as data in ``specs.py``) and SQL
checks (``sql/``).

One engine, Great Expectations: ``validate(db_path, run_id=None, docs_dir=None, ...,
changed=None) -> ValidationReport`` validates every row (``sitrep validate``), or only the
rows the build of a staged file reports it added or rewrote (the run's gate,
``flows/gate.py``); great_expectations is imported only when it runs (seconds).

``docs.build_later`` renders a report's Data Docs with GX in a detached process.
"""

from expectations.validate import Outcome, ValidationReport, validate

__all__ = ["Outcome", "ValidationReport", "validate"]
