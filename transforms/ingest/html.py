"""An HTML page to its article: main text, headline, publication date and outlet.

The text comes from trafilatura (the extractor the field's web corpora are built with): it keeps
the article's paragraphs and drops navigation, asides, related-story lists, comments and footers
by the page's structure, where the old tag-and-class rules (``html_meta.py``) kept whatever a
site did not name as chrome. Measured on the project's own pages
(``tests/transforms/ingest/pages``, each extractor followed by the text-chrome rules): chrome
strings left 13/37 -> 0/37, body sentences kept 22/22 both, metadata dates 3/6 -> 5/6, headlines
5/6 both, about 2 -> 5-10 ms a page (``python -m bench.bench_html``). On plain text it has no
markup to judge by (the seeds' 71 lines as paragraphs: it keeps 65, the text-chrome rules 47),
so plain text keeps the rules, and they also run after it here.

Dates come from htmldate through trafilatura, from the page's metadata and markup only
(``extensive_search`` off: no guess from any number in the text), original over modified.
What the extractor does not find (a JSON-LD publisher, a <meta name="pubdate">) is taken from
the page's own declarations; a fragment the extractor finds no article in falls back to the
plain parser's visible text. Nothing here reads a file or the network.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from trafilatura import bare_extraction

from transforms.ingest.html_meta import page_meta

# htmldate drops dates after max_date; a fixed bound keeps re-runs identical whatever the day.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2099-12-31"}
# Pages with more tags than this go to the plain parser: trafilatura's time grows faster than
# the page (a 20,000-row table took 15 s), the plain parser's linearly. News pages have a few
# thousand tags.
MAX_TAGS = 25_000
# trafilatura logs pages it finds nothing in (at ERROR level): the fallback or a rejection
# says it instead, once, in the run's ledger.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Page:
    """What a page says of itself. ``text``: one paragraph per line, chrome removed."""

    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    extractor: str = "trafilatura"  # or 'fallback' (plain visible text)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return (
        "<html" in head
        or "<!doctype html" in head
        or (len(re.findall(r"</?(p|div|body|br|span|a)\b", head)) >= 3)
    )


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def html_to_text(html: str) -> Page:
    """The article of a page: text, headline, publication date and outlet, each None when the
    page does not say."""
    if html.count("<") > MAX_TAGS:
        own = page_meta(html)
        return Page(
            text=own.text,
            title=_clean(own.title),
            published=_clean(own.published),
            source=_clean(own.source),
            extractor="fallback",
        )
    try:
        found = bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # noqa: BLE001  a third-party parser on any bytes: fall back, never stop
        found = None
    got: dict = {}
    if found is not None:
        got = found if isinstance(found, dict) else found.as_dict()
    text = (got.get("text") or "").strip()
    title, published = _clean(got.get("title")), _clean(got.get("date"))
    source = _clean(got.get("sitename"))
    extractor = "trafilatura"
    if not text or title is None or published is None or source is None:
        own = page_meta(html)
        if not text:
            text, extractor = own.text, "fallback"
        title = title or _clean(own.title)
        published = published or _clean(own.published)
        source = source or _clean(own.source)
    return Page(text=text, title=title, published=published, source=source, extractor=extractor)
