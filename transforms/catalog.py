"""The table catalog: every table of the lake and of the warehouse, each described once.

An entry holds a table's schema (declared in ``transforms/schemas.py``, its grain in the
schema's metadata), its key, where it lives in the lake (``layout``), how it reaches the
warehouse file (``load``), the lake tables it is built from and the stage that writes it.
Every list of tables derives from here: the warehouse tables and their build order
(``TABLES``), what a chunk's extraction writes, what the merge writes, the warehouse tables
read from several lake tables, the tables an update appends to, the tables a merge rewrites by
key, the run ledgers, and the suites (``expectations/specs.py`` has one builder per warehouse
table). ``docs/tables.md`` documents the warehouse tables in this order (a test keeps the two
equal). Adding a table is one entry here plus the transform that fills it.

What a run changed travels with it in the catalog's terms: each stage returns its ``Changes``
(per lake table), the build turns them into a ``RowChange`` per warehouse table (the keys of
the rows it added or rewrote), and validation checks those rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyarrow as pa

from transforms import schemas

# Lake layouts (paths under the lake's root):
CHUNK = "chunk"  # <table>/month=YYYY-MM/part-<chunk key>.parquet: one part per document chunk
LEDGER = "ledger"  # <table>/part-<key>.parquet: parts added by runs, never rewritten by others
CURRENT = "current"  # <table>/current.parquet: rewritten whole by each run
# How a table reaches a warehouse file updated from the published one (a build from scratch
# loads every table whole):
APPEND = "append"  # the rows of the lake parts the file lacks are inserted
REPLACE = "replace"  # replaced whole
KEYED = "keyed"  # the rows of the keys the merge rewrote (its Changes), else replaced


@dataclass(frozen=True)
class Table:
    name: str
    schema: pa.Schema
    key: tuple[str, ...]  # the columns that identify a row (empty: none)
    stage: str  # what writes it: ingest, extract, resolve, build, validate, or the flow (run)
    layout: str | None = None  # in the lake; None: built in the warehouse only
    load: str | None = None  # in the warehouse file; None: a lake table only
    sources: tuple[str, ...] = ()  # lake tables it is built from (default: its own name)
    delta_key: str | None = None  # for KEYED tables: the key the merge reports rewritten
    run_parts: bool = False  # LEDGER parts named after the run that wrote them (part-<run_id>...)

    @property
    def lake_sources(self) -> tuple[str, ...]:
        return self.sources or (self.name,)

    @property
    def key_sql(self) -> str:
        """A DuckDB expression identifying a row by its key, nulls included: what a build
        reports of the rows it added or rewrote (``RowChange``)."""
        return "hash(" + ", ".join(f'"{c}"' for c in self.key) + ")"

    @property
    def grain(self) -> str:
        return (self.schema.metadata or {}).get(b"grain", b"").decode()


# In warehouse build order (dependencies first); lake-only tables beside what they feed.
CATALOG: tuple[Table, ...] = (
    Table("documents", schemas.DOCUMENTS, ("doc_id",), "ingest", CHUNK, APPEND),
    Table(
        "rejected_documents",
        schemas.REJECTED_DOCUMENTS,
        ("uri", "content_sha256"),
        "ingest",
        LEDGER,
        APPEND,
    ),
    Table(
        "run_inputs",
        schemas.RUN_INPUTS,
        ("run_id", "uri"),
        "ingest",
        LEDGER,
        APPEND,
        run_parts=True,
    ),
    Table("input_files", schemas.INPUT_FILES, ("run_id", "path"), "ingest", LEDGER, run_parts=True),
    Table("runs", schemas.RUNS, ("run_id",), "run", LEDGER, REPLACE, run_parts=True),
    Table("mentions_raw", schemas.ENTITY_MENTIONS, ("mention_id",), "extract", CHUNK),
    Table("name_candidates", schemas.NAME_CANDIDATES, (), "extract", CHUNK),
    Table("lower_words", schemas.LOWER_WORDS, (), "extract", CHUNK),
    Table("report_candidates", schemas.EVENT_REPORTS, ("report_id",), "extract", CHUNK),
    Table("entities", schemas.ENTITIES, ("entity_id",), "resolve", CURRENT, REPLACE),
    Table("places", schemas.PLACES, ("place_id",), "resolve", CURRENT, REPLACE),
    Table("mentions_discovered", schemas.ENTITY_MENTIONS, ("mention_id",), "resolve", CURRENT),
    # the chunks' mentions and the corpus-wide discovered ones: no stage concatenates them
    Table(
        "entity_mentions",
        schemas.ENTITY_MENTIONS,
        ("mention_id",),
        "build",
        load=APPEND,
        sources=("mentions_raw", "mentions_discovered"),
    ),
    # the merge's outputs, in MergeResult order (the rows the merge reports rewritten, by key)
    Table(
        "event_reports",
        schemas.EVENT_REPORTS,
        ("report_id",),
        "resolve",
        CURRENT,
        KEYED,
        delta_key="report_id",  # a report's row by report: an event's other rows stay
    ),
    Table("events", schemas.EVENTS, ("event_id",), "resolve", CURRENT, KEYED, delta_key="event_id"),
    Table(
        "event_merges",
        schemas.EVENT_MERGES,
        ("event_id", "report_id"),
        "resolve",
        CURRENT,
        KEYED,
        delta_key="report_id",
    ),
    Table(
        "event_conflicts",
        schemas.EVENT_CONFLICTS,
        ("event_id", "field"),
        "resolve",
        CURRENT,
        KEYED,
        delta_key="event_id",
    ),
    Table(
        "validation_results",
        schemas.VALIDATION_RESULTS,
        ("run_id", "suite", "expectation", "column"),
        "validate",
        LEDGER,
        REPLACE,
        run_parts=True,
    ),
)
BY_NAME: dict[str, Table] = {t.name: t for t in CATALOG}


def written_by(stage: str) -> tuple[Table, ...]:
    """The lake tables ``stage`` writes, in catalog order."""
    return tuple(t for t in CATALOG if t.stage == stage and t.layout is not None)


def loaded(mode: str) -> tuple[Table, ...]:
    """The warehouse tables an update brings up to date by ``mode``."""
    return tuple(t for t in CATALOG if t.load == mode)


# The warehouse file's tables, name -> schema, in build order.
TABLES: dict[str, pa.Schema] = {t.name: t.schema for t in CATALOG if t.load is not None}


# Lake tables whose parts are named after the run that wrote them.
RUN_LEDGERS: tuple[str, ...] = tuple(t.name for t in CATALOG if t.run_parts)


@dataclass
class Changes:
    """What a run's stages changed in the lake, passed forward to the build, per lake table:
    the part files written (chunk and ledger tables), the ``delta_key`` values of the rows
    rewritten (keyed tables), or the whole table rewritten with rows that may all differ."""

    parts: dict[str, list[str]] = field(default_factory=dict)  # table -> part file paths
    keys: dict[str, list[str]] = field(default_factory=dict)
    whole: set[str] = field(default_factory=set)

    def wrote(self, table: str, path: str | None) -> None:
        """A part file written (None: the part was there already, nothing new)."""
        if path is not None:
            self.parts.setdefault(table, []).append(path)

    def rewrote(self, table: str, keys: Iterable[str] | None) -> None:
        """The rows of ``keys`` of ``table`` rewritten (None: the whole table)."""
        if keys is None:
            self.whole.add(table)
        else:
            self.keys.setdefault(table, []).extend(keys)

    def add(self, other: Changes) -> Changes:
        """These changes followed by ``other``'s (in place; returns self)."""
        for table, paths in other.parts.items():
            own = self.parts.setdefault(table, [])
            own.extend(p for p in paths if p not in own)
        for table, keys in other.keys.items():
            self.rewrote(table, keys)
        self.whole |= other.whole
        return self


@dataclass(frozen=True)
class RowChange:
    """The rows of one warehouse table a build added or rewrote, as validation receives them:
    the ``key_sql`` values of those rows (None: every row may have changed); ``grown``: rows
    were only added, none of the file's former rows was removed or rewritten. A table a build
    reports nothing for is unchanged."""

    keys: tuple[int, ...] | None
    grown: bool = True

    @property
    def whole(self) -> bool:
        return self.keys is None

    def plus(self, other: RowChange) -> RowChange:
        """This change and ``other`` made to the same table."""
        keys = None if self.keys is None or other.keys is None else self.keys + other.keys
        return RowChange(keys, self.grown and other.grown)
