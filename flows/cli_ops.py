"""Operations commands: ``sitrep serve``, ``sitrep ui``, ``sitrep sql``, ``sitrep report``
(plain functions; ``flows/cli.py`` registers them).

Exit codes (as for every sitrep command): 0 success, 1 the work failed (a query error, a write
refused), 2 bad usage (a missing warehouse, an invalid option).

A local Prefect server started with ``sitrep ui`` is found on its default address, so runs
started by ``sitrep run`` and ``sitrep serve`` in other terminals report to its UI without any
configuration. An explicit PREFECT_API_URL always wins; SITREP_UI_DISCOVERY=0 turns this off.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import urllib.request
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from flows import settings as cfg
from flows.serve import DEFAULT_CRON, DEFAULT_INBOX

# Where `sitrep ui` serves Prefect's API and UI (SITREP_UI_HOST, SITREP_UI_PORT).
UI_HOST = cfg.UI_HOST
UI_PORT = cfg.UI_PORT
# How long to wait for a local server's health check before running without it (seconds).
UI_PROBE_TIMEOUT = 0.5
# After Ctrl-C: how long the server may take to stop by itself, then after SIGTERM (seconds).
UI_GRACE = 5
UI_STOP_TIMEOUT = 20
# Width of `sitrep sql` tables written to a pipe or file, where no terminal sets it.
OFF_TERMINAL_WIDTH = 240

# Results go to stdout, messages to stderr. Piped, tables keep their width.
out = Console() if sys.stdout.isatty() else Console(width=OFF_TERMINAL_WIDTH)
console = Console(stderr=True)


def local_ui_api_url(host: str = UI_HOST, port: int = UI_PORT) -> str | None:
    """The API URL of a Prefect server answering on host:port, else None."""
    url = f"http://{host}:{port}/api"
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=UI_PROBE_TIMEOUT) as resp:
            return url if resp.status == 200 else None
    except (OSError, ValueError):
        return None


def report_to_local_ui() -> None:
    """Point Prefect at a local ``sitrep ui`` server, if one answers (``flows.cli`` calls this
    before any command). Only before Prefect is imported: its settings are read at import."""
    if "PREFECT_API_URL" in os.environ or "prefect" in sys.modules:
        return
    if not cfg.UI_DISCOVERY:
        return
    url = local_ui_api_url()
    if url:
        os.environ["PREFECT_API_URL"] = url


def _existing_warehouse(warehouse: Path) -> Path:
    if not warehouse.exists():
        console.print(f"[red]no warehouse at {warehouse}[/red]: build it with `sitrep run` first")
        raise typer.Exit(2)
    return warehouse


def serve(
    cron: str = typer.Option(DEFAULT_CRON, help="Cron schedule of the runs (default hourly)."),
    inbox: Path = typer.Option(  # noqa: B008
        DEFAULT_INBOX, help="Folder whose new files each run ingests (created if missing)."
    ),
    warehouse: Path = typer.Option(cfg.DEFAULT_WAREHOUSE, help="DuckDB file to publish."),  # noqa: B008
) -> None:
    """Run the pipeline on a schedule: new files dropped into the inbox are ingested."""
    from flows.serve import scheduled_deployment, serve_deployment, stop_on_sigterm

    stop_on_sigterm()  # from the start: a stop while Prefect loads is as clean as a later one
    inbox.mkdir(parents=True, exist_ok=True)
    try:
        try:
            deployment = scheduled_deployment(cron=cron, inbox=inbox, warehouse=warehouse)
        except ValueError as exc:
            console.print(f"[red]invalid schedule {escape(repr(cron))}:[/red] {escape(str(exc))}")
            raise typer.Exit(2) from exc
        api = os.environ.get("PREFECT_API_URL") or "a temporary server (no UI: see `sitrep ui`)"
        console.print(f"serving sitrep on [bold]{cron}[/bold]: inbox {inbox} -> {warehouse}")
        console.print(f"runs report to {api}; stop with Ctrl-C")
        serve_deployment(deployment)
    except KeyboardInterrupt:
        pass  # Ctrl-C or SIGTERM: a requested stop is a clean exit
    console.print("stopped")


def ui(
    host: str = typer.Option(UI_HOST, help="Address to listen on."),
    port: int = typer.Option(UI_PORT, help="Port of the API and UI."),
) -> None:
    """Start a local Prefect server with its UI; sitrep runs elsewhere report to it."""
    console.print(
        f"Prefect UI on http://{host}:{port} . `sitrep run` and `sitrep serve` in other "
        "terminals report to it. Stop with Ctrl-C."
    )
    cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)]
    server = subprocess.Popen(cmd)
    # SIGTERM to sitrep alone must not orphan the server: pass it on, then wait for it.
    signal.signal(signal.SIGTERM, lambda signum, frame: server.send_signal(signum))
    try:
        code = server.wait()
    except KeyboardInterrupt:
        _stop_server(server)
        code = 0
    raise typer.Exit(0 if code in (0, -signal.SIGTERM, -signal.SIGINT) else code)


def _stop_server(server: subprocess.Popen) -> None:
    """After Ctrl-C: a terminal's Ctrl-C reached the server too, so give it a moment to stop;
    a SIGINT sent to sitrep alone did not, so stop the server ourselves."""
    try:
        server.wait(timeout=UI_GRACE)
        return
    except subprocess.TimeoutExpired:
        server.terminate()
    try:
        server.wait(timeout=UI_STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def _jsonable(value: object) -> object:
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def sql(
    query: str = typer.Argument(..., help='SQL to run, e.g. "select * from attacks_by_location"'),
    warehouse: Path = typer.Option(cfg.DEFAULT_WAREHOUSE, help="DuckDB file to query."),  # noqa: B008
    format: OutputFormat = typer.Option(  # noqa: B008
        OutputFormat.table, "--format", "-f", help="Output: table, csv or json."
    ),
) -> None:
    """Ask the warehouse a question in DuckDB SQL (read-only: writes are refused)."""
    import duckdb

    from warehouse.report_data import WriteRefused, run_read_only

    _existing_warehouse(warehouse)
    try:
        names, rows = run_read_only(warehouse, query)
    except WriteRefused as exc:
        console.print(f"[red]{escape(str(exc))}[/red]", highlight=False)
        raise typer.Exit(1) from exc
    except duckdb.Error as exc:
        console.print(f"[red]query failed:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(1) from exc
    if format is OutputFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([_jsonable(v) for v in row] for row in rows)
    elif format is OutputFormat.json:
        records = [dict(zip(names, map(_jsonable, row), strict=True)) for row in rows]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    else:
        table = Table(caption=f"{len(rows)} row(s)")
        for i, name in enumerate(names):
            numeric = all(isinstance(r[i], int | float) for r in rows if r[i] is not None)
            table.add_column(Text(name), justify="right" if numeric and rows else "left")
        for row in rows:
            # Text, not markup: a value like "[Reuters]" is data, shown as it is.
            table.add_row(*(Text("" if v is None else str(v)) for v in row))
        out.print(table)


def report(
    warehouse: Path = typer.Option(cfg.DEFAULT_WAREHOUSE, help="DuckDB file to report on."),  # noqa: B008
    output: Path = typer.Option(  # noqa: B008
        None, "--output", "-o", help="HTML file. Default: report.html beside the warehouse."
    ),
) -> None:
    """Write a self-contained HTML report (charts, map, events with quotes) that opens offline."""
    from transforms.report import render_report
    from warehouse.report_data import governorate_outlines, report_tables

    _existing_warehouse(warehouse)
    target = output or warehouse.resolve().with_name("report.html")
    generated = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC from {warehouse.name}"
    page = render_report(
        report_tables(warehouse), generated=generated, outlines=governorate_outlines()
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.write_text(page, encoding="utf-8")
    os.replace(partial, target)  # a reader never sees half a page
    console.print(f"report: {target}")
