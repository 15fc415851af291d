"""Which field of a record is the document's text, headline, date, outlet, url and id: the one
mapping every record reader uses (a JSONL object's keys, a CSV/TSV file's header).

Each role has a precedence of common names (``ROLES``), matched case-insensitively with spaces
and hyphens read as underscores ("Event Date" is ``event_date``); the first name present is the
field read, and an empty value there means the record has none (no fall-through to the next
name: a row's headline never comes from another column by chance). An override
(``role=FIELD``: ``sitrep run --field text=notes``, or ``SITREP_FIELDS``) names the field of a
role outright, and ``role=`` reads none. A record's date is its publication date when it has
one, else its event date (a coder's ``event_date``, or GTD's ``iyear``/``imonth``/``iday``, 0
meaning unknown): see ``DATE_METHODS``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from transforms.ingest.document import RawInput

# role -> the field names read for it, in precedence order (normalised: lower case, '_').
ROLES: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "body",
        "content",
        "article",
        "full_text",
        "story",
        "notes",  # ACLED
        "summary",  # GTD
        "description",
        "details",
    ),
    "title": ("title", "headline", "heading"),
    "source": ("source", "outlet", "publisher", "source_name", "site", "scite1"),
    "url": ("url", "link", "source_url", "permalink"),
    "id": ("id", "event_id_cnty", "eventid", "event_id", "guid", "row_id", "data_id"),
    # The document's own date: when it was published ("date": an article table's date).
    "published": (
        "published",
        "published_date",
        "publication_date",
        "date_published",
        "pubdate",
        "published_at",
        "date",
    ),
    # The date of the event the record describes (a coder's export): the document's date when
    # it has no publication date.
    "event_date": ("event_date",),
    "format": ("format",),  # 'html': the text is markup
}
# GTD's split event date: year, month, day; 0 is unknown.
DATE_PARTS = ("iyear", "imonth", "iday")
# How a record's date was read (documents.published_date_method).
DATE_METHODS = {"published": "metadata", "event_date": "event_date"}
_SEPARATORS = re.compile(r"[\s\-]+")


def normalise(name: str) -> str:
    """A field name as the roles list it: 'Event Date' -> 'event_date'."""
    return _SEPARATORS.sub("_", name.strip().lstrip("\ufeff")).lower()


def parse_overrides(specs: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """``['text=notes', 'source=']`` -> ((role, field), ...); ValueError naming a bad spec.
    Specs may also come comma-separated in one string (``SITREP_FIELDS``)."""
    out: dict[str, str] = {}
    for spec in (s for item in specs for s in item.split(",") if s.strip()):
        role, eq, name = spec.partition("=")
        role = role.strip().lower()
        if not eq or role not in ROLES:
            raise ValueError(
                f"field mapping {spec!r}: expected ROLE=FIELD, ROLE one of {', '.join(ROLES)}"
            )
        out[role] = name.strip()
    return tuple(sorted(out.items()))


@dataclass(frozen=True)
class Picked:
    """One record's fields by role (None: absent or empty); ``date_method`` says whether
    ``published`` is a publication date ('metadata') or an event date ('event_date')."""

    text: str | None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    id: str | None = None
    published: str | None = None
    date_method: str | None = None
    format: str | None = None

    def raw_input(self, uri: str, n_bytes: int, charset: str | None = None) -> RawInput:
        """The record as an input to ingest (its text present: callers reject it otherwise)."""
        return RawInput(
            uri=uri,
            text=self.text,
            n_bytes=n_bytes,
            kind="html" if (self.format or "").lower() == "html" else "text",
            external_id=self.id,
            title=self.title,
            source=self.source,
            url=self.url,
            published=self.published,
            published_method=self.date_method or "metadata",
            charset=charset,
        )


@dataclass(frozen=True)
class Fields:
    """The field mapping: ``ROLES``' precedence, with ``overrides`` ((role, field), ...)."""

    overrides: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> str:
        """The overrides as one string ('' for the default mapping): what a file was read with."""
        return ";".join(f"{role}={name}" for role, name in self.overrides)

    def columns(self, names: Iterable[str]) -> dict[str, str]:
        """role -> the field (as spelled in ``names``) read for it; roles with none absent.
        GTD's date parts come as ``iyear``, ``imonth``, ``iday``."""
        return dict(_columns(self.overrides, tuple(names)))

    def text_field(self) -> str:
        """How the text field is chosen, for a rejection's detail."""
        named = dict(self.overrides).get("text")
        if named is not None:
            return f"no field {named!r} (named by the mapping text={named})"
        return f"none of {', '.join(ROLES['text'])}; name it with --field text=FIELD"

    def pick(self, record: Mapping[str, object], columns: Mapping[str, str]) -> Picked:
        """The record's fields by role, through ``columns`` (from ``columns()``)."""

        def value(role: str) -> str | None:
            key = columns.get(role)
            got = record.get(key) if key is not None else None
            if got is None or isinstance(got, dict | list):
                return None
            text = got if isinstance(got, str) else str(got)
            return text if text.strip() else None

        published, method = value("published"), DATE_METHODS["published"]
        if published is None:
            published, method = value("event_date") or _parts_date(record, columns), "event_date"
        raw = record.get(columns["text"]) if "text" in columns else None
        return Picked(
            text=raw if isinstance(raw, str) else None,
            title=value("title"),
            source=value("source"),
            url=value("url"),
            id=value("id"),
            published=published,
            date_method=method if published else None,
            format=value("format"),
        )


@functools.lru_cache(maxsize=1024)  # JSONL objects of one feed share their keys
def _columns(
    overrides: tuple[tuple[str, str], ...], names: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    by_norm: dict[str, str] = {}
    for name in names:
        by_norm.setdefault(normalise(name), name)
    named = dict(overrides)
    out = []
    for role, candidates in ROLES.items():
        if role in named:
            candidates = (normalise(named[role]),) if named[role] else ()
        found = next((by_norm[c] for c in candidates if c in by_norm), None)
        if found is not None:
            out.append((role, found))
    if "event_date" not in named:  # an override of the event date replaces GTD's parts too
        out += [(part, by_norm[part]) for part in DATE_PARTS if part in by_norm]
    return tuple(out)


def _parts_date(record: Mapping[str, object], columns: Mapping[str, str]) -> str | None:
    """GTD's ``iyear``/``imonth``/``iday`` as an ISO day; None when any is missing or 0."""
    try:
        year, month, day = (int(float(str(record.get(columns[p], "")))) for p in DATE_PARTS)
    except (KeyError, ValueError, OverflowError):
        return None
    if not (year and month and day):
        return None  # 0: unknown (GTD); a month or year alone is no day
    return f"{year:04d}-{month:02d}-{day:02d}"
