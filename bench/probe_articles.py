"""Full news articles probe: wire-style articles, each attack in them labelled by hand.

    .venv/bin/python -m bench.probe_articles [ARTICLE.txt ...] [--show KIND] [--dir DIR]

The dev set (``make eval-real``) is one paragraph per incident. Real reporting is mostly full
articles: a headline, a dateline ("KIRKUK, Iraq (Reuters) -"), a lead, details, quotes and
reactions, a paragraph of background naming older attacks, a "separately" paragraph with a
second attack, and articles about funerals, trials, raids or politics that report no attack.
``bench/articles/`` holds such articles (written for this probe, in their own words), with:

- ``articles.csv``: one row per article: ``article`` (its file), ``published`` (the date the
  outlet published it: the chain reads "on Tuesday" against it), ``source`` (the outlet);
- ``labels.csv``: one row per attack an article tells: ``article``, ``date`` (``YYYY-MM-DD``,
  or ``YYYY-MM`` / ``YYYY`` when the text gives only the month or the year), ``town`` (the venue
  as Who's On First spells it, blank when the gazetteer lacks it or the text names none),
  ``governorate`` (Who's On First's name), ``killed`` (every death, attackers included: the
  project's convention, ACLED's and GTD's), ``wounded`` (both blank when the text gives no
  number), ``perpetrator`` (the canonical name of ``seeds/reference/actors_curated.csv``, blank
  when the text names no attacker: the accused, the suspected and "terrorists" are blank),
  ``past`` (``yes`` for an older attack told as background).

An article with no label row must give no event. A *past* attack (background) is an attack,
dated in the past: the pipeline may report it with its own date or leave it out. It pairs only
with an event on its own date (year, month or day, as labelled): an event that gives it the
publication's date is an extra event, a false new attack; left out, it is no miss. The chain
runs each article on its own (``chain(..., per_document=True)``: an article's reports merge
among themselves, never with another article's), and each article's events are paired one to
one with its labelled attacks, the pairs agreeing most first (town, then governorate, tolls,
day; a pair must agree on at least one, a past attack on its date), by ``bench.eval_real``'s
own measures (``row_hits``: the governorate by the outline holding the event's point, the town
within 15 km of the label's town in the label's governorate, tolls by equality, the day).

Prints: attacks found (recall, past attacks apart), extra events (events paired with no
attack: an attack told again as a second event, a background sentence, a non-attack article),
then, of the attacks found: governorate, town, killed, wounded, day and perpetrator right.
``--show KIND`` (recall, extra, admin1, town, killed, wounded, day, perpetrator) lists the
misses with the article's events. Files given on the command line restrict the run to them.
``--dir DIR`` reads another folder of the same shape (``bench/notes/``: coders' one-paragraph
notes). ``--together`` merges every article's reports as one corpus, as ``sitrep run`` does:
notes of one day and one governorate must stay apart (an event that takes in another
article's attack pairs with both, its place right for one of them only).
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench import eval_real
from bench.eval_events import chain
from warehouse.inputs import iter_inputs

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "bench" / "articles"
ACTORS = ROOT / "seeds" / "reference" / "actors_curated.csv"
MEASURES = ("admin1", "town", "killed", "wounded", "day", "perpetrator")
# How much each agreeing measure counts when events are paired with attacks.
WEIGHTS = {"town": 4, "admin1": 2, "killed": 1, "wounded": 1, "day": 1}


@dataclass
class Probe:
    """Labelled attacks, the chain's events per article, and the pairs made."""

    attacks: list[dict]
    events: dict[str, list[dict]]
    reports: int
    pairs: dict[int, dict] = field(default_factory=dict)  # attack index -> event
    extra: list[tuple[str, dict]] = field(default_factory=list)


def load(
    folder: Path, gaz: eval_real.Gazetteer, only: list[str] | None = None
) -> tuple[list[dict], list[dict]]:
    """(articles, attacks) of ``folder``, checked: every label's article exists, its places are
    Who's On First's and its perpetrator an actor's canonical name."""
    with (folder / "articles.csv").open(encoding="utf-8") as f:
        articles = [a for a in csv.DictReader(f) if not only or a["article"] in only]
    with (folder / "labels.csv").open(encoding="utf-8") as f:
        names = {a["article"] for a in articles}
        attacks = [a for a in csv.DictReader(f) if a["article"] in names]
    with ACTORS.open(encoding="utf-8") as f:
        actors = {r["canonical_name"] for r in csv.DictReader(f)}
    for a in articles:
        if not (folder / a["article"]).exists():
            raise SystemExit(f"probe_articles: {a['article']} is listed but missing")
    for i, attack in enumerate(attacks):
        region = gaz.region_of_name(attack["governorate"])
        if not region:
            raise SystemExit(f"probe_articles: label {i}: no governorate {attack['governorate']!r}")
        towns = [
            c
            for c in gaz.candidates(attack["town"])
            if c["placetype"] == "locality" and region in eval_real._regions_of(gaz, c)
        ]
        if attack["town"] and not towns:
            raise SystemExit(f"probe_articles: label {i}: no town {attack['town']!r} in {region}")
        if attack["perpetrator"] and attack["perpetrator"] not in actors:
            raise SystemExit(f"probe_articles: label {i}: no actor {attack['perpetrator']!r}")
        attack["region_id"] = region
    return articles, attacks


def run(
    folder: Path, articles: list[dict], together: bool = False
) -> tuple[dict[str, list[dict]], int]:
    """Each article's events (its reports merged on their own, or with every article's when
    ``together``), and the number of reports."""
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "articles.jsonl"
        with feed.open("w", encoding="utf-8") as f:
            for a in articles:
                text = (folder / a["article"]).read_text(encoding="utf-8")
                item = {"id": a["article"], "text": text, "source": a["source"]}
                f.write(json.dumps({**item, "published": a["published"]}) + "\n")
        ingested, result = chain(iter_inputs([feed], 10_000_000), per_document=not together)
    documents = ingested.documents.to_pandas()
    article_of = dict(zip(documents["doc_id"], documents["external_id"], strict=True))
    by_event = {e["event_id"]: e for e in result.events.to_pylist()}
    events: dict[str, dict[str, dict]] = defaultdict(dict)
    reports = result.reports.to_pylist()
    for rep in reports:
        if rep["event_id"] in by_event:
            events[article_of[rep["doc_id"]]][rep["event_id"]] = by_event[rep["event_id"]]
    return {k: list(v.values()) for k, v in events.items()}, len(reports)


def as_row(attack: dict) -> dict:
    """A labelled attack in ``eval_real``'s row shape (its place the town, else the
    governorate, which asks no town)."""
    place = attack["town"] or f"{attack['governorate']} governorate"
    return {
        "row_id": attack["article"], "place": place, "region_id": attack["region_id"],
        "date": attack["date"], "dead": attack["killed"], "injured": attack["wounded"],
        "perpetrator": attack["perpetrator"], "text": "",
    }  # fmt: skip


def hits(attack: dict, event: dict, gaz: eval_real.Gazetteer) -> dict[str, object]:
    """``eval_real``'s measures of one event against one attack, and the perpetrator's."""
    out = eval_real.row_hits(as_row(attack), [event], gaz)
    out["perpetrator"] = (event.get("perpetrator") or "") == attack["perpetrator"]
    return out


def pair(
    attacks: list[dict], events: dict[str, list[dict]], reports: int, gaz: eval_real.Gazetteer
) -> Probe:
    """Pairs each article's events with its attacks one to one, best agreement first."""
    probe = Probe(attacks, events, reports)
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, attack in enumerate(attacks):
        by_article[attack["article"]].append(i)
    for article in sorted(set(events) | set(by_article)):
        options = []
        for j, event in enumerate(events.get(article, [])):
            for i in by_article.get(article, []):
                got = hits(attacks[i], event, gaz)
                weight = sum(w for k, w in WEIGHTS.items() if got.get(k) is True)
                if weight and (got.get("day") or attacks[i]["past"] != "yes"):
                    options.append((-weight, i, j))
        used: set[int] = set()
        for _, i, j in sorted(options):
            if i not in probe.pairs and j not in used:
                probe.pairs[i] = events[article][j]
                used.add(j)
        told = events.get(article, [])
        probe.extra += [(article, e) for j, e in enumerate(told) if j not in used]
    return probe


def scores(probe: Probe, gaz: eval_real.Gazetteer) -> dict[str, list[tuple[int, bool]]]:
    """Each measure's (attack index, hit) pairs: recall over the attacks told as news, the
    others over the attacks found (past ones included)."""
    out: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for i, attack in enumerate(probe.attacks):
        found = i in probe.pairs
        key = "past" if attack["past"] == "yes" else "recall"
        out[key].append((i, found))
        if not found:
            continue
        got = hits(attack, probe.pairs[i], gaz)
        for measure in MEASURES:
            if measure in got:
                out[measure].append((i, bool(got[measure])))
    return out


def report(table: dict[str, list[tuple[int, bool]]], probe: Probe, show: str | None) -> None:
    n_events = sum(len(v) for v in probe.events.values())
    articles = {a["article"] for a in probe.attacks}
    print(f"{len(probe.attacks)} attacks labelled, {n_events} events ({probe.reports} reports)")
    names = {"recall": "attacks found (recall)", "past": "past attacks reported (may be left)"}
    for key, label in names.items():
        pairs = table[key]
        found = sum(1 for _, hit in pairs if hit)
        print(f"{label:<40} {found / len(pairs) if pairs else 0:6.3f}  ({found}/{len(pairs)})")
    quiet = sum(1 for a, _ in probe.extra if a not in articles)
    print(f"{'extra events (no attack of theirs)':<40} {len(probe.extra):6d}  ({quiet} in articles"
          " with no attack)")  # fmt: skip
    for measure in MEASURES:
        pairs = table[measure]
        right = sum(1 for _, hit in pairs if hit)
        label = f"{measure} right, of attacks found"
        print(f"{label:<40} {right / len(pairs) if pairs else 0:6.3f}  ({right}/{len(pairs)})")
    if show == "extra":
        for article, e in probe.extra:
            print(f"\n[{article}] extra: {_brief(e)}")
    elif show:
        for i, hit in table[show]:
            if not hit:
                a = probe.attacks[i]
                print(f"\n[{a['article']} | {a['date']} | {a['town'] or '-'}, {a['governorate']}"
                      f" | killed {a['killed'] or '-'} wounded {a['wounded'] or '-'} |"
                      f" {a['perpetrator'] or '-'}]")  # fmt: skip
                for e in probe.events.get(a["article"], []):
                    print(f"  -> {_brief(e)}")


def _brief(event: dict) -> dict:
    keys = ("event_date", "location", "admin1", "killed_best", "wounded_best", "perpetrator")
    return {k: event.get(k) for k in keys}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="only these articles (files of the folder)")
    ap.add_argument("--dir", type=Path, default=ARTICLES, help="articles and their labels")
    ap.add_argument("--show", help="list the misses of one measure (recall, extra, town, ...)")
    ap.add_argument(
        "--together", action="store_true",
        help="merge all articles' reports as one corpus (as a run does), not each on its own",
    )  # fmt: skip
    args = ap.parse_args(argv)
    only = [Path(f).name for f in args.files] or None
    gaz = eval_real.Gazetteer()
    articles, attacks = load(args.dir, gaz, only)
    events, reports = run(args.dir, articles, args.together)
    print(f"{len(articles)} articles in {args.dir.name}/")
    probe = pair(attacks, events, reports, gaz)
    report(scores(probe, gaz), probe, args.show)


if __name__ == "__main__":
    main()
