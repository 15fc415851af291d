"""Saved RSS 2.0 / Atom feeds (``.rss``, ``.atom``, or ``.xml`` whose root is a feed) into
inputs, one per item, parsed with feedparser.

An item's input has uri ``<file>#I<n>`` (its 1-based position), its link as url, its title, its
guid as external id, the feed's title as outlet, and its publication date (RSS ``pubDate``, Atom
``published``; an Atom ``updated`` time is a modification time, never taken for it). Its text
is the item's full content (``content:encoded``, Atom ``content``) when present, else its
summary; HTML there goes through the HTML extractor. An item with neither is rejected
'missing_text'; a file feedparser finds no feed in, 'invalid_feed'. A feed is parsed whole, so
the file is held to ``max_bytes`` like any other file.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import feedparser

from transforms.ingest import RawInput, Rejected

FEED_SUFFIXES = (".rss", ".atom")
XML_SUFFIX = ".xml"
FEED_ROOTS = ("rss", "feed", "rdf:rdf")
# The first element of an XML file, past its declaration, comments and doctype.
_ROOT = re.compile(rb"<\s*([A-Za-z][\w:.-]*)")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>")  # a feed's HTML: any tag at all
_PROLOGUE = re.compile(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", re.DOTALL)


def is_feed(path: Path) -> bool:
    """A .rss or .atom file, or an .xml file whose root element is rss, feed or rdf:RDF."""
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return True
    if suffix != XML_SUFFIX:
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return True  # let the reader report it
    m = _ROOT.search(_PROLOGUE.sub(b"", head.lstrip(b"\xef\xbb\xbf")))
    return m is not None and m.group(1).decode("ascii", "replace").lower() in FEED_ROOTS


def _text(entry: dict) -> tuple[str | None, bool]:
    """(full content, else summary; whether it is HTML). Whether it is HTML is read from the
    text itself: feedparser types every RSS description text/html. Plain feed text has no line
    breaks of its own (those in the file are the XML's wrapping): it is one paragraph."""
    parts = [(p.get("value") or "").strip() for p in entry.get("content") or []]
    value = next((p for p in parts if p), None) or (entry.get("summary") or "").strip()
    if not value:
        return None, False
    if _TAG.search(value):
        return value, True
    return " ".join(value.split()), False


def _published(entry: dict) -> str | None:
    parsed = entry.get("published_parsed")
    if parsed:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    return entry.get("published") or None  # kept as written: the ingest rules read it or not


def feed_inputs(path: Path, max_bytes: int) -> Iterator[RawInput]:
    """Every item of a feed file as an input, in feed order."""
    uri = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield RawInput(
                uri=uri, n_bytes=size, reject=Rejected("too_large", f"{size} bytes > {max_bytes}")
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield RawInput(uri=uri, reject=Rejected("unreadable", str(exc)))
        return
    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # noqa: BLE001  a third-party parser on any bytes: one input lost
        yield RawInput(uri=uri, n_bytes=len(data), reject=Rejected("invalid_feed", str(exc)[:300]))
        return
    version = parsed.get("version") or ""
    if not parsed.entries:
        why = str(parsed.get("bozo_exception") or "") if parsed.get("bozo") else ""
        detail = why or (f"a {version} feed with no items" if version else "no RSS/Atom feed")
        reason = "invalid_feed" if not version or why else "empty"
        yield RawInput(uri=uri, n_bytes=len(data), reject=Rejected(reason, detail[:300]))
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(parsed.entries, start=1):
        text, is_html = _text(entry)
        item = f"{uri}#I{n}"
        link = entry.get("link") or None
        if not text:
            yield RawInput(
                uri=item, url=link, reject=Rejected("missing_text", "no content or summary")
            )
            continue
        yield RawInput(
            uri=item,
            text=text,
            n_bytes=len(text.encode("utf-8")),
            kind="html" if is_html else "text",
            external_id=entry.get("id") or None,
            title=(entry.get("title") or "").strip() or None,
            source=outlet,
            url=link,
            published=_published(entry),
        )
