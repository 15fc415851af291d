"""The benchmark corpus generator: deterministic, streaming, realistic, and its ground truth agrees
with its text."""

from __future__ import annotations

import itertools
import json
import re
import statistics
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from bench import corpus

N = 700  # above MIX_WINDOW, so wire copies and rewrites of one story land in the corpus


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple[dict[str, dict], list[dict], dict]:
    out = tmp_path_factory.mktemp("corpus")
    stats = corpus.write_corpus(out, N, seed=11)
    articles = {a["id"]: a for a in _read(out / "articles.jsonl")}
    return articles, _read(out / "events.jsonl"), stats


def test_writes_exactly_n_articles_with_the_declared_fields(made):
    articles, events, stats = made
    assert len(articles) == N == stats["articles"]
    assert len(events) == stats["events"]
    for a in articles.values():
        assert set(a) == {"id", "title", "source", "url", "published", "text", "format"}
        assert a["format"] == ("html" if a["text"].startswith("<html>") else "text")
        assert a["url"].startswith("https://") and a["id"][:8] in a["url"]


@pytest.mark.parametrize("seed", [3, 11])
def test_same_seed_same_bytes_other_seed_other_corpus(tmp_path, seed):
    corpus.write_corpus(tmp_path / "a", 300, seed=seed)
    corpus.write_corpus(tmp_path / "b", 300, seed=seed)
    corpus.write_corpus(tmp_path / "c", 300, seed=seed + 1)
    for name in ("articles.jsonl", "events.jsonl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
        assert (tmp_path / "a" / name).read_bytes() != (tmp_path / "c" / name).read_bytes()


def test_a_larger_corpus_starts_with_the_smaller_one():
    small = list(corpus.iter_articles(300, seed=5))
    large = list(corpus.iter_articles(303, seed=5))  # +1%: the incremental-run benchmark input
    assert large[:300] == small
    assert len({a["id"] for a in large}) == 303


def test_streams_without_making_the_whole_corpus_first():
    # A billion articles would never fit; the first ones must still come out at once.
    first = list(itertools.islice(corpus.iter_articles(10**9, seed=1), 5))
    assert len(first) == 5


def test_every_event_is_reported_with_the_spellings_it_records(made):
    articles, events, _ = made
    for e in events:
        assert e["article_ids"] == [r["article_id"] for r in e["reports"]]
        assert e["article_ids"], e["event_key"]
        for r in e["reports"]:
            text = articles[r["article_id"]]["text"]
            assert _printed(r["place_text"], text)
            assert _printed(r["date_text"], text)
            for key in ("admin1_text", "perpetrator_text", "killed_text", "wounded_text"):
                if r[key] is not None:
                    assert _printed(r[key], text), (key, r[key])
            # the place's spelling is one the gazetteer lists for it, not a made-up one
            assert r["place_text"] in _spellings()[e["place_id"]]
        if e["perpetrator"] is None:
            assert e["attribution"] == "unattributed"
            assert all(r["perpetrator_text"] is None for r in e["reports"])
        else:
            assert all(r["perpetrator_text"] for r in e["reports"])


def test_events_are_never_dated_after_the_articles_reporting_them(made):
    articles, events, _ = made
    for e in events:
        for i in e["article_ids"]:
            published = articles[i]["published"]
            if published is not None:
                assert date.fromisoformat(e["date"]) <= date.fromisoformat(published)


def test_no_two_events_share_day_place_actor_and_type(made):
    _, events, _ = made
    keys = Counter(
        (e["date"], e["place_id"], e["perpetrator"], e["sub_event_type"]) for e in events
    )
    assert max(keys.values()) == 1


def test_articles_are_about_three_kilobytes(made):
    articles, _, _ = made
    sizes = [len(a["text"].encode()) for a in articles.values()]
    assert 2500 <= statistics.median(sizes) <= 3600
    assert min(sizes) > 1500 and max(sizes) < 8000


def test_the_corpus_has_the_hard_cases(made):
    articles, events, _ = made
    texts = [a["text"] for a in articles.values()]
    reports = [r for e in events for r in e["reports"]]
    bodies = Counter(_body(t) for t in texts)
    assert any(n >= 2 for n in bodies.values()), "no wire copy"
    assert any(len(e["article_ids"]) >= 3 for e in events), "no story told three times"
    assert sum(t.startswith("<html>") for t in texts) >= 10, "no HTML"
    assert sum(a["published"] is None for a in articles.values()) >= 5, "no undated article"
    assert len({a["source"] for a in articles.values()}) >= 10
    # one perpetrator, several spellings; one place, several spellings
    by_actor: dict[str, set[str]] = {}
    for e in events:
        for r in e["reports"]:
            if e["perpetrator"]:
                by_actor.setdefault(e["perpetrator"], set()).add(r["perpetrator_text"])
    assert {"ISIS", "IS", "Daesh"} <= by_actor["Islamic State"]
    assert any(len({r["place_text"] for r in e["reports"]}) >= 2 for e in events)
    # relative and explicit dates, vague counts, page chrome, distractors
    dates = {r["date_text"] for r in reports}
    assert any(re.fullmatch(r"on (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", d) for d in dates)
    assert "yesterday" in dates and {"the day before", "two days earlier"} & dates
    assert any(re.fullmatch(r"on \d{1,2} [A-Z][a-z]+ 20\d\d", d) for d in dates)
    killed = {r["killed_text"] for r in reports if r["killed_text"]}
    assert any(k.startswith(("several", "dozens")) for k in killed)
    assert any(re.match(r"(at least )?\d+ ", k) for k in killed)
    assert any(re.match(r"(at least )?(two|three|four|five) ", k) for k in killed)
    joined = "\n".join(texts)
    for chrome in ("Share on Facebook", "Sign up", "Menu", "Welcome to"):
        assert chrome in joined
    assert "foiled a plot" in joined and "overran large swathes" in joined


def test_files_format_writes_one_file_per_article_and_a_manifest(tmp_path):
    stats = corpus.write_corpus(tmp_path, 260, seed=2, fmt="files")
    manifest = _read(tmp_path / "manifest.jsonl")
    assert len(manifest) == stats["articles"] == 260
    same = list(corpus.iter_articles(260, seed=2))
    for meta, article in zip(manifest, same, strict=True):
        assert meta["id"] == article["id"] and "text" not in meta and "format" not in meta
        path = tmp_path / meta["path"]
        assert path.read_text(encoding="utf-8") == article["text"]
        assert path.suffix == (".html" if article["text"].startswith("<html>") else ".txt")


def test_cli(tmp_path):
    corpus.main(["--n", "260", "--out", str(tmp_path), "--seed", "4"])
    assert len(_read(tmp_path / "articles.jsonl")) == 260


def test_generator_reads_nothing_outside_the_repository():
    # A user's clone has no /work/shared: the generator may only read files under bench/.
    for name in ("corpus.py", "corpus_prose.py", "corpus_text.py"):
        source = (Path(corpus.__file__).parent / name).read_text(encoding="utf-8")
        assert "/work/" not in source
    assert corpus.PLACES_TSV.parent == Path(corpus.__file__).parent


def _printed(spelling: str, text: str) -> bool:
    """``spelling`` occurs in ``text`` as recorded, or with the capital that starts a sentence."""
    return spelling in text or spelling[0].upper() + spelling[1:] in text


def _body(text: str) -> str:
    """The article body without the chrome around it: the longest paragraphs, in order."""
    paras = [p for p in re.split(r"\n\n|\n?</?p>\n?", text) if len(p) > 120]
    return "\n".join(paras)


_SPELLINGS: dict[str, set[str]] = {}


def _spellings() -> dict[str, set[str]]:
    if not _SPELLINGS:
        for p in corpus.load_places():
            _SPELLINGS[p.place_id] = set(p.spellings)
    return _SPELLINGS
