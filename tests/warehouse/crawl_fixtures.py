"""Small crawls and feeds the tests write themselves: a WARC with warcio's writer (pages and
every kind of record a crawler leaves that is not a page), RSS 2.0 and Atom files."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CRAWL_DATE = "2026-06-10T12:00:00Z"  # when the crawler fetched: never a publication date

PAGE_DATED = """<!doctype html><html><head>
<meta property="og:site_name" content="Euphrates Herald">
<meta property="og:title" content="Mortar shells hit market in Deir ez-Zor">
<meta property="article:published_time" content="2026-04-02T09:30:00Z">
<title>Mortar shells hit market | Euphrates Herald</title></head><body>
<nav><a>Home</a> <a>Syria</a> <a>Iraq</a> <a>Contact</a></nav>
<article><h1>Mortar shells hit market in Deir ez-Zor</h1>
<p>Three mortar shells landed on a busy market in the city of Deir ez-Zor on Thursday, killing
four civilians and wounding eleven, a medical source said.</p>
<p>Residents said the shells were fired from the western bank of the Euphrates. No group said it
was behind the shelling.</p></article>
<aside class="most-read"><h3>Most read</h3><ul><li><a>Wheat harvest expected to fall</a></li>
<li><a>New bridge opens over the river</a></li></ul></aside>
<footer>Euphrates Herald 2026. All rights reserved.</footer></body></html>"""

PAGE_UNDATED = """<html><head><title>Sniper wounds farmer near Hit</title></head><body>
<div class="menu"><a>News</a> <a>Opinion</a></div>
<div class="content"><h1>Sniper wounds farmer near Hit</h1>
<p>A farmer was wounded by sniper fire while working his field outside the town of Hit in Anbar
province, his family said, adding that the shot came from an abandoned building nearby.</p>
<p>Police said they had searched the building and found spent cartridges but no one inside.</p>
</div></body></html>"""

PAGE_URL = "https://herald.example/syria/2026/04/mortar-market"
UNDATED_URL = "https://anbar-news.example/sniper-hit"


def _http(status: str, content_type: str | None, extra: list | None = None) -> StatusAndHeaders:
    headers = [("Content-Type", content_type)] if content_type else []
    return StatusAndHeaders(status, headers + (extra or []), protocol="HTTP/1.1")


def write_warc(path: Path, gzip: bool = True, pages: list[tuple[str, str]] | None = None) -> Path:
    """A crawl: the two pages (or ``pages``, (url, html) pairs), and around them a warcinfo,
    a request, a redirect, a JSON API answer, an image, a revisit, a metadata record and a 404.
    Records are in the order listed below."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        date = {"WARC-Date": CRAWL_DATE}

        def put(uri, kind, payload=b"", http=None, **kw):
            record = writer.create_warc_record(
                uri, kind, payload=BytesIO(payload), http_headers=http, warc_headers_dict=date, **kw
            )
            writer.write_record(record)

        info = writer.create_warcinfo_record(path.name, {"software": "sitrep tests"})
        writer.write_record(info)
        put(PAGE_URL, "request", b"", _http("GET / HTTP/1.1", None))
        for url, html in pages or [(PAGE_URL, PAGE_DATED), (UNDATED_URL, PAGE_UNDATED)]:
            put(url, "response", html.encode("utf-8"), _http("200 OK", "text/html; charset=utf-8"))
        put(
            "https://herald.example/old-link",
            "response",
            b"",
            _http("301 Moved Permanently", "text/html", [("Location", PAGE_URL)]),
        )
        put(
            "https://herald.example/api/latest.json",
            "response",
            b'{"items": [{"title": "Mortar shells hit market"}]}',
            _http("200 OK", "application/json"),
        )
        put(
            "https://herald.example/img/market.jpg",
            "response",
            b"\xff\xd8\xff\xe0" + bytes(200),
            _http("200 OK", "image/jpeg"),
        )
        put(PAGE_URL, "revisit", b"", _http("200 OK", "text/html"))
        put(PAGE_URL, "metadata", b"outlinks: 12", warc_content_type="application/warc-fields")
        put(
            "https://herald.example/missing",
            "response",
            b"<html><body><p>Page not found</p></body></html>",
            _http("404 Not Found", "text/html"),
        )
    return path


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Mosul Daily</title><link>https://mosul-daily.example/</link>
<description>News from Nineveh</description>
<item><title>IED kills two soldiers south of Mosul</title>
<link>https://mosul-daily.example/ied-south-mosul</link>
<guid>md-1001</guid><pubDate>Tue, 03 Mar 2026 07:15:00 +0000</pubDate>
<description>Short teaser about a blast south of Mosul.</description>
<content:encoded><![CDATA[<p>An improvised explosive device went off beside an army patrol
south of Mosul on Monday night, killing two soldiers and wounding a third, a military statement
said.</p><p>The patrol was searching farmland near the village of Hammam al-Alil.</p>]]>
</content:encoded></item>
<item><title>Gunmen torch trucks on Tal Afar road</title>
<link>https://mosul-daily.example/trucks-tal-afar</link>
<guid>md-1002</guid><pubDate>Wed, 04 Mar 2026 18:00:00 +0000</pubDate>
<description>Unknown gunmen stopped three lorries on the road between Tal Afar and Sinjar on
Wednesday, forced the drivers out and set the vehicles on fire, police said.</description></item>
<item><title>Photo gallery</title><link>https://mosul-daily.example/gallery</link>
<guid>md-1003</guid></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Hama Observer</title><id>urn:hama-observer</id><updated>2026-02-11T10:00:00Z</updated>
<entry><title>Landmine blast injures children near Hama</title>
<link href="https://hama-observer.example/landmine-children"/>
<id>urn:ho:77</id><published>2026-02-09T08:00:00Z</published><updated>2026-02-11T10:00:00Z</updated>
<summary>Short version.</summary>
<content type="html">&lt;p&gt;Two children were injured when a landmine left over from the war
exploded in a field east of Hama on Sunday, the civil defence said.&lt;/p&gt;</content></entry>
<entry><title>Bus attacked on desert highway</title>
<link href="https://hama-observer.example/bus-highway"/>
<id>urn:ho:78</id><updated>2026-02-11T10:00:00Z</updated>
<summary>Gunmen fired on a passenger bus on the desert highway east of Salamiyah late on Tuesday,
wounding the driver and two passengers, according to a local official.</summary></entry>
</feed>"""
