"""A corpus of news articles that recall old massacres publishes: history is not news, and
the gate judges real rules (an event is not after its reports; a date before 1900 is an
error), not an arbitrary floor."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

pytestmark = pytest.mark.prefect

ARTICLES = [
    {
        "id": "h1",
        "published": "2012-02-03",
        "source": "Wire A",
        "text": (
            "Residents of Hama marked thirty years since the massacre of February 1982, when "
            "government troops shelled the old city and killed thousands. On Thursday, "
            "security forces opened fire on mourners in Hama, killing four people, activists "
            "said."
        ),
    },
    {
        "id": "h2",
        "published": "2012-02-04",
        "source": "Wire B",
        "text": (
            "In 1982 the army crushed an uprising in Hama, killing at least 10,000 people. "
            "Thirty years on, the town is again besieged."
        ),
    },
    {
        "id": "h3",
        "published": "2016-05-02",
        "source": "Wire C",
        "text": (
            "In 2014 the group overran Raqqa and executed dozens of soldiers. A car bomb "
            "exploded at a checkpoint in Raqqa on Sunday, killing three guards."
        ),
    },
]


def test_articles_recalling_old_massacres_publish(tmp_path):
    from flows.pipeline import sitrep_flow

    feed = tmp_path / "in" / "articles.jsonl"
    feed.parent.mkdir()
    feed.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    wh = tmp_path / "w.duckdb"
    run = sitrep_flow(inputs=[str(feed.parent)], warehouse=str(wh))
    assert run["status"] == "published"
    with duckdb.connect(str(wh), read_only=True) as con:
        events = con.execute("select event_date, location from events order by 1").fetchall()
        checked = con.execute(
            "select count(*), count(*) filter (where not success and severity = 'critical') "
            "from validation_results"
        ).fetchone()
    # the live attacks are events on their days; the recalled massacres are none
    assert [d for d, _ in events] == [date(2012, 2, 2), date(2016, 5, 1)]
    assert checked is not None and checked[0] > 0 and checked[1] == 0
