"""Saved RSS 2.0 and Atom feeds: each item one input, with its link, title, date and text."""

from datetime import date

import pytest

from tests.warehouse.crawl_fixtures import ATOM, RSS
from transforms.ingest import ingest
from warehouse.feeds import feed_inputs, is_feed
from warehouse.inputs import file_of, iter_inputs
from warehouse.outlets import load_outlets


def _docs(inputs):
    return [ingest(r, load_outlets()) for r in inputs if r.reject is None]


def test_rss_items_full_content_over_summary(tmp_path):
    path = tmp_path / "mosul.rss"
    path.write_text(RSS, encoding="utf-8")
    inputs = list(feed_inputs(path, 5_000_000))
    assert [r.uri for r in inputs] == [f"{path}#I{n}" for n in (1, 2, 3)]
    assert all(file_of(r.uri) == str(path) for r in inputs)
    assert inputs[2].reject.reason == "missing_text"  # an item with neither content nor summary
    first, second = _docs(inputs)
    assert first.uri == "https://mosul-daily.example/ied-south-mosul"
    assert first.title == "IED kills two soldiers south of Mosul"
    assert first.external_id == "md-1001" and first.source == "Mosul Daily"
    assert first.published_date == date(2026, 3, 3) and first.published_date_method == "metadata"
    assert "army patrol" in first.text and "teaser" not in first.text  # content:encoded won
    assert "<p>" not in first.text
    assert second.text.startswith("Unknown gunmen stopped three lorries")  # summary only
    assert second.published_date == date(2026, 3, 4)


def test_atom_published_is_the_date_updated_is_not(tmp_path):
    path = tmp_path / "hama.xml"
    path.write_text(ATOM, encoding="utf-8")
    assert is_feed(path)
    landmine, bus = _docs(feed_inputs(path, 5_000_000))
    assert landmine.published_date == date(2026, 2, 9)
    assert (
        landmine.text.startswith("Two children were injured") and landmine.source == "Hama Observer"
    )
    assert bus.published_date is None  # only <updated>: a modification time, not a date of report
    assert bus.uri == "https://hama-observer.example/bus-highway"


@pytest.mark.parametrize(
    "name, text, feed",
    [
        ("a.atom", ATOM, True),
        ("b.rss", RSS, True),
        ("c.xml", RSS, True),
        ("d.xml", "<?xml version='1.0'?>\n<!-- c --><settings><a/></settings>", False),
        ("e.html", RSS, False),
    ],
)
def test_which_files_are_feeds(tmp_path, name, text, feed):
    path = tmp_path / name
    path.write_text(text)
    assert is_feed(path) is feed


def test_a_folder_mixes_feeds_and_rejects_other_xml(tmp_path):
    (tmp_path / "f.xml").write_text(RSS)
    (tmp_path / "sitemap.xml").write_text("<?xml version='1.0'?><urlset><url/></urlset>")
    inputs = list(iter_inputs([tmp_path], 5_000_000))
    reasons = [r.reject.reason if r.reject else None for r in inputs]
    assert reasons == [None, None, "missing_text", "unsupported_type"]
    assert "not an RSS/Atom feed" in inputs[-1].reject.detail


@pytest.mark.parametrize(
    "text, reason",
    [
        ("<rss version='2.0'><channel><title>T</title></channel></rss>", "empty"),
        ("this is not xml at all <<<", "invalid_feed"),
    ],
)
def test_a_feed_without_items_is_one_rejected_input(tmp_path, text, reason):
    path = tmp_path / "x.rss"
    path.write_text(text)
    inputs = list(feed_inputs(path, 5_000_000))
    assert [r.reject.reason for r in inputs] == [reason]
