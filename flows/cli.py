"""The ``sitrep`` command line. Exit codes: 0 success, 1 run failed, 2 bad usage."""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from flows import cli_export, cli_ops, cli_validate
from flows import settings as cfg

app = typer.Typer(
    help="sitrep: news reports of armed attacks in, a validated event warehouse out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
DEFAULT_INPUT_SHOWN = f"{cfg.DEFAULT_INPUT.relative_to(cfg.PROJECT_ROOT)}/"


@app.callback()
def _group() -> None:
    """sitrep: news reports of armed attacks in, a validated event warehouse out."""
    # Before any command imports Prefect or GX: telemetry off, Arrow's allocator, a local UI.
    cfg.prepare_process()
    cli_ops.report_to_local_ui()


def _summary_table(run: dict) -> Table:
    table = Table(title=f"run {run['run_id']}: {run['status']}")
    table.add_column("measure")
    table.add_column("count", justify="right")
    for key in (
        "inputs_seen",
        "documents_loaded",
        "documents_new",
        "documents_rejected",
        "events_total",
        "events_new",
        "events_updated",
    ):
        if run.get(key) is not None:
            table.add_row(key.replace("_", " "), str(run[key]))
    return table


# JSONL and CSV/TSV: the field mapping's overrides (transforms/ingest/fields.py).
FIELD_OPTION = typer.Option(
    None,
    "--field",
    help="JSONL key or CSV/TSV column of a role (repeatable): ROLE=NAME, e.g. text=notes, "
    "published=report_date, title= (none). Roles: text, title, source, url, id, "
    "published, event_date, format. Default: common names (README).",
)


@app.command()
def run(
    input: list[Path] = typer.Option(  # noqa: B008
        None,
        "--input",
        "-i",
        help="Folder or file to ingest (repeatable): text, HTML, JSONL, CSV/TSV, WARC crawl "
        f"(.warc, .warc.gz), RSS/Atom feed. Default: {DEFAULT_INPUT_SHOWN}",
    ),
    field: list[str] = FIELD_OPTION,
    warehouse: Path = typer.Option(cfg.DEFAULT_WAREHOUSE, help="DuckDB file to publish."),  # noqa: B008
    strict: bool = typer.Option(False, help="Fail the run if any input is rejected."),
    max_bytes: int = typer.Option(cfg.MAX_INPUT_BYTES, help="Reject inputs larger than this."),
    chunk_size: int = typer.Option(cfg.CHUNK_SIZE, help="Documents per chunk task."),
    lake: str = typer.Option(
        None, help="Parquet root (path or URL). Default: the warehouse's own, <name>.lake/."
    ),
    reprocess: bool = typer.Option(False, help="Re-extract every document, not only new ones."),
    rehash: bool = typer.Option(
        False, help="Read and hash every input, even in files whose size and time are unchanged."
    ),
    workers: int = typer.Option(0, help="Local processes for chunk tasks (0: one per core)."),
    dask: str = typer.Option(None, help="Run chunk tasks on this Dask scheduler address."),
) -> None:
    """Run the pipeline under Prefect: ingest, extract, merge, build, validate, publish."""
    _check_fields(field or [])
    from flows import progress
    from warehouse.longlived import made_for_good

    # Imported for good: the collector neither runs during the imports nor scans them after.
    with progress.stage("start: Prefect and the pipeline's code"), made_for_good():
        from flows import lifeline
        from flows.gate import CriticalExpectationFailed
        from flows.pipeline import StrictModeError, configured_flow
        from warehouse.publish import WarehouseBusyError
        from warehouse.storage import LakeOwnedError

        lifeline.start_temporary_server()  # ends with this process, however it ends
    inputs = [str(p) for p in input] if input else [str(cfg.DEFAULT_INPUT)]
    try:
        result = configured_flow(dask)(
            inputs=inputs,
            warehouse=str(warehouse),
            strict=strict,
            max_bytes=max_bytes,
            chunk_size=chunk_size,
            lake=lake,
            reprocess=reprocess,
            rehash=rehash,
            workers=workers,
            dask_address=dask,
            fields=field or None,
        )
    except (StrictModeError, CriticalExpectationFailed, WarehouseBusyError, LakeOwnedError) as exc:
        # The flow run is marked Failed in Prefect with the same message; no traceback here.
        console.print(f"[red]run failed:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(1) from exc
    console.print(_summary_table(result))
    console.print(f"warehouse: {warehouse}")


def _check_fields(specs: list[str]) -> None:
    """A bad ``--field`` stops the command before the run starts (exit 2)."""
    from transforms.ingest.fields import parse_overrides

    try:
        parse_overrides([*cfg.FIELDS, *specs])
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--field / SITREP_FIELDS") from exc


def main() -> None:  # pragma: no cover - console entry point (tests run it as `sitrep`)
    """Run the command, then end the process without tearing the interpreter down.

    Python's own exit frees every module and object one by one: a quarter of a no-op run's CPU
    (0.6 of 2.5 s), for nothing. What an exit must do is done first, in the order Python does
    it: other threads finished (``threading._shutdown``, which also ends executors), exit
    handlers run (Prefect flushes its logs and events to the API and stops a temporary
    server; logging flushes), output flushed. Then ``os._exit`` with the command's code.
    """
    try:
        app()
        code = 0
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
        code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    shutdown = getattr(threading, "_shutdown", None)
    if shutdown is not None:
        shutdown()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


# The other commands live in modules of their own, which do not import this one.
COMMANDS = (
    cli_export.export,
    cli_ops.serve,
    cli_ops.ui,
    cli_ops.sql,
    cli_ops.report,
    cli_validate.validate,
)
for _command in COMMANDS:
    app.command()(_command)
