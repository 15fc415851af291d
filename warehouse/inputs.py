"""Readers: folders, files and JSONL into RawInput records, streamed, nothing skipped silently.

A folder is read recursively in sorted order (hidden files and folders excepted); a file with an
extension sitrep does not read is still an input, rejected as 'unsupported_type'. A JSONL file is
one input per non-empty line (uri ``path#L<n>``); a CSV/TSV file one per row (``path#R<n>``,
``warehouse/tables.py``); a WARC crawl one per record (``path#W<offset>``,
``warehouse/warc.py``); an RSS/Atom feed one per item (``path#I<n>``, ``warehouse/feeds.py``).
A JSONL object's text, headline, date, outlet, url and id are the keys the field mapping
picks (``transforms/ingest/fields.py``), as a CSV/TSV row's columns are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from transforms.ingest import RawInput, Rejected
from transforms.ingest.fields import Fields
from warehouse.feeds import feed_inputs, is_feed
from warehouse.tables import is_table, table_inputs
from warehouse.warc import is_warc, warc_inputs

TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
JSONL_SUFFIXES = {".jsonl"}
_PART_OF_FILE = re.compile(r"^(.*)#[LRWI]\d+$", re.DOTALL)


def _file_input(path: Path, max_bytes: int) -> RawInput:
    uri = str(path)
    kind = TEXT_SUFFIXES.get(path.suffix.lower())
    try:
        size = path.stat().st_size
    except OSError as exc:
        return RawInput(uri=uri, reject=Rejected("unreadable", str(exc)))
    if kind is None:
        what = "XML that is not an RSS/Atom feed" if path.suffix.lower() == ".xml" else "extension"
        return RawInput(
            uri=uri,
            n_bytes=size,
            reject=Rejected("unsupported_type", f"{what} {path.suffix or '(none)'!r}"),
        )
    if size > max_bytes:  # not even read: the limit protects memory
        return RawInput(
            uri=uri, n_bytes=size, reject=Rejected("too_large", f"{size} bytes > limit {max_bytes}")
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        return RawInput(uri=uri, n_bytes=size, reject=Rejected("unreadable", str(exc)))
    return RawInput(uri=uri, data=data, n_bytes=len(data), kind=kind)


def _jsonl_inputs(path: Path, max_bytes: int, fields: Fields) -> Iterator[RawInput]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield RawInput(uri=str(path), reject=Rejected("unreadable", str(exc)))
        return
    with handle:
        for n, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            uri = f"{path}#L{n}"
            if len(line) > max_bytes:
                yield RawInput(
                    uri=uri,
                    n_bytes=len(line),
                    reject=Rejected("too_large", f"{len(line)} bytes > {max_bytes}"),
                )
                continue
            try:
                obj = json.loads(line.decode("utf-8-sig"))
            except (ValueError, UnicodeDecodeError) as exc:
                yield RawInput(
                    uri=uri, n_bytes=len(line), reject=Rejected("invalid_json", str(exc)[:200])
                )
                continue
            if not isinstance(obj, dict):
                yield RawInput(
                    uri=uri,
                    n_bytes=len(line),
                    reject=Rejected("invalid_json", f"a JSON {type(obj).__name__}"),
                )
                continue
            columns = fields.columns(obj)
            picked = fields.pick(obj, columns)
            if not picked.text or not picked.text.strip():
                detail = f"no text field: {fields.text_field()}" if "text" not in columns else ""
                yield RawInput(uri=uri, n_bytes=len(line), reject=Rejected("missing_text", detail))
                continue
            yield picked.raw_input(uri, len(line))


def reads_fields(path: Path) -> bool:
    """Whether the field mapping decides a file's inputs (JSONL, CSV/TSV)."""
    return path.suffix.lower() in JSONL_SUFFIXES or is_table(path)


def input_files(paths: list[str | Path]) -> Iterator[Path | RawInput]:
    """Every file under the given paths, in a stable order; a path that does not exist comes
    as its rejection."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.exists():
            yield path
        else:
            yield RawInput(uri=str(path), reject=Rejected("unreadable", "no such file or folder"))


def file_inputs(path: Path, max_bytes: int, fields: Fields | None = None) -> Iterator[RawInput]:
    """The inputs of one file: a JSONL file's lines, a CSV/TSV file's rows, a WARC's records,
    a feed's items, any other file whole. ``fields``: the field mapping of JSONL and CSV/TSV
    (default: ``transforms/ingest/fields.py``'s precedence)."""
    fields = fields or Fields()
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _jsonl_inputs(path, max_bytes, fields)
    elif is_table(path):
        yield from table_inputs(path, max_bytes, fields)
    elif is_warc(path):
        yield from warc_inputs(path, max_bytes)
    elif is_feed(path):
        yield from feed_inputs(path, max_bytes)
    else:
        yield _file_input(path, max_bytes)


def file_of(uri: str) -> str:
    """The file an input's uri belongs to: a JSONL line's uri is ``path#L<n>``, a CSV/TSV
    row's ``path#R<n>``, a WARC record's ``path#W<offset>``, a feed item's ``path#I<n>``."""
    m = _PART_OF_FILE.match(uri)
    return m.group(1) if m else uri


def iter_inputs(
    paths: list[str | Path], max_bytes: int, fields: Fields | None = None
) -> Iterator[RawInput]:
    """Every input under the given paths, in a stable order."""
    for item in input_files(paths):
        if isinstance(item, RawInput):
            yield item
        else:
            yield from file_inputs(item, max_bytes, fields)
