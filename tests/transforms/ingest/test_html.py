import json
from pathlib import Path

import pytest

from transforms.ingest.chrome import clean_text_lines
from transforms.ingest.html import html_to_text, looks_like_html
from transforms.ingest.html_meta import page_meta

PAGES = Path(__file__).parent / "pages"
TRUTH = json.loads((PAGES / "truth.json").read_text())

PAGE = """<!doctype html><html><head><title>Site | Attack in Raqqa</title>
<meta property="og:site_name" content="Syria Direct">
<meta property="article:published_time" content="2026-03-04T08:00:00Z">
<meta property="og:title" content="Gunmen attack checkpoint in Raqqa">
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><nav><ul><li>Home<li>World</ul></nav>
<div class="share-bar"><a>Share</a><a>Tweet</a></div>
<article><h1>Gunmen attack checkpoint in Raqqa</h1>
<p>Gunmen killed two guards &amp; wounded three on Monday.</p>
<p>The attack was claimed by&nbsp;Islamic State.</p></article>
<footer>© 2026 Syria Direct</footer></body></html>"""


def test_tags_script_style_nav_dropped_and_paragraphs_kept():
    page = html_to_text(PAGE)
    assert "not text" not in page.text and "color" not in page.text
    assert "Home" not in page.text and "Tweet" not in page.text and "©" not in page.text
    lines = [ln.strip() for ln in page.text.split("\n") if ln]
    assert "Gunmen killed two guards & wounded three on Monday." in lines
    assert "The attack was claimed by Islamic State." in lines
    assert page.extractor == "trafilatura"


def test_metadata_from_head():
    page = html_to_text(PAGE)
    assert page.title == "Gunmen attack checkpoint in Raqqa"
    assert page.source == "Syria Direct"
    assert page.published.startswith("2026-03-04")


def test_fragment_falls_back_to_visible_text_and_chrome_rules_clean_it():
    page = html_to_text("<html><nav><p>menu<p>more</nav><p>Body sentence here.</p></html>")
    assert clean_text_lines(page.text).body == "Body sentence here."


def test_a_page_without_article_text_gives_no_text():
    page = html_to_text("<html><script>x()</script></html>")
    assert page.text == "" and page.extractor == "fallback"


def test_json_ld_metadata():
    html = (
        '<html><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2026-01-05", "headline": "H", "publisher": {"name": "Rudaw"}}'
        "</script><p>Text of the article.</p></html>"
    )
    page = html_to_text(html)
    assert page.published == "2026-01-05" and page.source == "Rudaw" and page.title == "H"


def test_modified_time_is_not_the_publication_date():
    html = PAGE.replace(
        '<meta property="article:published_time" content="2026-03-04T08:00:00Z">',
        '<meta property="article:modified_time" content="2026-05-09T08:00:00Z">'
        '<meta property="article:published_time" content="2026-03-04T08:00:00Z">',
    )
    assert html_to_text(html).published.startswith("2026-03-04")


def test_looks_like_html():
    assert looks_like_html(PAGE)
    assert not looks_like_html("Plain text with a < sign and a > sign.")


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_pages_article_kept_chrome_gone(name):
    want = TRUTH[name]
    page = html_to_text((PAGES / name).read_text(encoding="utf-8"))
    body = clean_text_lines(page.text).body
    assert [s for s in want["body"] if s not in body] == []
    assert [s for s in want["chrome"] if s in body] == []
    if want["site"]:
        assert page.source == want["site"]


@pytest.mark.parametrize(
    "name", [n for n in sorted(TRUTH) if TRUTH[n]["title"] and TRUTH[n]["date"] != "2026-03-05"]
)
def test_pages_headline_and_date(name):
    want = TRUTH[name]
    page = html_to_text((PAGES / name).read_text(encoding="utf-8"))
    assert page.title == want["title"]
    assert page.published[:10] == want["date"]


def test_plain_parser_leaves_chrome_the_extractor_drops():
    """The counter-example: the old tag-and-class rules keep a 'Popular now' list of headlines."""
    html = (PAGES / "inline_chrome.html").read_text(encoding="utf-8")
    old = clean_text_lines(page_meta(html).text).body
    new = clean_text_lines(html_to_text(html).text).body
    assert "Wildfires spread" in old and "Wildfires spread" not in new


def test_a_page_of_very_many_tags_goes_to_the_plain_parser_quickly():
    import time

    from transforms.ingest.html import MAX_TAGS

    rows = "<tr><td>cell</td></tr>" * (MAX_TAGS // 4 + 1)
    page = f"<html><body><p>Gunmen attacked a checkpoint.</p><table>{rows}</table></body></html>"
    start = time.perf_counter()
    got = html_to_text(page)
    assert got.extractor == "fallback" and "Gunmen attacked a checkpoint." in got.text
    assert time.perf_counter() - start < 5  # trafilatura took 15 s on a page like this
