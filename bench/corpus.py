"""Deterministic benchmark corpus: N synthetic news articles about attacks in Syria and Iraq, with
the ground truth of the events they report.

    python -m bench.corpus --n 10000 --out DIR [--seed 7] [--format jsonl|files]

Writes ``DIR/articles.jsonl`` (one article per line: id, title, source, url, published, text,
format "text" | "html") or, with ``--format files``, ``DIR/articles/<n>_<id>.txt|.html`` plus
``DIR/manifest.jsonl`` (the same fields without text and format, and the file's path); and always
``DIR/events.jsonl``, the ground truth: one line per real-world event (key, date, place,
governorate, perpetrator, killed, wounded, the ids of the articles reporting it and the exact
spellings each of them used).

Contract:
- Same seed, same bytes. The first k articles of an N-article corpus are the first k of any larger
  corpus with the same seed, so a corpus of 1.01 N is "the N corpus plus 1% new documents".
- Streaming: articles are written as they are made; memory is bounded by ``MIX_WINDOW``.
- Places come from ``bench/places.tsv`` (GeoNames, CC BY 4.0), committed with the code; nothing
  outside the repository is read.
- No two events share (date +-1 day, place, perpetrator, sub-event type), so ACLED's rule never
  merges two ground-truth events.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import itertools
import json
import math
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench import corpus_text as T
from bench.corpus_prose import Prose, paragraph_pool, pick

PLACES_TSV = Path(__file__).with_name("places.tsv")

# Tunables, named in one place.
# The feed is chronological, as a real one: story n happens about FIRST_EVENT_DATE + n / rate,
# so 10k articles span ~4 months and 100k ~3 years (monthly partitions of realistic size).
FIRST_EVENT_DATE = date(2023, 6, 1)
STORIES_PER_DAY = 40
STORY_JITTER_DAYS = 5  # an event happens up to this many days before its story's slot
MIX_WINDOW = 256  # articles held back and emitted in shuffled order: copies land in other chunks
PARAGRAPH_POOL = 8192  # rendered filler paragraphs per country, shared by all articles
P_SECOND_EVENT = 0.25  # an article reports two attacks ("in a separate attack ...")
P_UNDATED = 0.05  # originals and rewrites published without a date
P_HTML = 0.08  # articles delivered as raw HTML
TARGET_CHARS = (2600, 3500)  # article length drawn uniformly from this range
# Publication lag after the event (days) and its weights.
LAGS = (0, 1, 2, 3, 4, 6)
LAG_WEIGHTS = (30, 40, 14, 8, 5, 3)
# Casualties of an event and their weights.
KILLED = (0, 1, 2, 3, 4, 5, 7, 9, 12, 15, 25, 40)
KILLED_CUM = list(itertools.accumulate((4, 20, 18, 12, 9, 7, 6, 5, 5, 5, 5, 3)))
WOUNDED = (0, 1, 2, 3, 5, 8, 14, 30)
WOUNDED_CUM = list(itertools.accumulate((30, 15, 15, 10, 10, 8, 7, 5)))
# How many exact wire copies and independent rewrites a group gets.
COPIES = (0, 1, 2, 3)
COPY_WEIGHTS = (40, 30, 20, 10)
REWRITES = (0, 1, 2, 3)
REWRITE_WEIGHTS = (35, 35, 20, 10)


@dataclass(frozen=True)
class Place:
    """A gazetteer place and the spellings outlets use for it (the first is the GeoNames name)."""

    place_id: str
    name: str
    admin1: str
    country_code: str
    population: int
    spellings: tuple[str, ...]


@dataclass
class Event:
    """One real-world attack (ground truth) and the reports written about it so far."""

    key: str
    day: date
    place: Place
    actor: T.Actor
    attribution: str  # 'claimed' | 'attributed' | 'suspected' | 'unattributed'
    kind: str
    target: str
    victims: tuple[str, str]
    killed: int
    wounded: int
    pending: int = 0  # articles made but not yet emitted
    reports: list[dict[str, Any]] = field(default_factory=list)

    def truth(self) -> dict[str, Any]:
        event_type, sub_event_type, weapon, _ = T.KINDS[self.kind]
        return {
            "event_key": self.key,
            "date": self.day.isoformat(),
            "place_id": self.place.place_id,
            "place": self.place.name,
            "admin1": self.place.admin1,
            "country_code": self.place.country_code,
            "perpetrator": self.actor.canonical,
            "attribution": self.attribution,
            "event_type": event_type,
            "sub_event_type": sub_event_type,
            "weapon": weapon,
            "killed": self.killed,
            "wounded": self.wounded,
            "article_ids": [r["article_id"] for r in self.reports],
            "reports": self.reports,
        }


def load_places(path: Path = PLACES_TSV) -> list[Place]:
    """The committed gazetteer extract (``bench/curate_places.py`` builds it)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return [
            Place(
                r["place_id"],
                r["name"],
                r["admin1"],
                r["country_code"],
                int(r["population"] or 0),
                tuple(r["spellings"].split("|")),
            )
            for r in rows
        ]


class _World:
    """Places and actors indexed for drawing events; shared by all groups of a corpus."""

    def __init__(self, places: list[Place], seed: int):
        self.places = places
        # Bigger towns are in the news more often, villages still appear.
        self.place_weights = [1.0 + math.log10(p.population + 1) for p in places]
        # Where each actor strikes, as (places, cumulative weights): rng.choices bisects these.
        self._where: dict[tuple, tuple[list[Place], list[float]]] = {}
        self.actor_cum = list(itertools.accumulate(a.weight for a in T.ACTORS))
        # (place, perpetrator, sub-event type) of the events of each recent day
        self.used: dict[date, set[tuple[str, str | None, str]]] = {}
        by_country: dict[str, list[Place]] = {}
        for p in places:
            by_country.setdefault(p.country_code, []).append(p)
        self.paragraphs = {
            c: paragraph_pool(random.Random(f"{seed}:pool:{c}"), c, ps, PARAGRAPH_POOL)
            for c, ps in by_country.items()
        }

    def where(self, ai: int, country: str | None = None, admin1: str | None = None):
        """Places (and cumulative weights) actor ``ai`` acts in, optionally within one area."""
        key = (ai, country, admin1)
        if key not in self._where:
            actor = T.ACTORS[ai]
            ok = [
                (p, w)
                for p, w in zip(self.places, self.place_weights, strict=True)
                if p.country_code in actor.countries
                and (actor.admin1 is None or p.admin1 in actor.admin1)
                and country in (None, p.country_code)
                and admin1 in (None, p.admin1)
            ]
            cum = list(itertools.accumulate(w for _, w in ok))
            self._where[key] = ([p for p, _ in ok], cum)
        return self._where[key]

    def draw_event(
        self, rng: random.Random, key: str, slot: date, near: Event | None = None
    ) -> Event:
        """A new event shortly before ``slot``; ``near``: a second attack by the same actor,
        same or previous day."""
        for _ in range(50):
            if near is None:
                ai = rng.choices(range(len(T.ACTORS)), cum_weights=self.actor_cum)[0]
                actor = T.ACTORS[ai]
                day = slot - timedelta(days=int(rng.random() * STORY_JITTER_DAYS))
            else:
                ai = T.ACTORS.index(near.actor)
                actor = near.actor
                day = near.day - timedelta(days=pick(rng, (0, 0, 0, 1)))
            if near is None:
                places, cum = self.where(ai)
            elif rng.random() < 0.6:  # the second attack of a story: same governorate...
                places, cum = self.where(ai, near.place.country_code, near.place.admin1)
            else:  # ... or elsewhere in the same country
                places, cum = self.where(ai, near.place.country_code)
            if len(places) < 2:
                places, cum = self.where(ai, near.place.country_code if near else None)
            place = rng.choices(places, cum_weights=cum)[0]
            kind = pick(rng, actor.kinds)
            sub = T.KINDS[kind][1]
            if near is not None and place.place_id == near.place.place_id:
                continue
            k = (place.place_id, actor.canonical, sub)
            if not any(k in self.used.get(day + timedelta(days=d), ()) for d in (-1, 0, 1)):
                self.used.setdefault(day, set()).add(k)
                break
        military = T.KINDS[kind][0] == "Battles" or rng.random() < 0.5
        victims = pick(rng, T.MILITARY_VICTIMS if military else T.CIVILIAN_VICTIMS)
        target = pick(rng, T.TARGETS_MILITARY if military else T.TARGETS_CIVILIAN)
        killed = rng.choices(KILLED, cum_weights=KILLED_CUM)[0]
        wounded = rng.choices(WOUNDED, cum_weights=WOUNDED_CUM)[0]
        if killed == 0 and wounded == 0:
            wounded = 2
        if actor.canonical is None:
            attribution = "unattributed"
        elif actor.claims:
            attribution = rng.choices(("claimed", "attributed", "suspected"), (5, 3, 2))[0]
        else:
            attribution = rng.choices(("claimed", "attributed"), (1, 3))[0]
        return Event(key, day, place, actor, attribution, kind, target, victims, killed, wounded)


def _article_id(seed: int, seq: int) -> str:
    return hashlib.blake2b(f"{seed}:{seq}".encode(), digest_size=8).hexdigest()


class _Group:
    """One news story: 1-2 events, an original article, exact wire copies and rewrites."""

    def __init__(self, world: _World, seed: int, no: int):
        rng = random.Random(f"{seed}:{no}")  # per-group stream: groups are independent
        self.rng = rng
        self.world = world
        slot = FIRST_EVENT_DATE + timedelta(days=no // STORIES_PER_DAY)
        if no % STORIES_PER_DAY == 0:  # forget days no new event can collide with
            for day in [d for d in world.used if d < slot - timedelta(days=STORY_JITTER_DAYS + 3)]:
                del world.used[day]
        first = world.draw_event(rng, f"E{seed}-{no:07d}-1", slot)
        self.events = [first]
        if rng.random() < P_SECOND_EVENT:
            self.events.append(world.draw_event(rng, f"E{seed}-{no:07d}-2", slot, near=first))
        self.n_copies = rng.choices(COPIES, COPY_WEIGHTS)[0]
        self.n_rewrites = rng.choices(REWRITES, REWRITE_WEIGHTS)[0]

    def articles(self, next_id) -> Iterator[tuple[dict[str, Any], list[tuple[Event, dict]]]]:
        """(article, [(event, report)]) for every article of the story, original first."""
        rng = self.rng
        last_day = max(e.day for e in self.events)
        published = last_day + timedelta(days=rng.choices(LAGS, LAG_WEIGHTS)[0])
        outlet = pick(rng, T.OUTLETS)
        prose = self._prose(self.events, outlet, published)
        body, reports = prose.body(rng.randrange(*TARGET_CHARS))
        yield self._article(next_id(), outlet, prose, body, reports)
        # Wire copies: same body and date, other outlets' chrome (GDELT counts each as a report).
        for _ in range(self.n_copies if outlet[3] else 0):
            copier = pick(rng, T.OUTLETS)
            yield self._article(next_id(), copier, prose, body, reports)
        for _ in range(self.n_rewrites):
            day = published + timedelta(days=pick(rng, (0, 0, 1, 2)))
            other = pick(rng, T.OUTLETS)
            events = self.events if rng.random() < 0.8 else self.events[:1]
            rewrite = self._prose(events, other, day)
            body_r, reports_r = rewrite.body(rng.randrange(*TARGET_CHARS))
            yield self._article(next_id(), other, rewrite, body_r, reports_r)

    def _prose(self, events: list[Event], outlet, published: date) -> Prose:
        undated = self.rng.random() < P_UNDATED
        return Prose(self.rng, events, outlet, published, undated, self.world.paragraphs)

    def _article(self, art_id, outlet, prose: Prose, body: list[str], reports):
        rng = self.rng
        title = prose.title()
        as_html = rng.random() < P_HTML
        text = _page(rng, outlet, title, body, prose, as_html)
        published = None if prose.undated else prose.published.isoformat()
        slug = "-".join(w.lower() for w in title.split()[:8] if w.isalnum())
        dated = "" if published is None else prose.published.strftime("%Y/%m/%d/")
        article = {
            "id": art_id,
            "title": title,
            "source": outlet[0],
            "url": f"https://www.{outlet[1]}/middle-east/{dated}{slug}-{art_id[:8]}",
            "published": published,
            "text": text,
            "format": "html" if as_html else "text",  # what the JSONL reader keys HTML on
        }
        pairs = [(e, {**r, "article_id": art_id}) for e, r in reports]
        return article, pairs


def _page(rng, outlet, title: str, body: list[str], prose: Prose, as_html: bool) -> str:
    """The scraped page: chrome, repeated captions, title, body paragraphs, chrome."""
    name, _, short, _ = outlet
    fmt = {"name": name, "short": short, "ticker": pick(rng, T.TICKERS), "year": "2026"}
    fmt |= {"a": rng.randrange(60, 99), "b": rng.randrange(10, 99), "c": rng.randrange(1, 9)}
    fmt |= {"gov": prose.gov_text, "actor": prose.actor_text or "ISIS"}
    fmt["ticker"] = fmt["ticker"].format(**fmt)
    top = [c.format(**fmt) for c in rng.sample(T.CHROME_TOP, rng.randrange(0, 4))]
    if rng.random() < 0.15:
        top.insert(0, f" date {prose.published.isoformat()}")
    caption = [pick(rng, T.CAPTIONS).format(**fmt)] * pick(rng, (0, 0, 1, 1, 2, 4))
    bottom = [c.format(**fmt) for c in rng.sample(T.CHROME_BOTTOM, rng.randrange(1, 4))]
    if rng.random() < 0.4:
        bottom.append("Related: " + pick(rng, T.RELATED).format(**fmt))
    if not as_html:
        return "\n\n".join([*top, *caption, title, *body, *bottom])
    esc = lambda s: html.escape(s, quote=False)  # noqa: E731
    parts = [f"<html><head><title>{esc(title)} | {esc(name)}</title>"]
    parts.append("<script>window.dataLayer = window.dataLayer || [];</script></head><body>")
    parts += [f'<div class="nav">{esc(t)}</div>' for t in top]
    parts += [f"<figcaption>{esc(c)}</figcaption>" for c in caption]
    parts.append(f"<h1>{esc(title)}</h1>")
    parts += [f"<p>{esc(p)}</p>" for p in body]
    parts += [f'<div class="share">{esc(b)}</div>' for b in bottom]
    parts.append("</body></html>")
    return "\n".join(parts)


def iter_corpus(
    n: int, seed: int = 7, places: list[Place] | None = None
) -> Iterator[tuple[dict[str, Any] | None, list[dict[str, Any]]]]:
    """Stream the corpus: ``(article, finished_events)`` per article, in emission order, then one
    ``(None, events)`` with the events still open when the n-th article was emitted (their
    ``article_ids`` list only emitted articles). Memory is bounded by ``MIX_WINDOW``."""
    world = _World(places or load_places(), seed)
    mix = random.Random(f"{seed}:mix")
    seq = 0

    def next_id() -> str:
        nonlocal seq
        seq += 1
        return _article_id(seed, seq)

    window: list[tuple[dict, list[tuple[Event, dict]]]] = []
    open_events: dict[str, Event] = {}
    emitted = 0
    group_no = 0
    while emitted < n:
        group = _Group(world, seed, group_no)
        group_no += 1
        for article, pairs in group.articles(next_id):
            for event, _ in pairs:
                event.pending += 1
                open_events[event.key] = event
            window.append((article, pairs))
        while len(window) >= MIX_WINDOW and emitted < n:
            i = mix.randrange(len(window))
            window[i], window[-1] = window[-1], window[i]
            article, pairs = window.pop()
            emitted += 1
            done = []
            for event, report in pairs:
                event.reports.append(report)
                event.pending -= 1
                if event.pending == 0:
                    done.append(open_events.pop(event.key).truth())
            yield article, done
    yield None, [e.truth() for e in open_events.values() if e.reports]


def iter_articles(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """Just the articles of ``iter_corpus``, one dict at a time."""
    for article, _ in iter_corpus(n, seed):
        if article is not None:
            yield article


def write_corpus(out: Path, n: int, seed: int = 7, fmt: str = "jsonl") -> dict[str, Any]:
    """Write the corpus under ``out`` (see the module docstring); returns counts and timing."""
    if fmt not in ("jsonl", "files"):
        raise ValueError(f"unknown format {fmt!r}")
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    n_articles = n_events = n_bytes = 0
    dump = json.JSONEncoder(ensure_ascii=False).encode
    art_dir = out / "articles"
    if fmt == "files":
        art_dir.mkdir(exist_ok=True)
    main_path = out / ("articles.jsonl" if fmt == "jsonl" else "manifest.jsonl")
    with (
        main_path.open("w", encoding="utf-8") as main,
        (out / "events.jsonl").open("w", encoding="utf-8") as truth,
    ):
        for article, events in iter_corpus(n, seed):
            if article is not None:
                n_bytes += len(article["text"].encode())
                if fmt == "jsonl":
                    main.write(dump(article) + "\n")
                else:
                    ext = "html" if article["format"] == "html" else "txt"
                    name = f"{n_articles:07d}_{article['id']}.{ext}"
                    (art_dir / name).write_text(article["text"], encoding="utf-8")
                    meta = {k: v for k, v in article.items() if k not in ("text", "format")}
                    main.write(dump({**meta, "path": f"articles/{name}"}) + "\n")
                n_articles += 1
            for e in events:
                truth.write(dump(e) + "\n")
                n_events += 1
    seconds = time.perf_counter() - t0
    return {
        "articles": n_articles,
        "events": n_events,
        "text_bytes": n_bytes,
        "seconds": round(seconds, 2),
        "articles_per_s": round(n_articles / seconds) if seconds else None,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, required=True, help="number of articles")
    ap.add_argument("--out", type=Path, required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--format", choices=("jsonl", "files"), default="jsonl")
    args = ap.parse_args(argv)
    stats = write_corpus(args.out, args.n, args.seed, args.format)
    json.dump(stats, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
