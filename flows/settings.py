"""Every tunable in one place, with local defaults so a plain run needs no configuration.

Environment variables (SITREP_*) override the defaults; CLI options override both. They are
read here, once, when this module is imported, and nowhere else. Importing it changes nothing
in the process: ``prepare_process`` (called by the CLI before any command and by the flow as
it starts) sets the process-wide defaults the libraries read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

# Process-wide defaults, set by ``prepare_process`` unless the environment has its own.
PROCESS_DEFAULTS = {
    # Nothing phones home: set before Prefect or GX is imported anywhere in the process.
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "False",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # Arrow's default allocator (mimalloc) keeps what it freed: after the corpus-wide step that
    # was a few hundred MB the rest of the run could not use (100k documents: resolve peak 820
    # -> 583 MB with the system allocator, no slower). Worker processes inherit it.
    "ARROW_DEFAULT_MEMORY_POOL": "system",
    # Prefect's ephemeral server takes close to 20 s to start on 2 cores; the default is 10 s.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


def prepare_process() -> None:
    """Set ``PROCESS_DEFAULTS`` (where the environment has no value) and Arrow's allocator.
    Idempotent; call before Prefect or GX is imported (the CLI does, before any command)."""
    for name, value in PROCESS_DEFAULTS.items():
        os.environ.setdefault(name, value)
    if os.environ["ARROW_DEFAULT_MEMORY_POOL"] == "system":
        import pyarrow as pa

        pa.set_memory_pool(pa.system_memory_pool())


PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = PROJECT_ROOT / "seeds" / "articles"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "sitrep.duckdb"
REFERENCE_DIR = PROJECT_ROOT / "seeds" / "reference"

# Inputs larger than this are rejected unread (bytes).
MAX_INPUT_BYTES = int(os.environ.get("SITREP_MAX_INPUT_BYTES", 5 * 1024 * 1024))
# The field mapping of JSONL and CSV/TSV inputs: "role=FIELD" overrides, comma-separated
# ("text=notes,published=report_date"; roles and default names: transforms/ingest/fields.py).
FIELDS = tuple(s.strip() for s in os.environ.get("SITREP_FIELDS", "").split(",") if s.strip())
# Documents per chunk: peak memory follows the chunk size, not the corpus size.
CHUNK_SIZE = int(os.environ.get("SITREP_CHUNK_SIZE", 2000))
# Fewer new documents than this are cleaned and extracted in the run's own process: starting
# worker processes (each imports the code and loads the registry) would cost more.
POOL_MIN_DOCUMENTS = int(os.environ.get("SITREP_POOL_MIN_DOCUMENTS", 2000))
# Skip input files whose size and modification time are those an earlier run read (rsync's check).
QUICK_CHECK = os.environ.get("SITREP_QUICK_CHECK", "1").lower() not in ("0", "false", "no")
# DuckDB's memory cap while building the warehouse file (it spills beyond it).
DUCKDB_MEMORY_LIMIT = os.environ.get("SITREP_DUCKDB_MEMORY_LIMIT", "256MB")
# How long a second run waits for the warehouse's run lock before it stops (seconds; 0: at once).
LOCK_TIMEOUT_SECONDS = float(os.environ.get("SITREP_LOCK_TIMEOUT_SECONDS", 600))
# Where runs keep what is costly to rebuild and safe to lose: the entity and place Registry as
# a pickle (warehouse/reference.py; 0.3 s to read against 1-2 s to build). "off": no cache.
_CACHE = os.environ.get("SITREP_CACHE_DIR") or str(
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sitrep"
)
CACHE_DIR = None if _CACHE == "off" else Path(_CACHE)
# `sitrep serve`: the cron schedule of its runs (minute 0 of every hour), and the folder whose
# files each run reads.
CRON = os.environ.get("SITREP_CRON", "0 * * * *")
INBOX = Path(os.environ.get("SITREP_INBOX", PROJECT_ROOT / "warehouse" / "inbox"))
# `sitrep ui`: where it serves Prefect's API and UI (Prefect's own defaults); other commands
# report to a server found there unless SITREP_UI_DISCOVERY=0.
UI_HOST = os.environ.get("SITREP_UI_HOST", "127.0.0.1")
UI_PORT = int(os.environ.get("SITREP_UI_PORT", 4200))
UI_DISCOVERY = os.environ.get("SITREP_UI_DISCOVERY", "1") != "0"


@dataclass(frozen=True)
class RunSettings:
    """One run's parameters, resolved from defaults, environment and CLI."""

    inputs: tuple[str, ...] = (str(DEFAULT_INPUT),)
    warehouse: str = str(DEFAULT_WAREHOUSE)
    lake: str | None = None  # default: the warehouse's own, <dir>/<stem>.lake
    strict: bool = False
    max_bytes: int = MAX_INPUT_BYTES
    fields: tuple[str, ...] = FIELDS  # "role=FIELD" overrides of the field mapping
    chunk_size: int = CHUNK_SIZE
    duckdb_memory_limit: str = DUCKDB_MEMORY_LIMIT
    # An input file with the size and modification time of an earlier run's is not read again
    # (flows/quick_check.py); False reads and hashes every input.
    quick_check: bool = QUICK_CHECK
    # Read when the run starts, so a test can shorten it.
    lock_timeout: float = field(default_factory=lambda: LOCK_TIMEOUT_SECONDS)

    @property
    def lake_root(self) -> str:
        from warehouse.storage import lake_dir

        return self.lake or str(lake_dir(self.warehouse))
