"""Progress of long stages: a Rich bar on a terminal, nothing extra elsewhere.

Off a terminal (a served run, CI, a log file) the flow's INFO log lines, one per chunk, already
tell the progress; a bar there would only add control characters to the log.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def on_terminal() -> bool:
    return sys.stderr.isatty()


def track(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    """Yield ``items``; on a terminal, advance a progress bar as each one is consumed."""
    if not on_terminal():
        yield from items
        return
    from rich.console import Console
    from rich.progress import track as rich_track

    # On stderr, like the logs: stdout stays clean for results (`sitrep sql` output).
    console = Console(stderr=True)
    yield from rich_track(
        items, description=description, total=total, transient=True, console=console
    )
