"""A Ctrl-C asked of a run is never lost: the run stops at the latest before its next stage.

Python turns SIGINT into ``KeyboardInterrupt`` at the next bytecode of the main thread, and a
DuckDB query running then ends as "Query interrupted" (``warehouse/db.py`` raises the stop
again). Yet under load a SIGINT sent during the merge or the build was seen lost, once in two
tries: no task failed, and the run went on to publish and exit 0 (which call let it pass, a
query's or one of Prefect's, is not known). ``install`` makes the signal also leave a mark;
``check``, called between stages, raises the stop again when it was lost on the way.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

_asked = threading.Event()


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    _asked.set()
    raise KeyboardInterrupt


def install() -> None:
    """SIGINT marks the stop and raises it (Python's own handler only raises it)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _on_sigint)


def check() -> None:
    """Raise the stop a SIGINT asked for, if the run is still going (between stages)."""
    if _asked.is_set():
        raise KeyboardInterrupt("Ctrl-C: the run stops before its next stage")
