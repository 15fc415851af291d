"""A city written without its article ("Mahmudiyah" for Al Mahmudiyah, a town of 350,000 south
of Baghdad) is the city, though a hamlet elsewhere carries that spelling as its own: the
gazetteer lists a city's names without the article too (``seeds/reference/wof.py``,
``articleless``), so both are candidates and the larger wins where nothing else tells."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[3] / "seeds" / "reference"


def _wof():
    sys.path.insert(0, str(REFERENCE))
    spec = importlib.util.spec_from_file_location("wof", REFERENCE / "wof.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_articleless_drops_a_heading_article_only():
    wof = _wof()
    assert wof.articleless(["Al Mahmudiyah", "Ar-Rutbah", "As Sib"]) == ["Mahmudiyah", "Rutbah"]
    # counter-examples: no article, an article glued to the word, too short a rest ("Sib", above)
    assert wof.articleless(["Mosul", "Alqosh", "Alton"]) == []


def test_the_city_wins_over_a_hamlet_spelled_so(real_reports):
    (r,) = real_reports("A roadside bomb exploded in Mahmudiyah, killing three soldiers.")
    assert (r["location_text"], r["admin1"]) == ("Mahmudiyah", "Baghdad")
    # counter-example: the hamlet's own governorate named beside it keeps the hamlet
    (r,) = real_reports("A roadside bomb exploded in Mahmudiyah, Nineveh, killing three soldiers.")
    assert r["admin1"] == "Nineveh"
