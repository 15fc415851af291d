"""The metadata a page declares about itself (<meta>, <time>, JSON-LD), and a plain fallback
text for fragments the article extractor finds nothing in.

Standard-library parser (tolerant of broken markup). Script, style, navigation and form chrome
are dropped whole; block elements become line breaks; entities are decoded by the parser.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

DROP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "option",
        "svg",
        "iframe",
        "template",
        "menu",
        "dialog",
    ]
)
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "blockquote",
        "pre",
        "hr",
        "dd",
        "dt",
        "figcaption",
        "figure",
        "main",
        "address",
    ]
)
VOID_TAGS = frozenset(
    [
        "br",
        "hr",
        "img",
        "input",
        "meta",
        "link",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
    ]
)
# <meta> names/properties that carry the publication date, the outlet, the headline.
DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "publication_date",
)
SOURCE_META = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
TITLE_META = ("og:title", "twitter:title", "headline", "dc.title")


@dataclass
class HtmlDoc:
    text: str
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def published(self) -> str | None:
        return next((self.meta[k] for k in DATE_META if self.meta.get(k)), None)

    @property
    def source(self) -> str | None:
        value = next((self.meta[k] for k in SOURCE_META if self.meta.get(k)), None)
        return value.lstrip("@") if value else None


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.skip_stack: list[str] = []  # open tags inside dropped chrome
        self.in_title = False
        self.in_h1 = False
        self.in_jsonld = False
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.jsonld: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"].strip()
            return
        if tag == "time" and a.get("datetime") and "time" not in self.meta:
            self.meta["time"] = a["datetime"]
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self.in_jsonld = True
        if self.skip_stack or tag in DROP_TAGS or _is_chrome_container(a):
            if tag not in VOID_TAGS:
                self.skip_stack.append(tag)
            return
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in BLOCK_TAGS and not self.skip_stack:
            self.parts.append("\n\n" if tag in ("p", "div", "h1", "h2", "h3", "li") else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_jsonld = False
        if self.skip_stack:
            # Pop to the matching open tag, so unclosed <p> or <li> inside chrome can't swallow
            # the rest of the page; a stray end tag is ignored.
            if tag in self.skip_stack:
                while self.skip_stack.pop() != tag:
                    pass
            return
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag in BLOCK_TAGS and not self.skip_stack:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_jsonld:
            self.jsonld.append(data)
            return
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_stack:
            return
        if self.in_h1:
            self.h1_parts.append(data)
        self.parts.append(data)


def _is_chrome_container(attrs: dict[str, str]) -> bool:
    """role=navigation/banner/search, or a class/id naming share bars, menus, newsletters."""
    if attrs.get("role", "").lower() in ("navigation", "banner", "search", "contentinfo"):
        return True
    if attrs.get("aria-hidden", "").lower() == "true":
        return False
    ident = f"{attrs.get('class', '')} {attrs.get('id', '')}".lower()
    return bool(
        re.search(
            r"\b(share|social|newsletter|subscribe|menu|navbar|cookie|"
            r"advert|ad-slot|related|breadcrumb|comments?)\b",
            ident,
        )
    )


def _jsonld_meta(blobs: list[str], meta: dict[str, str]) -> None:
    for blob in blobs:
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict):
                continue
            if item.get("datePublished"):
                meta.setdefault("datepublished", str(item["datePublished"]))
            if item.get("headline"):
                meta.setdefault("headline", str(item["headline"]))
            pub = item.get("publisher")
            if isinstance(pub, dict) and pub.get("name"):
                meta.setdefault("publisher", str(pub["name"]))


def page_meta(html: str) -> HtmlDoc:
    """Visible text of a page, one paragraph per line, with its title and <meta> values."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    _jsonld_meta(parser.jsonld, parser.meta)
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    title = next(
        (parser.meta[k] for k in TITLE_META if parser.meta.get(k)),
        " ".join("".join(parser.h1_parts).split())
        or " ".join("".join(parser.title_parts).split())
        or None,
    )
    return HtmlDoc(text=text, title=title, meta=parser.meta)
