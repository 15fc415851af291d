"""``sitrep export``: the published events as ACLED-compatible CSV or GeoJSON, any table or
mart as Parquet or CSV. Exit codes: 0 written, 1 the export failed, 2 bad usage. (A plain
function; ``flows/cli.py`` registers it.)"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from flows import settings as cfg

console = Console(stderr=True)  # messages; the export goes to its file


class ExportFormat(StrEnum):
    acled = "acled"
    geojson = "geojson"
    parquet = "parquet"
    csv = "csv"


SUFFIX = {"acled": ".csv", "geojson": ".geojson", "parquet": ".parquet", "csv": ".csv"}


def export(
    format: ExportFormat = typer.Option(  # noqa: B008
        ..., "--format", "-f", help="acled (events, ACLED's columns), geojson (events), parquet|csv"
    ),
    table: str = typer.Option(
        None, "--table", "-t", help="Table or mart for parquet/csv (e.g. events, attacks_by_day)."
    ),
    output: Path = typer.Option(  # noqa: B008
        None, "--output", "-o", help="File to write. Default: beside the warehouse, named after it."
    ),
    warehouse: Path = typer.Option(cfg.DEFAULT_WAREHOUSE, help="DuckDB file to export from."),  # noqa: B008
) -> None:
    """Write the events for the tools analysts already use (acledR, QGIS, pandas)."""
    import duckdb

    from warehouse.export import UnknownTable, export_acled, export_geojson, export_table

    if not warehouse.exists():
        console.print(f"[red]no warehouse at {warehouse}[/red]: build it with `sitrep run` first")
        raise typer.Exit(2)
    tabular = format in (ExportFormat.parquet, ExportFormat.csv)
    if tabular and not table:
        console.print(f"[red]--format {format} needs --table[/red] (a table or mart name)")
        raise typer.Exit(2)
    if table and not tabular:
        console.print(f"[red]--table goes with --format parquet or csv[/red], not {format}")
        raise typer.Exit(2)
    stem = table if tabular else ("events_acled" if format is ExportFormat.acled else "events")
    target = output or warehouse.resolve().with_name(f"{stem}{SUFFIX[format]}")
    try:
        if format is ExportFormat.acled:
            n = export_acled(warehouse, target)
        elif format is ExportFormat.geojson:
            n = export_geojson(warehouse, target)
        else:
            n = export_table(warehouse, table, target, format.value)
    except UnknownTable as exc:
        console.print(f"[red]{escape(str(exc))}[/red]", highlight=False)
        raise typer.Exit(2) from exc
    except (duckdb.Error, OSError) as exc:
        console.print(f"[red]export failed:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(1) from exc
    console.print(f"{n} row(s) -> {target}")
