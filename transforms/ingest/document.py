"""One raw input to one document row, or a rejection: the whole ingestion rule set, pure.

Grain of the output: one row per input; documents are deduplicated later by ``doc_id``, a stable
hash of the normalised body, so the same article ingested twice is one document.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from transforms.ingest.chrome import clean_text_lines
from transforms.ingest.dates import find_text_date, parse_date_value
from transforms.ingest.decode import clean_text, decode_bytes
from transforms.ingest.errors import Rejected
from transforms.ingest.html import html_to_text, looks_like_html
from transforms.ingest.outlets import Outlets, cited_wires, outlet_from_text, outlet_from_url

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Fewer letters than this once chrome is gone means there is no article, unless what remains is
# one whole sentence (an incident note: "A bomb killed one and another 4 wounded.").
MIN_BODY_LETTERS = 40
# A whole sentence: at least this many words, a lower-case word among them, a closing stop.
MIN_SENTENCE_WORDS = 4
_SENTENCE = re.compile(r"""^[^\n]*\b[a-z]+\b[^\n]*[.!?]["'”’)]?$""")
_TRAILING_CREDIT = re.compile(r"\s*\(?\b([A-Z]{2,}(?:/[A-Z]{2,})*)\)?\s*$")


def _is_sentence(body: str) -> bool:
    """A short body that is still text: one line of words ending as a sentence ends."""
    return len(body.split()) >= MIN_SENTENCE_WORDS and _SENTENCE.match(body) is not None


@dataclass(frozen=True)
class RawInput:
    """What a reader hands over: the bytes of a file, or a JSONL object's fields."""

    uri: str
    data: bytes | None = None  # file content; None when ``text`` is given (JSONL)
    text: str | None = None
    n_bytes: int = 0
    kind: str = "text"  # 'text' | 'html' | 'markdown'
    external_id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    # 'metadata' (a publication date) or 'event_date' (a coder's event date): how ``published``
    # becomes documents.published_date_method.
    published_method: str = "metadata"
    # Declared by the server (a crawl's HTTP Content-Type); for ``text`` read from a CSV/TSV,
    # the encoding its file was read in.
    charset: str | None = None
    reject: Rejected | None = None  # set by a reader that already knows the input is bad


@dataclass
class Document:
    doc_id: str
    uri: str
    text: str
    external_id: str | None = None
    source: str | None = None
    source_method: str | None = None
    wire: str | None = None
    title: str | None = None
    published_date: date | None = None
    published_date_method: str | None = None
    caption: str | None = None
    encoding: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def n_chars(self) -> int:
        return len(self.text)


def doc_id_for(body: str) -> str:
    """Stable id of a body: case, whitespace and quote styles folded, then SHA-256."""
    norm = " ".join(body.replace("’", "'").replace("“", '"').replace("”", '"').split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:20]


def _strip_trailing_credit(body: str, outlets: Outlets) -> tuple[str, str | None]:
    """'... by ISIS. REUTERS' -> body without the all-caps wire credit, and the credit."""
    # Only the tail can hold it: an end-anchored search from every position of the body is slow.
    m = _TRAILING_CREDIT.search(body, max(0, len(body) - 40))
    if (
        m
        and outlets.canonical(m.group(1).split("/")[0])
        and body[: m.start()].rstrip()[-1:] in '.!?”"'
    ):
        return body[: m.start()].rstrip(), m.group(1)
    return body, None


def _letters(body: str) -> int:
    """The body's letters, counted to the end only when a prefix holds fewer than the minimum
    (enough in a prefix is enough in all: a long body is not counted through)."""
    letters = sum(map(str.isalpha, body[: 4 * MIN_BODY_LETTERS]))
    return letters if letters >= MIN_BODY_LETTERS else sum(map(str.isalpha, body))


def _outlet(
    meta_source: str | None, url: str | None, text: str, outlets: Outlets
) -> tuple[str | None, str | None]:
    """(outlet, how it was found): the metadata's, else the URL's, else the text's."""
    if meta_source:
        return outlets.canonical(meta_source) or meta_source.strip(), "metadata"
    source = outlet_from_url(url, outlets) if url else None
    if source is not None:
        return source, "url"
    return outlet_from_text(text, outlets)


def ingest(raw: RawInput, outlets: Outlets, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode, strip markup and chrome, find headline, date and outlet; raise Rejected if bad."""
    if raw.reject is not None:
        raise raw.reject
    if raw.n_bytes > max_bytes:
        raise Rejected("too_large", f"{raw.n_bytes} bytes > limit {max_bytes}")
    if raw.text is not None:
        text, encoding = clean_text(raw.text), raw.charset or "json"
    elif raw.data is not None:
        text, encoding = decode_bytes(raw.data, raw.charset, html=raw.kind == "html")
    else:
        raise Rejected("empty", "no content")
    meta_date, meta_source, title = raw.published, raw.source, raw.title
    if raw.kind == "html" or looks_like_html(text):
        page = html_to_text(text)
        text = page.text
        title = title or page.title
        meta_date = meta_date or page.published
        meta_source = meta_source or page.source
    cleaned = clean_text_lines(text)
    if not cleaned.body and cleaned.title:
        # One unpunctuated line and nothing else ("IS executed 15 civilians in Deir ez-Zor
        # district"): a note with no headline, not a headline with no article.
        cleaned.body, cleaned.title = cleaned.title, None
    body, credit = _strip_trailing_credit(cleaned.body, outlets)
    letters = _letters(body)
    if letters < MIN_BODY_LETTERS and not _is_sentence(body):
        raise Rejected("no_text", f"{letters} letters of body text")

    published = parse_date_value(meta_date)
    # (a date the page's markup gives is a publication date, whatever the reader said)
    method = (raw.published_method if raw.published else "metadata") if meta_date else None
    if meta_date and published is None:
        method = None  # an unreadable metadata date is no date, never a guess
    if published is None:
        published, method, _ = find_text_date(text)

    source, source_method = _outlet(meta_source, raw.url, text, outlets)
    wire = cited_wires(body + (f"\n{credit}" if credit else ""), outlets, source)

    return Document(
        doc_id=doc_id_for(body),
        uri=raw.url or raw.uri,
        text=body,
        external_id=raw.external_id,
        source=source,
        source_method=source_method,
        wire=wire,
        title=" ".join(title.split()) if title else cleaned.title,
        published_date=published,
        published_date_method=method,
        caption=cleaned.caption,
        encoding=encoding,
        removed=cleaned.removed + ([("credit", credit)] if credit else []),
    )
