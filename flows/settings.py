"""Every tunable in one place, with local defaults so a plain run needs no configuration.

Environment variables (SITREP_*) override the defaults; CLI options override both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# Nothing phones home: set before Prefect or GX is imported anywhere in the process.
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# Arrow's default allocator (mimalloc) keeps what it freed: after the corpus-wide step that was
# a few hundred MB the rest of the run could not use (100k documents: resolve peak 820 -> 583
# MB with the system allocator, no slower). Set before and after pyarrow is first imported.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
# Prefect's ephemeral server takes close to 20 s to start on 2 cores; the default is 10 s.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

if os.environ["ARROW_DEFAULT_MEMORY_POOL"] == "system":
    import pyarrow as pa

    pa.set_memory_pool(pa.system_memory_pool())

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = PROJECT_ROOT / "seeds" / "articles"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "sitrep.duckdb"
REFERENCE_DIR = PROJECT_ROOT / "seeds" / "reference"

# Inputs larger than this are rejected unread (bytes).
MAX_INPUT_BYTES = int(os.environ.get("SITREP_MAX_INPUT_BYTES", 5 * 1024 * 1024))
# Documents per chunk: peak memory follows the chunk size, not the corpus size.
CHUNK_SIZE = int(os.environ.get("SITREP_CHUNK_SIZE", 2000))
# Fewer new documents than this are cleaned and extracted in the run's own process: starting
# worker processes (each imports the code and loads the registry) would cost more.
POOL_MIN_DOCUMENTS = int(os.environ.get("SITREP_POOL_MIN_DOCUMENTS", 2000))
# Skip input files whose size and modification time are those an earlier run read (rsync's check).
QUICK_CHECK = os.environ.get("SITREP_QUICK_CHECK", "1").lower() not in ("0", "false", "no")
# DuckDB's memory cap while building the warehouse file (it spills beyond it).
DUCKDB_MEMORY_LIMIT = os.environ.get("SITREP_DUCKDB_MEMORY_LIMIT", "256MB")


@dataclass(frozen=True)
class RunSettings:
    """One run's parameters, resolved from defaults, environment and CLI."""

    inputs: tuple[str, ...] = (str(DEFAULT_INPUT),)
    warehouse: str = str(DEFAULT_WAREHOUSE)
    lake: str | None = None  # default: the warehouse's own, <dir>/<stem>.lake
    strict: bool = False
    max_bytes: int = MAX_INPUT_BYTES
    chunk_size: int = CHUNK_SIZE
    duckdb_memory_limit: str = DUCKDB_MEMORY_LIMIT
    # An input file with the size and modification time of an earlier run's is not read again
    # (flows/quick_check.py); False reads and hashes every input.
    quick_check: bool = QUICK_CHECK

    @property
    def lake_root(self) -> str:
        from warehouse.storage import lake_dir

        return self.lake or str(lake_dir(self.warehouse))
