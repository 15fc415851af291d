from transforms.ingest.html import html_to_text, looks_like_html

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
    lines = [ln for ln in page.text.split("\n") if ln]
    assert "Gunmen killed two guards & wounded three on Monday." in lines
    assert "The attack was claimed by Islamic State." in lines


def test_metadata_from_head():
    page = html_to_text(PAGE)
    assert page.title == "Gunmen attack checkpoint in Raqqa"
    assert page.source == "Syria Direct"
    assert page.published == "2026-03-04T08:00:00Z"


def test_unclosed_tags_inside_chrome_do_not_swallow_the_body():
    page = html_to_text("<html><nav><p>menu<p>more</nav><p>Body sentence here.</p></html>")
    assert page.text == "Body sentence here."


def test_json_ld_metadata():
    html = (
        '<html><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2026-01-05", "headline": "H", "publisher": {"name": "Rudaw"}}'
        "</script><p>Text of the article.</p></html>"
    )
    page = html_to_text(html)
    assert page.published == "2026-01-05" and page.source == "Rudaw" and page.title == "H"


def test_looks_like_html():
    assert looks_like_html(PAGE)
    assert not looks_like_html("Plain text with a < sign and a > sign.")
