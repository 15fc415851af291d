"""Progress of long stages: a Rich bar on a terminal, nothing extra elsewhere.

Off a terminal (a served run, CI, a log file) the flow's INFO log lines, one per chunk, already
tell the progress; a bar there would only add control characters to the log. Stages with an
unknown number of items (ingest: inputs in folders, WARC crawls and feeds) count them as each
batch is done; stages that are one call (merge, build, validate) show a spinner with the time
spent.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


def on_terminal() -> bool:
    return sys.stderr.isatty()


def _progress():
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    # On stderr, like the logs: stdout stays clean for results (`sitrep sql` output).
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def track(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    """Yield ``items``; on a terminal, advance a progress bar as each one is consumed (a
    count, without a bar's end, when the total is not known)."""
    if not on_terminal():
        yield from items
        return
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    with _progress() as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)


@contextmanager
def counter(description: str) -> Iterator[Callable[[int], None]]:
    """On a terminal, a count the block advances itself (``advance(n)``), with the time spent:
    for work done in batches whose items are counted as each batch ends."""
    if not on_terminal():
        yield lambda n: None
        return
    with _progress() as bar:
        task = bar.add_task(description, total=None)
        yield lambda n: bar.advance(task, n)


@contextmanager
def stage(description: str) -> Iterator[None]:
    """On a terminal, a spinner and the time spent while the block runs."""
    if not on_terminal():
        yield
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        bar.add_task(description, total=None)
        yield
