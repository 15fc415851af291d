"""WARC crawls (``.warc``, ``.warc.gz``) into inputs, one record at a time.

Read with warcio (Webrecorder's streaming reader and writer, pure Python): records are read
in order from the open file, a gzipped crawl member by member, so a multi-GB crawl never sits in
memory; only one page's payload (at most ``max_bytes``) is held at a time. fastwarc reads
faster, but here the reader is not the cost (trafilatura's extraction of each page is, see
``bench/bench_warc.py``), and warcio also writes WARCs, which the tests use to build theirs.

Every record is an input with uri ``<file>#W<offset>`` (its byte offset in the file, where
``warcio extract`` or any WARC tool finds it again). A 2xx HTML response (or a resource record
holding HTML) is a page: its target URI is the document's url, and the crawl's date
(WARC-Date) is never given as its publication date: a crawler fetches old pages too. Every other
record is rejected with a reason: requests, revisits, metadata and warcinfo
('warc_not_a_page'), redirects and errors ('http_status'), JSON, images and other media
('not_html'). A crawl that breaks off mid-way keeps what was read and records where it broke
('unreadable').
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from transforms.ingest import RawInput, Rejected
from transforms.ingest.html import looks_like_html

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
PAGE_RECORDS = ("response", "resource")
READ_BLOCK = 1 << 16
WARC_TYPES = frozenset(
    [
        "warcinfo",
        "response",
        "resource",
        "request",
        "metadata",
        "revisit",
        "conversion",
        "continuation",
    ]
)


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _media_type(value: str | None) -> str:
    return (value or "").split(";")[0].strip().lower()


def _charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _read_at_most(stream, limit: int) -> bytes:
    """Up to ``limit`` bytes of a payload, in blocks (warcio's decoding reader answers one large
    read with nothing)."""
    parts: list[bytes] = []
    size = 0
    while size < limit:
        block = stream.read(min(READ_BLOCK, limit - size))
        if not block:
            break
        parts.append(block)
        size += len(block)
    return b"".join(parts)


def _rejected(uri: str, target: str | None, n: int, reason: str, detail: str) -> RawInput:
    where = f" ({target})" if target else ""
    return RawInput(uri=uri, url=target, n_bytes=n, reject=Rejected(reason, detail + where))


def _record_input(record, uri: str, max_bytes: int) -> RawInput:
    """One record as an input: a page, or its rejection."""
    target = record.rec_headers.get_header("WARC-Target-URI")
    length = int(record.rec_headers.get_header("Content-Length") or 0)
    if record.rec_type not in PAGE_RECORDS:
        return _rejected(uri, target, length, "warc_not_a_page", f"a {record.rec_type} record")
    if record.http_headers is not None and record.rec_type == "response":
        status = record.http_headers.get_statuscode()
        if not status.startswith("2"):
            location = record.http_headers.get_header("Location")
            detail = f"HTTP {status}" + (f" -> {location}" if location else "")
            return _rejected(uri, target, length, "http_status", detail)
        content_type = record.http_headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    media = _media_type(content_type)
    if media and media not in HTML_TYPES:
        return _rejected(uri, target, length, "not_html", f"content type {media}")
    data = _read_at_most(record.content_stream(), max_bytes + 1)
    if len(data) > max_bytes:
        return _rejected(uri, target, length, "too_large", f"payload over {max_bytes} bytes")
    if not media and not looks_like_html(data[:2000].decode("latin-1")):
        return _rejected(uri, target, len(data), "not_html", "no content type and no HTML")
    return RawInput(
        uri=uri,
        url=target,
        data=data,
        n_bytes=len(data),
        kind="html",
        charset=_charset(content_type),
    )


def warc_inputs(path: Path, max_bytes: int) -> Iterator[RawInput]:
    """Every record of a WARC file as an input, in file order."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield RawInput(uri=str(path), reject=Rejected("unreadable", str(exc)))
        return
    with handle:
        records = ArchiveIterator(handle)
        end = 0  # where the next record starts
        try:
            for record in records:
                if record.format != "warc" or record.rec_type not in WARC_TYPES:
                    raise ValueError(f"not a WARC record ({record.format} {record.rec_type})")
                raw = _record_input(record, str(path), max_bytes)
                # The offset is known once the record is read to its end (warcio reads it then).
                offset = records.get_record_offset()
                if getattr(record.raw_stream, "limit", 0) > 0:  # its block ended early
                    raise EOFError(f"record at byte {offset} is cut short")
                end = offset + records.get_record_length()
                yield replace(raw, uri=f"{path}#W{offset}")
        # warcio fails on damaged bytes in many ways (ArchiveLoadFailed, zlib.error, EOFError, an
        # AttributeError on a header cut in half): any of them ends this file, never the run.
        except Exception as exc:  # noqa: BLE001
            yield RawInput(
                uri=f"{path}#W{end}",
                reject=Rejected("unreadable", f"the crawl breaks off here: {exc}"[:300]),
            )
