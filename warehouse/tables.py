"""CSV and TSV files (``.csv``, ``.tsv``, ``.tab``) into inputs, one per row, streamed.

The first row is the header; each later row is one input with uri ``<file>#R<n>`` (``n``: the
row's number after the header, 1 for the first). Its text, headline, date, outlet, url and id
are the columns the field mapping picks (``transforms/ingest/fields.py``, the same one JSONL's
keys go through). Rows are read one at a time from the open file (Python's ``csv`` reader:
quoted fields may hold delimiters, doubled quotes and newlines), so an export of any size is
never held in memory; a row whose text is over ``max_bytes`` is rejected.

Encoding: a BOM says it (UTF-8, UTF-16: a spreadsheet's "Unicode text" export), else the first
64 KB do: UTF-8, unless they hold bytes that are not UTF-8 and no UTF-8 beyond ASCII
(a legacy Windows export: cp1252). The delimiter of a ``.csv`` is the one of ``,;|`` and tab
that its header line holds most (``;``: spreadsheets of locales with a decimal comma), of a
``.tsv``/``.tab`` a tab.

Every row is accounted for: loaded, or rejected with its reason: 'missing_text' (the header has
no text column, or the row's is empty), 'undecodable' (bytes not in the file's encoding),
'too_large', 'invalid_row' (more fields than the header, broken quoting), 'empty' (a row of
empty fields). A blank line is no row. One bad row never stops the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from transforms.ingest import RawInput, Rejected
from transforms.ingest.fields import Fields

TABLE_SUFFIXES = {".csv": None, ".tsv": "\t", ".tab": "\t"}  # None: read from the header
CSV_DELIMITERS = ",;|\t"
SNIFF_BYTES = 1 << 16
# documents.encoding of a row, by the codec that read its file.
ENCODING_NAMES = {"utf-8-sig": "utf-8-bom", "utf-16": "utf-16-bom"}
_SURROGATE = re.compile("[\udc80-\udcff]")  # a byte the file's encoding could not decode


def is_table(path: Path) -> bool:
    return path.suffix.lower() in TABLE_SUFFIXES


def file_encoding(head: bytes) -> str:
    """The encoding of a file that starts with ``head``: its BOM's, else UTF-8 unless the
    bytes are not UTF-8 and hold no UTF-8 beyond ASCII (then cp1252)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    text = decoder.decode(head, final=False)  # a character cut at the end is no error
    if _SURROGATE.search(text) and not any(ord(c) > 127 and not _SURROGATE.match(c) for c in text):
        return "cp1252"
    return "utf-8"


def _delimiter(suffix: str, header_line: str) -> str:
    fixed = TABLE_SUFFIXES[suffix]
    if fixed is not None:
        return fixed
    outside = re.sub(r'"[^"]*"', "", header_line)  # a quoted header may hold any character
    counts = {d: outside.count(d) for d in CSV_DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _reject(uri: str, n_bytes: int, reason: str, detail: str) -> RawInput:
    return RawInput(uri=uri, n_bytes=n_bytes, reject=Rejected(reason, detail))


def _row_input(
    uri: str,
    header: list[str],
    row: list[str],
    fields: Fields,
    columns: dict[str, str],
    encoding: str,
    max_bytes: int,
) -> RawInput:
    """One data row as an input, or its rejection."""
    n_bytes = sum(len(v.encode("utf-8", "surrogateescape")) + 1 for v in row)
    extra = row[len(header) :]
    if any(v.strip() for v in extra):
        detail = f"{len(row)} fields, the header has {len(header)} (a delimiter or quote astray?)"
        return _reject(uri, n_bytes, "invalid_row", detail)
    record: dict[str, str] = {}
    for name, value in zip(header, row, strict=False):
        record.setdefault(name, value)  # a header named twice: its first column
    bad = next((k for k, v in record.items() if _SURROGATE.search(v)), None)
    if bad is not None:
        return _reject(uri, n_bytes, "undecodable", f"column {bad!r} is not valid {encoding}")
    if not any(v.strip() for v in row):
        return _reject(uri, n_bytes, "empty", "every field of the row is empty")
    picked = fields.pick(record, columns)
    if "text" not in columns:
        return _reject(uri, n_bytes, "missing_text", f"no text column: {fields.text_field()}")
    if not picked.text or not picked.text.strip():
        return _reject(uri, n_bytes, "missing_text", f"column {columns['text']!r} is empty")
    size = len(picked.text.encode("utf-8"))
    if size > max_bytes:
        return _reject(uri, size, "too_large", f"text of {size} bytes > limit {max_bytes}")
    return picked.raw_input(uri, size, encoding)


def _records(handle: io.TextIOBase, delimiter: str) -> Iterator[tuple[list[str] | None, str]]:
    """(fields, '') of each record, or (None, why) for one the reader cannot parse; blank
    lines are skipped. The reader carries on after a broken record."""
    reader = csv.reader(handle, delimiter=delimiter)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield None, f"line {reader.line_num}: {exc}"
            continue
        if row:
            yield row, ""


def table_inputs(path: Path, max_bytes: int, fields: Fields | None = None) -> Iterator[RawInput]:
    """Every data row of a CSV/TSV file as an input, in file order."""
    fields = fields or Fields()
    uri = str(path)
    try:
        raw = path.open("rb")
    except OSError as exc:
        yield RawInput(uri=uri, reject=Rejected("unreadable", str(exc)))
        return
    with raw:
        encoding = file_encoding(raw.read(SNIFF_BYTES))
        raw.seek(0)
        text = io.TextIOWrapper(raw, encoding=encoding, errors="surrogateescape", newline="")
        first = text.readline(SNIFF_BYTES)
        text.seek(0)
        # A field may be as long as the size limit allows (csv's own limit is 128 KB).
        csv.field_size_limit(max(csv.field_size_limit(), max_bytes + 1))
        try:
            yield from _rows(path, text, _delimiter(path.suffix.lower(), first), fields, max_bytes)
        except (OSError, UnicodeError) as exc:  # the file itself fails mid-way
            yield RawInput(uri=uri, reject=Rejected("unreadable", str(exc)[:300]))


def _rows(
    path: Path, text: io.TextIOBase, delimiter: str, fields: Fields, max_bytes: int
) -> Iterator[RawInput]:
    records = _records(text, delimiter)
    header, why = next(records, (None, "no header row"))
    if header is None:
        reason = "invalid_row" if why.startswith("line") else "empty"
        yield RawInput(uri=str(path), reject=Rejected(reason, f"header: {why}"[:300]))
        return
    header = [h.strip() for h in header]
    columns = fields.columns(header)
    encoding = ENCODING_NAMES.get(text.encoding, text.encoding)
    for n, (row, why) in enumerate(records, start=1):
        uri = f"{path}#R{n}"
        if row is None:
            yield _reject(uri, 0, "invalid_row", why[:300])
            continue
        yield _row_input(uri, header, row, fields, columns, encoding, max_bytes)
