"""The Parquet lake: every stage's output as Parquet files, the storage of record.

Layout under the root (a local folder or any pyarrow/fsspec filesystem URL):

    <table>/month=YYYY-MM/part-<key>.parquet   per-document tables, hive-partitioned by
                                               publication month ('unknown' when undated)
    <table>/part-<key>.parquet                 ledgers (runs, run_inputs, rejected_documents)
    <table>/current.parquet                    corpus-wide tables recomputed each run

Part files are content-addressed (the key hashes what they hold) and written to a temporary
name then moved, so a re-run writes nothing new and a killed run never leaves half a file.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pyarrow.parquet as pq

CURRENT = "current.parquet"


def content_key(values: Iterable[str]) -> str:
    """A stable key for a set of ids: the same ids give the same file name."""
    h = hashlib.sha256()
    for v in sorted(values):
        h.update(v.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def _filesystem(uri: str) -> tuple[pafs.FileSystem, str]:
    """pyarrow's own filesystems (file://, s3://, gs://, hdfs://), else any fsspec one."""
    try:
        return pafs.FileSystem.from_uri(uri)
    except (pa.ArrowInvalid, ValueError):
        import fsspec

        fs, path = fsspec.core.url_to_fs(uri)
        return pafs.PyFileSystem(pafs.FSSpecHandler(fs)), path.rstrip("/")


def _runs_of(part_name: str) -> set[str]:
    """The run ids a ledger part's name can stand for: ``part-<run>.parquet``, and
    ``part-<run>-<n>.parquet`` (the run's n-th part)."""
    key = part_name.removeprefix("part-").removesuffix(".parquet")
    head, _, tail = key.rpartition("-")
    return {key, head} if tail.isdigit() else {key}


class Lake:
    """Reads and writes the lake's tables; knows paths, never what the tables mean."""

    def __init__(self, root: str | Path) -> None:
        root = str(root)
        if "://" in root:
            self.fs, self.root = _filesystem(root)
            self.local = False
        else:
            self.fs, self.root = pafs.LocalFileSystem(), str(Path(root).resolve())
            self.local = True
        self.uri = root

    def _dir(self, table: str) -> str:
        return f"{self.root}/{table}"

    def _write(self, table: pa.Table, path: str) -> str:
        parent = path.rsplit("/", 1)[0]
        self.fs.create_dir(parent, recursive=True)
        tmp = f"{parent}/.tmp-{uuid.uuid4().hex}.partial"  # never matched by *.parquet
        pq.write_table(table, tmp, filesystem=self.fs, compression="zstd")
        self.fs.move(tmp, path)
        return path

    def write_part(
        self,
        name: str,
        table: pa.Table,
        key: str,
        partition: str | None = None,
        overwrite: bool = False,
    ) -> str | None:
        """Write one part file; an existing part with the same key is kept (idempotent)."""
        path = self.part_path(name, key, partition)
        if not overwrite and self.fs.get_file_info(path).type == pafs.FileType.File:
            return None
        return self._write(table, path)

    def write_current(self, name: str, table: pa.Table) -> str:
        """Replace a corpus-wide table in one move."""
        return self._write(table, f"{self._dir(name)}/{CURRENT}")

    def part_path(self, name: str, key: str, partition: str | None = None) -> str:
        return self._dir(name) + (f"/{partition}" if partition else "") + f"/part-{key}.parquet"

    def parts(self, name: str) -> list[tuple[str, str | None]]:
        """(key, partition) of every part file of a table."""
        out = []
        base = self._dir(name) + "/"
        for path in self.files(name):
            rel = path[len(base) :]
            folder, _, fname = rel.rpartition("/")
            if fname.startswith("part-"):
                out.append((fname[len("part-") : -len(".parquet")], folder or None))
        return out

    def read_part(self, name: str, key: str, partition: str | None, schema: pa.Schema) -> pa.Table:
        return pq.read_table(
            self.part_path(name, key, partition),
            filesystem=self.fs,
            schema=schema,
            columns=schema.names,
        )

    def part_rows(self, name: str, key: str, partition: str | None = None) -> int:
        """Rows of one part file, from its footer (the data is not read)."""
        path = self.part_path(name, key, partition)
        return pq.ParquetFile(path, filesystem=self.fs).metadata.num_rows

    def files(self, name: str) -> list[str]:
        sel = pafs.FileSelector(self._dir(name), recursive=True, allow_not_found=True)
        return sorted(
            f.path
            for f in self.fs.get_file_info(sel)
            if f.type == pafs.FileType.File
            and f.path.endswith(".parquet")
            and not f.base_name.startswith(".")
        )

    def stamps(self, name: str) -> dict[str, str]:
        """Path -> "size:mtime_ns" of every part file of a table: a part rewritten in place
        gets a new stamp. Paths are relative to the table's folder (``file_path`` makes them
        whole), so a lake copied or moved with its times kept keeps its stamps."""
        sel = pafs.FileSelector(self._dir(name), recursive=True, allow_not_found=True)
        base = len(self._dir(name)) + 1
        return {
            f.path[base:]: f"{f.size}:{f.mtime_ns}"
            for f in self.fs.get_file_info(sel)
            if f.type == pafs.FileType.File
            and f.path.endswith(".parquet")
            and not f.base_name.startswith(".")
        }

    def file_path(self, name: str, relative: str) -> str:
        """The whole path of a file of table ``name`` given relative to its folder."""
        return f"{self._dir(name)}/{relative}"

    def exists(self, name: str) -> bool:
        return bool(self.files(name))

    def read(
        self,
        name: str,
        schema: pa.Schema,
        columns: list[str] | None = None,
        filter: ds.Expression | None = None,
    ) -> pa.Table:
        """All parts of a table (partition columns dropped), cast to ``schema``."""
        files = self.files(name)
        cols = columns or schema.names
        if not files:
            return schema.empty_table().select(cols)
        dataset = ds.dataset(files, schema=schema, filesystem=self.fs, format="parquet")
        return dataset.to_table(columns=cols, filter=filter)

    def iter_batches(
        self, name: str, schema: pa.Schema, columns: list[str] | None = None, batch_size: int = 1000
    ) -> Iterable[pa.Table]:
        """Stream a table in batches of at most ``batch_size`` rows, in the order of its files
        and rows, so corpus-wide readers keep memory flat. A part file holds one chunk's rows,
        often far fewer: consecutive files are read as one batch (a reader's cost per batch,
        an Arrow group-by or a filter, is paid per ``batch_size`` rows, not per chunk)."""
        files = self.files(name)
        if not files:
            return
        dataset = ds.dataset(files, schema=schema, filesystem=self.fs, format="parquet")
        pending: list[pa.RecordBatch] = []
        rows = 0
        for batch in dataset.to_batches(columns=columns or schema.names, batch_size=batch_size):
            if pending and rows + batch.num_rows > batch_size:
                yield pa.Table.from_batches(pending)
                pending, rows = [], 0
            pending.append(batch)
            rows += batch.num_rows
        if pending:
            yield pa.Table.from_batches(pending)

    def local_glob(self, name: str) -> str | None:
        """A glob DuckDB's read_parquet can scan directly (local lakes only)."""
        return f"{self._dir(name)}/**/*.parquet" if self.local and self.files(name) else None

    def fingerprint(
        self,
        ignore_runs: set[str] | frozenset[str] = frozenset(),
        run_tables: Iterable[str] = (),
        skip_tables: Iterable[str] = (),
        skip_files: Iterable[str] = (),
    ) -> str:
        """A hash of every part file (path, size and modification time): equal fingerprints,
        the same files, none rewritten since.

        Left out: the parts of ``run_tables`` (ledgers whose parts are named after the run
        that wrote them: ``part-<run_id>`` or ``part-<run_id>-<n>``) written by the runs in
        ``ignore_runs``, every file of ``skip_tables``, and the files ``skip_files`` names.
        """
        ledgers, skipped, files = set(run_tables), set(skip_tables), set(skip_files)
        h = hashlib.sha256()
        sel = pafs.FileSelector(self.root, recursive=True, allow_not_found=True)
        for info in sorted(self.fs.get_file_info(sel), key=lambda f: f.path):
            if info.type != pafs.FileType.File or not info.path.endswith(".parquet"):
                continue
            rel = info.path[len(self.root) + 1 :]
            table = rel.split("/", 1)[0]
            if table in skipped or info.path in files:
                continue
            if table in ledgers and _runs_of(info.base_name) & ignore_runs:
                continue
            h.update(f"{rel}\0{info.size}\0{info.mtime_ns}\n".encode())
        return h.hexdigest()

    def run_parts(self, name: str, runs: set[str] | frozenset[str]) -> list[str]:
        """The part files of ledger ``name`` written by ``runs`` (parts named after the run:
        ``part-<run_id>`` or ``part-<run_id>-<n>``)."""
        return [p for p in self.files(name) if _runs_of(p.rsplit("/", 1)[-1]) & runs]

    def write_marker(self, name: str, text: str) -> None:
        """A small text file beside the tables (not a table), replaced atomically."""
        path = f"{self.root}/_{name}"
        self.fs.create_dir(self.root, recursive=True)
        tmp = f"{path}.{uuid.uuid4().hex}.partial"
        with self.fs.open_output_stream(tmp) as out:
            out.write(text.encode())
        self.fs.move(tmp, path)

    def read_marker(self, name: str) -> str | None:
        path = f"{self.root}/_{name}"
        if self.fs.get_file_info(path).type != pafs.FileType.File:
            return None
        with self.fs.open_input_stream(path) as src:
            return src.read().decode()
