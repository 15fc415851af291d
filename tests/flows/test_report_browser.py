"""`sitrep report` opened in headless Chromium: the page's script draws its charts and map.

The rendered DOM (after the script ran) is checked, not the HTML source: bars, columns and
event circles exist in the counts the data implies, and are placed by their values.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _Dom(HTMLParser):
    """Every element's tag and attributes, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def find(self, tag: str, cls: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag and cls in a.get("class", "").split()]


def _need_chromium() -> str:
    """The browser's path; without one, a skip with its reason, or a failure where the run
    requires the browser tests (`.ci/run` sets SITREP_REQUIRE_BROWSER=1 and installs it)."""
    if CHROMIUM is not None:
        return CHROMIUM
    reason = "chromium is not installed (apt-get install chromium; .ci/run does it)"
    if os.environ.get("SITREP_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}, and SITREP_REQUIRE_BROWSER=1 requires the browser tests")
    pytest.skip(reason)


def _rendered_dom(page: Path, profile: Path) -> _Dom:
    res = subprocess.run(
        [
            _need_chromium(),
            *FLAGS,
            f"--user-data-dir={profile}",
            "--virtual-time-budget=5000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    dom = _Dom()
    dom.feed(res.stdout)
    return dom


@pytest.fixture
def rendered(small_warehouse: Path, tmp_path: Path) -> _Dom:
    _need_chromium()  # before the report is built: a skip costs nothing
    page = tmp_path / "report.html"
    res = CliRunner().invoke(
        app, ["report", "--warehouse", str(small_warehouse), "--output", str(page)]
    )
    assert res.exit_code == 0, res.output
    return _rendered_dom(page, tmp_path / "chromium-profile")


def test_script_ran_and_drew_everything(rendered):
    body = next(a for t, a in rendered.elements if t == "body")
    assert body.get("data-rendered") == "true"
    # 2 governorates x 3 measures; 3 days (2025-03-01..03); 3 of the 4 events have coordinates.
    assert body["data-governorate-bars"] == "6"
    assert len(rendered.find("rect", "bar")) == 6 + 3
    assert len(rendered.find("rect", "time")) == 3
    assert len(rendered.find("circle", "event")) == 3
    assert len(rendered.find("circle", "ref")) == 2  # Aleppo and Mosul seats, not Al Bab
    assert len(rendered.find("polyline", "killed")) == 1


def test_bars_follow_the_data(rendered):
    attacks = [
        float(a["width"]) for a in rendered.find("rect", "attacks") if "time" not in a["class"]
    ]
    killed = [float(a["width"]) for a in rendered.find("rect", "killed")]
    # Aleppo: 2 attacks, 7 killed; Nineveh: 2 attacks, 7 killed -> equal; order as queried.
    assert attacks[0] == pytest.approx(attacks[1]) and attacks[0] > 0
    assert killed[0] == pytest.approx(killed[1])
    days = [float(a["height"]) for a in rendered.find("rect", "time")]
    assert days[1] == 0 and days[2] == pytest.approx(2 * days[0])  # 1, 0, 2 attacks


def test_map_plots_coordinates(rendered):
    # One circle per place: Aleppo (37.16E 36.2N), Al Bab (37.52E 36.37N), Mosul (43.13E 36.34N).
    circles = sorted(rendered.find("circle", "event"), key=lambda c: float(c["cx"]))
    xs = [float(c["cx"]) for c in circles]
    ys = [float(c["cy"]) for c in circles]
    assert ys[1] < ys[2] < ys[0]  # north is up: Al Bab, then Mosul, then Aleppo
    # Mosul is 5.97 degrees east of Aleppo, Al Bab 0.36: the projection keeps proportions.
    assert (xs[2] - xs[0]) / (xs[1] - xs[0]) == pytest.approx(5.97 / 0.36, rel=0.01)
    assert (ys[0] - ys[1]) / (ys[0] - ys[2]) == pytest.approx(0.17 / 0.14, rel=0.01)


def _box(d: str) -> tuple[float, float, float, float]:
    nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]
    xs, ys = nums[0::2], nums[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def test_map_draws_governorate_outlines_shaded_by_attacks(rendered):
    body = next(a for t, a in rendered.elements if t == "body")
    outlines = rendered.find("path", "gov")
    # 14 Syrian and 19 Iraqi governorates, and the UN zone on the Golan
    assert body["data-map-outlines"] == "34" and len(outlines) == 34
    by_name = {p["data-admin1"]: p for p in outlines}
    assert {"Aleppo", "Nineveh", "Baghdad", "Idlib"} <= set(by_name)
    # 2 attacks each in Aleppo and Nineveh; none elsewhere
    assert body["data-map-shaded"] == "2"
    assert by_name["Aleppo"]["data-attacks"] == "2" and by_name["Nineveh"]["data-attacks"] == "2"
    assert by_name["Aleppo"]["fill"] == by_name["Nineveh"]["fill"] != by_name["Baghdad"]["fill"]
    assert by_name["Baghdad"]["fill"] == by_name["Idlib"]["fill"]


def test_events_fall_inside_their_governorate(rendered):
    circles = sorted(rendered.find("circle", "event"), key=lambda c: float(c["cx"]))
    by_name = {p["data-admin1"]: _box(p["d"]) for p in rendered.find("path", "gov")}
    for circle, gov in ((circles[0], "Aleppo"), (circles[2], "Nineveh")):
        x0, y0, x1, y1 = by_name[gov]
        assert x0 < float(circle["cx"]) < x1 and y0 < float(circle["cy"]) < y1
    # Iraq's outlines lie east of Syria's: Baghdad's box starts east of Aleppo's
    assert by_name["Baghdad"][0] > by_name["Aleppo"][2]
