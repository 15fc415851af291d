"""``sitrep validate``: re-validate a published warehouse, read-only, and say what is wrong
(a plain function; ``flows/cli.py`` registers it).

Exit codes: 0 every critical expectation holds (warnings are listed), 1 at least one critical
expectation failed (each named with its column), 2 no such warehouse file.

Every row is checked by Great Expectations, the engine of the run's gate.
"""

from __future__ import annotations

from pathlib import Path

import typer

from flows import settings as cfg


def validate(
    warehouse: Path = typer.Option(cfg.DEFAULT_WAREHOUSE, help="DuckDB file to check."),  # noqa: B008
    docs: Path = typer.Option(  # noqa: B008
        None, help="Also build GX Data Docs into this folder (index.html)."
    ),
    show_passed: bool = typer.Option(False, help="List passed expectations too."),
) -> None:
    """Re-validate a warehouse against every suite; name each failed expectation and column."""
    if not warehouse.is_file():
        typer.echo(f"no warehouse at {warehouse}", err=True)
        raise typer.Exit(2)
    from expectations import validate as run_validation

    report = run_validation(warehouse, docs_dir=docs)
    for o in report.outcomes:
        if not o.success:
            typer.echo(f"FAILED {o.line()}")
        elif show_passed:
            typer.echo(f"passed {o.line()}")
    critical, warnings = report.critical_failures, report.warnings
    typer.echo(
        f"{warehouse}: {len(report.outcomes)} expectations checked, "
        f"{len(critical)} critical failed, {len(warnings)} warnings failed"
    )
    if report.docs_index is not None:
        typer.echo(f"data docs: {report.docs_index}")
    if critical:
        raise typer.Exit(1)
