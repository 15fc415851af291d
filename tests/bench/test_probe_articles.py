"""The full-article probe: its labels hold together, its pairing and scores are eval_real's."""

import csv

import pytest

from bench import eval_real
from bench import probe_articles as probe

TOWNS = {  # name -> (region id, lat, lon): a stand-in gazetteer, the probe's own rows only
    "manbij": ("85678359", 36.53, 37.95),
    "bab": ("85678359", 36.37, 37.52),  # "Al Bab", its article dropped as eval_real.norm does
    "aleppo": ("85678359", 36.20, 37.16),
    "idlib": ("85678373", 35.93, 36.63),
}


class Gaz:
    @staticmethod
    def candidates(label):
        key = eval_real.norm(eval_real.LEVEL_WORDS.sub(" ", label))
        if key not in TOWNS:
            return []
        region, lat, lon = TOWNS[key]
        town = {"placetype": "locality", "region_id": region, "wof_id": f"w{key}",
                "latitude": str(lat), "longitude": str(lon)}  # fmt: skip
        if key in ("aleppo", "idlib"):
            return [town, {**town, "placetype": "region", "wof_id": region}]
        return [town]

    @staticmethod
    def region_of_point(lat, lon):
        return "85678373" if lon < 36.8 else "85678359"

    @staticmethod
    def region_of_name(name):
        regions = [c for c in Gaz.candidates(name) if c["placetype"] == "region"]
        return regions[0]["wof_id"] if regions else None


def _attack(article, town, killed, past=""):
    return {"article": article, "date": "2026-03-02", "town": town, "governorate": "Aleppo",
            "killed": killed, "wounded": "", "perpetrator": "", "past": past,
            "region_id": "85678359"}  # fmt: skip


def _event(lat, lon, killed, perpetrator=None):
    return {"latitude": lat, "longitude": lon, "admin1": "Aleppo", "killed_best": killed,
            "wounded_best": None, "event_date": "2026-03-02",
            "perpetrator": perpetrator}  # fmt: skip


def test_events_pair_with_attacks_one_to_one_and_the_rest_are_extra():
    attacks = [_attack("a.txt", "Manbij", "20"), _attack("a.txt", "Al Bab", "3"),
               {**_attack("a.txt", "", "7", past="yes"), "date": "2025-02"}]  # fmt: skip
    events = {
        "a.txt": [
            _event(36.55, 37.96, 20),  # Manbij, right
            _event(36.53, 37.95, 0),  # Manbij again: the attack told twice is one too many
            _event(36.20, 37.16, 3, "Islamic State"),  # Al Bab's toll, placed in Aleppo city
        ],
        "quiet.txt": [_event(35.93, 36.63, None)],  # an article with no attack
    }
    result = probe.pair(attacks, events, 4, Gaz())
    assert result.pairs[0] is events["a.txt"][0]
    assert result.pairs[1] is events["a.txt"][2]
    assert 2 not in result.pairs  # the past attack: left out, no miss
    assert {a for a, _ in result.extra} == {"a.txt", "quiet.txt"} and len(result.extra) == 2
    table = probe.scores(result, Gaz())
    assert [hit for _, hit in table["recall"]] == [True, True]
    assert [hit for _, hit in table["past"]] == [False]
    assert [hit for _, hit in table["town"]] == [True, False]  # Aleppo city is 60 km from Al Bab
    assert [hit for _, hit in table["admin1"]] == [True, True]
    assert [hit for _, hit in table["killed"]] == [True, True]
    assert [hit for _, hit in table["perpetrator"]] == [True, False]  # none named, one given


def test_an_event_agreeing_on_nothing_is_no_pair():
    attacks = [_attack("a.txt", "Manbij", "20")]
    events = {"a.txt": [{**_event(35.93, 36.63, 4), "admin1": "Idlib", "event_date": "2020-01-01"}]}
    result = probe.pair(attacks, events, 1, Gaz())
    assert not result.pairs and len(result.extra) == 1
    assert [hit for _, hit in probe.scores(result, Gaz())["recall"]] == [False]


def test_the_labels_name_listed_articles_and_every_article_file_is_listed():
    with (probe.ARTICLES / "articles.csv").open(encoding="utf-8") as f:
        articles = {r["article"]: r for r in csv.DictReader(f)}
    with (probe.ARTICLES / "labels.csv").open(encoding="utf-8") as f:
        labels = list(csv.DictReader(f))
    files = {p.name for p in probe.ARTICLES.glob("*.txt")}
    assert set(articles) == files
    assert {r["article"] for r in labels} <= files
    news = {r["article"] for r in labels if r["past"] != "yes"}
    assert len(files - news) >= 4  # articles that report no attack (a trial, a funeral ...)
    assert {r["past"] for r in labels} == {"", "yes"}
    for r in labels:
        assert r["date"][:4].isdigit() and r["governorate"], r
        assert all(r[k] == "" or r[k].isdigit() for k in ("killed", "wounded")), r


@pytest.mark.skipif(not eval_real.WOF.exists(), reason="needs ../shared/data/whosonfirst")
def test_the_probe_runs_the_real_chain_on_articles():
    gaz = eval_real.Gazetteer()
    articles, attacks = probe.load(probe.ARTICLES, gaz, ["lead_c1.txt", "n11_funeral_najaf.txt"])
    events, reports = probe.run(probe.ARTICLES, articles)
    result = probe.pair(attacks, events, reports, gaz)
    table = probe.scores(result, gaz)
    assert [hit for _, hit in table["recall"]] == [True]  # the Manbij car bomb
    assert [hit for _, hit in table["killed"]] == [True]  # the toll that rose to 20
    assert [hit for _, hit in table["town"]] == [True]
    assert result.extra == []  # the funeral, with its shots in the air, is no attack


def test_articles_that_report_nothing_give_no_events():
    # (chain's per-document merge once failed when no document had a report)
    articles = [{"article": "n14_politics_budget.txt", "published": "2025-05-27", "source": "R"}]
    events, reports = probe.run(probe.ARTICLES, articles)
    assert events == {} and reports == 0
