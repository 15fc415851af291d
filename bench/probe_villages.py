"""Village coverage probe: notes in the styles of professional coders, over random villages.

    .venv/bin/python -m bench.probe_villages [--n 120] [--seed 7] [--out probe.csv] [--show KIND]
        [--respell]

The dev set (``make eval-real``) is Wikipedia's incident lists: mostly cities. Coders' summaries
and armed-clash notes name villages, with their district and governorate around them, in a few
fixed shapes ("X town, Y district, Z governorate, Iraq", "near X in the Z countryside", "on the
X frontline in Z", "X (Y, Z)"). This probe writes such notes, worded here, about villages drawn
at random (fixed seed) from Who's On First, each labelled with the village it names, and scores
them with ``bench.eval_real``'s scorer (town within 15 km of a village of that name, governorate,
tolls, day). It measures how far the gazetteer and the context rules reach into villages; it is
template text, so it says nothing of the wording of real reports: the dev set does that.

``--respell`` writes each village's name as news outlets might (``bench.respell``: articles
hyphenated or dropped, -eh endings, Levantine ei and elided vowels, French ou/ch/dj, Iraqi g
for q, th for dh, doubled letters; one to three rules per name, seeded), the label still the
gazetteer's name: it measures how far the matcher reads spellings the gazetteer lacks.
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

from bench import eval_real
from bench.respell import respell

# (note, killed, wounded); {d} a date as coders' summaries write it (MM/DD/YYYY), {day} in
# words, {t} the village, {c} its district, {g} its governorate, {C} its country.
STYLES: list[tuple[str, int, int | None]] = [
    ("{d}: An explosive device went off near a checkpoint in {t} town, {c} district, {g} "
     "governorate, {C}. Two soldiers were killed and four others were wounded. No group "
     "claimed responsibility.", 2, 4),
    ("On {day}, fighters clashed with Islamic State cells near {t} in the {g} countryside. "
     "Three fighters were killed.", 3, None),
    ("Gunmen shot dead a local official in {t}, {g} province, police said. One of his guards "
     "was wounded.", 1, 1),
    ("A roadside bomb struck a vehicle in the village of {t} in {c} district, killing one "
     "civilian.", 1, None),
    ("Unknown assailants attacked a house in {t} ({c}, {g}), killing two people.", 2, None),
    ("Mortar shells fell on {t} in {g}, wounding five residents.", 0, 5),
    ("{g}: Two civilians were wounded when a landmine went off in farmland near {t}.", 0, 2),
    ("On {day}, armed men attacked army positions on the {t} frontline in {g}. Four soldiers "
     "were killed.", 4, None),
    ("A drone strike hit a car near {t} ({g} governorate), killing two men.", 2, None),
]  # fmt: skip


def villages(seed: int, n: int) -> list[dict]:
    """``n`` villages of Syria and Iraq with a district and a governorate, drawn at random."""
    with eval_real.WOF.open(encoding="utf-8") as f:
        rows = [
            r
            for r in csv.DictReader(f, delimiter="\t")
            if r["placetype"] == "locality"
            and r["region_name"]
            and r["county_name"]
            and r["name"][:1].isalpha()
            and r["name"].isascii()
        ]
    return random.Random(seed).sample(rows, n)


def notes(seed: int, n: int, respelled: bool = False) -> list[dict]:
    """Rows in the dev set's columns: one note per village, the styles in turn; with
    ``respelled``, each village written as an outlet might (``bench.respell``), its label
    still the gazetteer's name."""
    rng = random.Random(seed)
    spell_rng = random.Random(seed * 7919 + 1)  # apart, so the notes stay those of the plain run
    out = []
    for i, v in enumerate(villages(seed, n)):
        said = respell(v["name"], spell_rng)[0] if respelled else v["name"]
        style, killed, wounded = STYLES[i % len(STYLES)]
        day = date(2014, 1, 1) + timedelta(days=rng.randint(0, 3000))
        country = "Iraq" if v["country"] == "IQ" else "Syria"
        text = style.format(
            d=f"{day:%m/%d/%Y}", day=f"{day.day} {day:%B %Y}", t=said, c=v["county_name"],
            g=v["region_name"].split(" (")[0], C=country,
        )  # fmt: skip
        out.append(
            {"row_id": f"v{i}", "date": day.isoformat(), "year": day.year, "country": country,
             "place": v["name"], "type": "Attack", "dead": killed,
             "injured": "" if wounded is None else wounded, "perpetrator": "", "text": text}
        )  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=180)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, help="keep the notes (CSV) here")
    ap.add_argument("--show", help="list the misses of one measure (as eval_real --show)")
    ap.add_argument(
        "--respell",
        action="store_true",
        help="write each village as an outlet might (bench.respell)",
    )
    args = ap.parse_args(argv)
    rows = notes(args.seed, args.n, args.respell)
    out = args.out or Path(tempfile.mkdtemp(prefix="sitrep-probe-")) / "villages.csv"
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    eval_real.main([str(out), *(["--show", args.show] if args.show else [])])


if __name__ == "__main__":
    main()
