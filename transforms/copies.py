"""Republished copies: documents whose extraction is provably the same are read once.

Wire copy is republished verbatim, or with a sign-off line of its own ("Republished by desk
12."). Extraction (entity detection, discovery's name candidates, attack reports) reads of a
document its title, its text and its publication date, nothing else (not its id, outlet or
URL); a document's mentions, candidates and reports are the same as another's when those
inputs are, but for the ids that name the document (``doc_id``, ``mention_id``,
``report_id``). Documents are grouped by a *reading key*: title, publication date and the text
without an *inert tail*, a last line that provably adds nothing and changes nothing:

- it is its own sentence(s) at the end (after a line break) and the text before it ends a
  sentence (terminal punctuation): no offset, sentence number or sentence of the rest moves,
  no name run, cue window or alias reaches across (names stop at punctuation and line ends);
- it is plain: a letter, then lower-case ASCII letters, digits, spaces, commas, full stops or
  semicolons (no dash, slash, colon or bracket: no full date, dateline or acronym; no month
  name, which dates need capitalised; no capital after its first letter: at most one name run);
- it holds none of the words an attack, a toll or an attribution is read by (attack,
  casualty and attribution stems), so no sentence of it is read for reports and the document's
  latest explicit day is the rest's;
- read with the line before it, detection finds in it no alias, guarded-name word or muted
  place name, no mention and no name candidate, and its first word is no token of the full
  names the rest holds (``to_read_alone``, checked once the first copy is read: a partial
  name resolves only against those; a copy whose first reading has rows in its tail, which
  these rules exclude, is read for itself too).

One document of each key is read (the first in table order); the others take its rows with
their own ids (``spread_*``), in the order extraction writes them. The lower-case words of a
chunk are those of the texts read and of the tails (text is split at white space, and a tail
follows a line break). Tests compare this path with reading every document.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

from transforms.entities.coref import key_tokens
from transforms.entities.detect import mentions_in
from transforms.entities.discover import candidates_in, lower_words
from transforms.entities.matcher import known_hits
from transforms.entities.registry import Registry, normalise
from transforms.events import rules
from transforms.events.dates import has_month_name
from transforms.events.extract import report_id

_PLAIN_TAIL = re.compile(r"[A-Za-z][a-z0-9 ,.;]{0,199}")
_SENTENCE_CLOSED = re.compile(r"[.!?][\"'”’)]*$")
_TAIL_STEMS = (rules.ATTACK_STEMS, rules.CASUALTY_STEMS, rules.ATTRIBUTION_STEMS)
_FIRST_WORD = re.compile(r"[A-Za-z]+")


class Copies(NamedTuple):
    """How a table of documents reads: ``firsts`` the rows read (one per reading key, in table
    order), ``reading[k]`` the position in ``firsts`` whose rows document ``k`` takes, and the
    inert tails of the documents not read (their lower-case words)."""

    firsts: list[int]
    reading: list[int]
    tails: list[str]
    cuts: list[int]  # per document read: where its inert tail starts (its length: none)

    @property
    def all_read(self) -> bool:
        return len(self.firsts) == len(self.reading)


def inert_tail(text: str, registry: Registry) -> int:
    """Where ``text``'s inert tail starts (see the module's docstring), or ``len(text)``."""
    n = len(text)
    body_end = len(text.rstrip())
    nl = text.rfind("\n", 0, body_end)
    if nl < 0:
        return n
    start = nl + 1
    tail = text[start:body_end]
    before = text[:nl].rstrip()
    if not tail or not before or not _PLAIN_TAIL.fullmatch(tail):
        return n
    if not _SENTENCE_CLOSED.search(before) or has_month_name(tail):
        return n
    low = tail.lower()
    if any(rules.hit(stems, low) for stems in _TAIL_STEMS):
        return n
    # the line before and the tail together: nothing of detection's may end in the tail
    line_start = text.rfind("\n", 0, len(before)) + 1
    probe = text[line_start:body_end]
    at = start - line_start
    guards: list[int] = []
    muted: list[tuple[int, int]] = []
    hits = known_hits(probe, normalise(probe), registry, guards, muted)
    if any(h[1] > at for h in hits) or any(g >= at for g in guards):
        return n
    if any(b > at for _a, b in muted) or mentions_in(tail, registry) or candidates_in(tail):
        return n
    return start


def first_word(tail: str) -> str:
    m = _FIRST_WORD.match(tail.lstrip())
    return m.group(0) if m else ""


def find_copies(
    doc_ids: list, titles: list, texts: list, published: list, registry: Registry,
    alone: Iterable[int] = (),
) -> Copies:  # fmt: skip
    """Group documents (columns of a documents table) by reading key; rows in ``alone`` are
    read for themselves. Documents sharing an id are all read (their mentions mix)."""
    solo = set(alone) if len(set(doc_ids)) == len(doc_ids) else set(range(len(doc_ids)))
    firsts: list[int] = []
    reading: list[int] = []
    tails: list[str] = []
    cuts: list[int] = []
    seen: dict[bytes, int] = {}
    for k, (title, text, pub) in enumerate(zip(titles, texts, published, strict=True)):
        cut = inert_tail(text, registry) if isinstance(text, str) and k not in solo else None
        key = _key(title, text, pub, cut, k if k in solo else None)
        at = seen.get(key)
        if at is None:
            seen[key] = at = len(firsts)
            firsts.append(k)
            cuts.append(len(text) if cut is None else cut)
        elif cut is not None and cut < len(text):
            tails.append(text[cut:])
        reading.append(at)
    return Copies(firsts, reading, tails, cuts)


def _key(title: object, text: object, pub: object, cut: int | None, alone: int | None) -> bytes:
    h = hashlib.blake2b(digest_size=20)
    for part in (title, pub, alone):
        h.update(repr(part).encode() + b"\x00")
    if isinstance(text, str):
        inert = cut is not None and cut < len(text)
        h.update(b"T" if inert else b"F")
        h.update(text[: cut if inert else len(text)].encode("utf-8", "surrogatepass"))
    else:
        h.update(repr(text).encode())
    return h.digest()


def to_read_alone(
    mentions: pa.Table, candidates: pa.Table, copies: Copies, doc_ids: list, texts: list
) -> set[int]:
    """Documents to read for themselves, given the rows of the documents read: every copy of
    a document whose mentions or name candidates reach into its tail (none should), and each
    document whose tail's first word is a key token of a full person name in the document it
    copies (a partial name resolves against those only)."""
    if copies.all_read:
        return set()
    read_at = {str(doc_ids[k]): r for r, k in enumerate(copies.firsts)}
    reaching = set()
    for table in (mentions, candidates):
        body = (
            table
            if "field" not in table.column_names
            else table.filter(pc.not_equal(table.column("field"), "title"))
        )
        docs, ends = (body.column(c).to_pylist() for c in ("doc_id", "char_end"))
        for doc, end in zip(docs, ends, strict=True):
            r = read_at[doc]
            if end > copies.cuts[r]:
                reaching.add(r)
    persons = mentions.filter(
        pc.and_(pc.equal(mentions.column("entity_type"), "person"),
                pc.not_equal(mentions.column("field"), "title"))
    )  # fmt: skip
    tokens: dict[int, set[str]] = {}
    docs, surfaces = (persons.column(c).to_pylist() for c in ("doc_id", "surface"))
    for doc, surface in zip(docs, surfaces, strict=True):
        tokens.setdefault(read_at[doc], set()).update(key_tokens(surface))
    out: set[int] = set()
    for k, r in enumerate(copies.reading):
        if r in reaching:
            out.add(k)
        elif r in tokens and isinstance(texts[k], str):
            word = first_word(_tail_of(texts[k]))
            if word and tokens[r].intersection(key_tokens(word)):
                out.add(k)
    return out


def _tail_of(text: str) -> str:
    body_end = len(text.rstrip())
    return text[text.rfind("\n", 0, body_end) + 1 : body_end]


def _rows_of(table: pa.Table) -> tuple[dict[str, int], dict[str, int]]:
    """First row and row count per document id in ``table`` (rows grouped by document)."""
    first: dict[str, int] = {}
    count: dict[str, int] = {}
    for k, d in enumerate(table.column("doc_id").to_pylist()):
        if d not in first:
            first[d] = k
        count[d] = count.get(d, 0) + 1
    return first, count


def _spread(table: pa.Table, copies: Copies, doc_ids: list[str]) -> tuple[pa.Table, pa.Array]:
    """``table``'s rows (of the documents read) for every document, in document order, and
    the doc_id each row now belongs to."""
    read_ids = [doc_ids[k] for k in copies.firsts]
    first, count = _rows_of(table)
    take: list[int] = []
    owner: list[str] = []
    for k, r in enumerate(copies.reading):
        rid = read_ids[r]
        c = count.get(rid, 0)
        if c:
            lo = first[rid]
            take.extend(range(lo, lo + c))
            owner.extend([doc_ids[k]] * c)
    return table.take(pa.array(take, pa.int64())), pa.array(owner, pa.string())


def _with(table: pa.Table, name: str, values: pa.Array) -> pa.Table:
    return table.set_column(table.schema.get_field_index(name), table.schema.field(name), values)


def spread_mentions(mentions: pa.Table, copies: Copies, doc_ids: list[str]) -> pa.Table:
    """ENTITY_MENTIONS of every document from those of the documents read."""
    if copies.all_read:
        return mentions
    out, owner = _spread(mentions, copies, doc_ids)
    field = out.column("field")
    start = pc.cast(out.column("char_start"), pa.string())
    end = pc.cast(out.column("char_end"), pa.string())
    mention_id = pc.if_else(
        pc.equal(field, "title"),
        pc.binary_join_element_wise(owner, field, start, end, ":"),
        pc.binary_join_element_wise(owner, start, end, ":"),
    )
    out = _with(_with(out, "doc_id", owner), "mention_id", mention_id)
    return out.combine_chunks()


def spread_candidates(candidates: pa.Table, copies: Copies, doc_ids: list[str]) -> pa.Table:
    """NAME_CANDIDATES of every document from those of the documents read."""
    if copies.all_read:
        return candidates
    out, owner = _spread(candidates, copies, doc_ids)
    return _with(out, "doc_id", owner).combine_chunks()


def spread_reports(reports: pa.Table, copies: Copies, doc_ids: list[str]) -> pa.Table:
    """EVENT_REPORTS of every document from those of the documents read: each copy's report
    ids are its own (its id, the same span and ordinal)."""
    if copies.all_read:
        return reports
    ordinals = [
        _ordinal(d, s, e, rid)
        for d, s, e, rid in zip(
            *(reports.column(c).to_pylist() for c in ("doc_id", "char_start", "char_end",
                                                       "report_id")),
            strict=True,
        )
    ]  # fmt: skip
    with_ordinal = reports.append_column("_ordinal", pa.array(ordinals, pa.int32()))
    out, owner = _spread(with_ordinal, copies, doc_ids)
    ids = [
        report_id(d, s, e, o)
        for d, s, e, o in zip(
            owner.to_pylist(),
            out.column("char_start").to_pylist(),
            out.column("char_end").to_pylist(),
            out.column("_ordinal").to_pylist(),
            strict=True,
        )
    ]
    out = out.drop_columns(["_ordinal"])
    out = _with(_with(out, "doc_id", owner), "report_id", pa.array(ids, pa.string()))
    return out.combine_chunks()


_MAX_ORDINAL = 1000


def _ordinal(doc_id: str, start: int, end: int, rid: str) -> int:
    """The ordinal ``report_id`` gave this report (the rows keep only the id)."""
    for o in range(_MAX_ORDINAL):
        if report_id(doc_id, start, end, o) == rid:
            return o
    raise ValueError(f"report {rid} of {doc_id} has no ordinal below {_MAX_ORDINAL}")


class Names(NamedTuple):
    """A chunk's detection, every document's rows, and what reading its reports needs: how
    the chunk reads (``copies``) and the mentions of the documents read."""

    copies: Copies
    read_mentions: pa.Table
    mentions: pa.Table  # schemas.ENTITY_MENTIONS, every document
    candidates: pa.Table  # schemas.NAME_CANDIDATES, every document
    lower_words: pa.Table  # schemas.LOWER_WORDS


_DOC_COLUMNS = ("doc_id", "title", "text", "published_date")


def _doc_columns(documents: pa.Table) -> list[list]:
    n, have = documents.num_rows, set(documents.column_names)
    return [documents.column(c).to_pylist() if c in have else [None] * n for c in _DOC_COLUMNS]


def extract_names_once(documents: pa.Table, registry: Registry) -> Names:
    """``entities.extract_names(documents, registry)``, each reading key's document read once
    (same tables)."""
    from transforms.entities import extract_names

    doc_ids, titles, texts, pubs = _doc_columns(documents)
    ids = [str(d) for d in doc_ids]
    copies = find_copies(ids, titles, texts, pubs, registry)
    alone: set[int] = set()
    for final in (False, False, True):
        read = documents.take(pa.array(copies.firsts, pa.int64()))
        mentions, candidates, lower = extract_names(read, registry)
        more = to_read_alone(mentions, candidates, copies, ids, texts) - alone
        if not more:
            break
        # (a third round reads every document: rounds stay bounded whatever the input)
        alone = set(range(len(ids))) if final else alone | more
        copies = find_copies(ids, titles, texts, pubs, registry, alone=alone)
    if copies.tails:
        words = set(lower.column("word").to_pylist()) | lower_words(copies.tails)
        lower = pa.table({"word": pa.array(sorted(words), pa.string())})
    return Names(
        copies,
        mentions,
        spread_mentions(mentions, copies, ids),
        spread_candidates(candidates, copies, ids),
        lower,
    )


def extract_reports_once(
    documents: pa.Table, names: Names, places: pa.Table, entities: pa.Table | None = None
) -> pa.Table:
    """``events.extract_reports`` of every document, each reading key's document read once
    (every document read when a first reading found a report in its tail, which the rules
    of inert tails exclude)."""
    from transforms.events import extract_reports

    copies = names.copies
    read = documents.take(pa.array(copies.firsts, pa.int64()))
    reports = extract_reports(read, names.read_mentions, places, entities)
    if copies.all_read:
        return reports
    ids = [str(d) for d in documents.column("doc_id").to_pylist()]
    read_at = {ids[k]: r for r, k in enumerate(copies.firsts)}
    docs, ends = (reports.column(c).to_pylist() for c in ("doc_id", "char_end"))
    if any(end > copies.cuts[read_at[d]] for d, end in zip(docs, ends, strict=True)):
        return extract_reports(documents, names.mentions, places, entities)
    return spread_reports(reports, copies, ids)
