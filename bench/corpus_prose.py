"""One article's prose about 1-2 ground-truth events: leads, attribution, second attack,
distractors (aggregates, foiled plots, calls to attack, history) and background, in varied orders.

``Prose.body()`` returns the paragraphs and, per event, the report: the exact spellings this
article used (place, governorate, perpetrator, date, casualty phrases), so the ground truth can be
checked against the text.
"""

from __future__ import annotations

import random
import string
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from bench import corpus_text as T

if TYPE_CHECKING:
    from bench.corpus import Event, Place

MONTHS = tuple(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
MON = tuple(
    ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
)  # AP style
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DISTRACTOR_SHARE = 0.45  # of filler sentences; the rest is background
P_VAGUE = 0.12  # a report gives "several"/"dozens" instead of the number


_SLOTS = {
    tpl: tuple(dict.fromkeys(f for _, f, _, _ in string.Formatter().parse(tpl) if f))
    for tpl in T.DISTRACTORS
}


_GROUPS = tuple(a for a in T.ACTORS if a.claims)


def pick(rng: random.Random, seq):
    """``rng.choice`` at a third of the cost (the generator calls it a million times)."""
    return seq[int(rng.random() * len(seq))]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" and not noun.startswith("US") else "a ") + noun


def place_words(rng: random.Random, place: Place) -> tuple[str, str]:
    """How one article spells a place and its governorate."""
    names = place.spellings
    # Outlets mostly print a plain transliteration, sometimes GeoNames' own diacritics.
    p = names[0] if len(names) == 1 or rng.random() < 0.12 else pick(rng, names[1:])
    g = pick(rng, T.GOVERNORATES.get(place.admin1, (place.admin1,)))
    return p, g


def _slot(rng: random.Random, name: str, country: str, places: list[Place]) -> str:
    """A value for one slot of a distractor template (see ``corpus_text.DISTRACTORS``)."""
    if name in ("p2", "p3"):
        return place_words(rng, pick(rng, places))[0]
    if name == "g2":
        return place_words(rng, pick(rng, places))[1]
    if name in ("a2", "A2"):  # armed groups only: states don't "urge followers"
        a2 = pick(rng, pick(rng, _GROUPS).aliases)
        return _cap(a2) if name == "A2" else a2
    if name == "isis":
        return _cap(pick(rng, T.ACTORS[0].aliases))
    if name == "leader":
        return pick(rng, T.PEOPLE[T.PRESIDENT[country]])
    if name == "person":
        return pick(rng, pick(rng, T.PEOPLE))
    if name in ("n", "n7"):
        n = 3 + int(rng.random() * 37)
        return str(n * 7 if name == "n7" else n)
    if name == "month":
        return pick(rng, MONTHS)
    if name == "year":
        return pick(rng, ("2014", "2015", "2016", "2017", "2019"))
    return {"SY": "Syria", "IQ": "Iraq"}[country]  # "country"


def paragraph_pool(rng: random.Random, country: str, places: list[Place], size: int) -> list[str]:
    """``size`` filler paragraphs about one country: 1-3 sentences, distractors (actors, places,
    numbers, no new attack) mixed with background. Articles draw whole paragraphs from the pool,
    which keeps the generator at thousands of articles per second. Background sentences keep
    their ``{quote}``/``{source}`` slots for the article to fill."""
    out = []
    for _ in range(size):
        sents = []
        for _ in range(1 + int(rng.random() * 3)):
            if rng.random() < DISTRACTOR_SHARE:
                tpl = pick(rng, T.DISTRACTORS)
                slots = _SLOTS[tpl]
                sents.append(tpl.format(**{k: _slot(rng, k, country, places) for k in slots}))
            else:
                s = pick(rng, T.BACKGROUND)
                sents.append(s if s not in sents else pick(rng, T.BACKGROUND))
        out.append(" ".join(sents))
    return out


class Prose:
    """The wording one outlet chose for a story: spellings, dates, casualty phrases, order."""

    def __init__(
        self,
        rng: random.Random,
        events: list[Event],
        outlet,
        published: date,
        undated: bool,
        paragraphs: dict[str, list[str]],
    ):
        self.rng = rng
        self.paragraphs = paragraphs
        self.events = events
        self.outlet = outlet
        self.published = published
        self.undated = undated
        first = events[0]
        self.country = first.place.country_code
        actor = first.actor
        self.actor_text = pick(rng, actor.aliases)
        self.noun = pick(rng, T.KINDS[first.kind][3])
        self.source = pick(rng, T.SOURCES[self.country])
        self.reports: list[dict[str, Any]] = []
        self.spelling = [place_words(rng, e.place) for e in events]
        self.gov_text = self.spelling[0][1]

    # -- wording pieces --------------------------------------------------------------------
    def _loc(self, p: str, g: str) -> tuple[str, bool]:
        """Place phrase and whether it names the governorate."""
        forms = (
            (f"in {p}", False),
            (f"in the town of {p}", False),
            (f"in {p} in {g} province", True),
            (f"near {p}, in {g} governorate", True),
            (f"in the {g} countryside near {p}", True),
            (f"in the city of {p} in {g} province", True),
            (f"on the outskirts of {p}", False),
        )
        return pick(self.rng, forms)

    def when(self, day: date) -> tuple[str, str]:
        """A date phrase for ``day`` as this article would write it, and its precision."""
        rng = self.rng
        d, y = day.day, day.year
        if self.undated:  # nothing to resolve a weekday against: outlets then give the year
            return pick(
                rng, (f"on {d} {MONTHS[day.month - 1]} {y}", f"on {MONTHS[day.month - 1]} {d}, {y}")
            ), "day"
        delta = (self.published - day).days
        wd = WEEKDAYS[day.weekday()]
        opts = [
            f"on {MON[day.month - 1]} {d}",
            f"on {MONTHS[day.month - 1]} {d}",
            f"on {d} {MONTHS[day.month - 1]}",
            f"on {d} {MONTHS[day.month - 1]} {y}",
        ]
        if 0 <= delta <= 6:
            opts += [f"on {wd}"] * 4
        if delta == 1:
            opts += ["yesterday", f"late on {wd}", f"on {wd} night"]
        if delta == 0:
            opts += ["earlier today"]
        last_month = (self.published.replace(day=1) - timedelta(days=1)).month
        if day.month == last_month and delta > 1 and rng.random() < 0.3:
            return "late last month", "month"
        return pick(rng, opts), "day"

    def _count(self, n: int, victims: tuple[str, str], vague: bool) -> tuple[str, bool]:
        """Casualty phrase for n victims and whether it takes a singular verb."""
        rng = self.rng
        sing, plural = victims
        if n == 1:
            return (pick(rng, (_a(sing), f"one {sing}")), True)
        if n == 2 and sing in ("soldier", "police officer") and rng.random() < 0.3:
            return f"a {sing} and a civilian", False
        if vague:
            if 3 <= n <= 9:
                return f"several {plural}", False
            if 12 <= n < 24:
                return f"at least a dozen {plural}", False
            if n >= 24:
                return f"dozens of {plural}", False
        num = T.NUMBER_WORDS[n] if n <= 20 and rng.random() < 0.6 else str(n)
        lead = "at least " if rng.random() < 0.15 else ""
        noun = plural if rng.random() < 0.8 else "people"
        return f"{lead}{num} {noun}", False

    def _wounded(self, n: int, victims, after_killed: bool, vague: bool) -> str:
        if after_killed:
            if n == 1:
                return pick(self.rng, ("another", "one other person"))
            text, _ = self._count(n, ("other", "others"), vague)
            return text.replace(" people", " others")
        return self._count(n, victims, vague)[0]

    def _casualties(self, e: Event, vague: bool) -> dict[str, Any]:
        k = w = None
        k_sing = False
        if e.killed:
            k, k_sing = self._count(e.killed, e.victims, vague)
        if e.wounded:
            w = self._wounded(e.wounded, e.victims, e.killed > 0, vague)
        if k and w:
            part = f"killing {k} and wounding {w}"
        elif k:
            part = f"killing {k}"
        else:
            part = f"wounding {w}"
        # "X were killed and Y wounded", "left X dead and Y wounded", "killed X and wounded Y"
        and_w = f" and {w} wounded" if k and w else ""
        be = "was" if k_sing else "were"
        passive = f"{_cap(k)} {be} killed{and_w}" if k else f"{_cap(w)} were wounded"
        return {"k": k, "w": w, "part": part, "and_w": and_w, "passive": passive}

    # -- sentences -------------------------------------------------------------------------
    def _lead(self, e: Event, c: dict, loc: str, when: str) -> tuple[str, str | None]:
        """The sentence reporting the attack, and the perpetrator surface it contains (if any)."""
        rng, a, noun, src = self.rng, self.actor_text, self.noun, self.source
        known = e.actor.canonical is not None and e.attribution in ("claimed", "attributed")
        verb = {
            "ied": "detonated a roadside bomb targeting",
            "car_bomb": "set off a car bomb near",
            "suicide": "sent a suicide bomber against",
            "drone": "carried out a drone strike on",
            "shelling": "shelled",
            "ambush": pick(rng, ("ambushed", "attacked")),
            "shooting": "opened fire on",
            "assassination": "attacked",
        }[e.kind]
        forms: list[tuple[str, str | None]] = []
        if known:
            forms.append((f"{_cap(a)} {verb} {e.target} {loc} {when}, {c['part']}, {src} said.", a))
            if c["k"]:
                forms.append((f"{c['passive']} {when} when {a} {verb} {e.target} {loc}.", a))
            if e.actor.adjective and e.kind in ("drone", "shelling"):
                adj = e.actor.adjective
                forms.append(
                    (
                        f"{_cap(_a(adj))} {noun} hit {e.target} {loc} {when}, "
                        f"{c['part']}, {src} said.",
                        adj,
                    )
                )
        if e.actor.canonical is None and e.kind in ("shooting", "assassination") and c["k"]:
            forms.append(
                (f"{_cap(a)} shot dead {c['k']} {loc} {when}{c['and_w']}, {src} said.", None)
            )
        if e.kind == "suicide":
            forms.append(
                (
                    f"A suicide bomber blew himself up near {e.target} {loc} {when}, "
                    f"{c['part']}, {src} said.",
                    None,
                )
            )
        if e.kind in ("ied", "car_bomb", "drone", "shelling"):
            forms.append(
                (
                    f"{_cap(_a(noun))} struck {e.target} {loc} {when}, {c['part']}, "
                    f"according to {src}.",
                    None,
                )
            )
        if c["k"]:
            forms.append(
                (
                    f"{c['passive']} {when} in an attack on {e.target} {loc}, {src} said.",
                    None,
                )
            )
            forms.append(
                (
                    f"{_cap(when)}, an attack on {e.target} {loc} left {c['k']} dead{c['and_w']}, "
                    f"{src} said.",
                    None,
                )
            )
        else:
            forms.append(
                (
                    f"{_cap(c['w'])} were wounded {when} in an attack on {e.target} {loc}, "
                    f"{src} said.",
                    None,
                )
            )
        return pick(rng, forms)

    def _attribution(self, e: Event) -> str | None:
        rng, a, noun = self.rng, self.actor_text, self.noun
        if e.attribution == "claimed":
            if e.actor.claims:
                return pick(
                    rng,
                    (
                        f"{_cap(a)} claimed responsibility for the attack through its "
                        f"{pick(rng, ('Amaq', 'Dabiq'))} news agency.",
                        f"{_cap(a)} later claimed the attack in a statement.",
                        f"In a statement, {a} said its fighters had carried out the attack.",
                    ),
                )
            return (
                f"{_cap(a)} said in a statement that its forces had carried out the strike, "
                "targeting what it called militant positions."
            )
        if e.attribution == "attributed":
            return pick(
                rng,
                (
                    f"{_cap(self.source)} blamed {a} for the attack.",
                    f"Officials said {a} was behind the {noun}.",
                ),
            )
        if e.attribution == "suspected":
            return pick(
                rng,
                (
                    f"No group immediately claimed responsibility, but officials suspect {a} "
                    "cells, which remain active in the area.",
                    f"The attack bore the hallmarks of {a}, a security source said.",
                ),
            )
        return pick(
            rng,
            (
                "No group has claimed responsibility for the attack.",
                "It was not immediately clear who was behind the attack.",
            ),
        )

    def _report(self, i: int, e: Event) -> tuple[list[str], dict[str, Any]]:
        """Sentences reporting event i, and the spellings they used."""
        rng = self.rng
        p, g = self.spelling[i]
        loc, names_gov = self._loc(p, g)
        vague = rng.random() < P_VAGUE
        c = self._casualties(e, vague)
        if i == 0:
            when, precision = self.when(e.day)
            claim = (
                e.attribution == "claimed"
                and e.actor.claims
                and c["k"]
                and not self.undated
                and (self.published - e.day).days >= 1
                and rng.random() < 0.3
            )
            if claim:  # date given relative to the claim: "The day before", "two days earlier"
                gap = rng.randrange(1, min((self.published - e.day).days, 3) + 1)
                anchor, _ = self.when(e.day + timedelta(days=gap))
                rel = {1: "the day before", 2: "two days earlier", 3: "three days earlier"}[gap]
                a = self.actor_text
                lead = (
                    f"{_cap(a)} claimed responsibility {anchor} for an attack {loc} "
                    f"that killed {c['k']}" + (f" and wounded {c['w']}." if c["w"] else ".")
                )
                sents = [lead, f"The attack took place {rel}, {self.source} said."]
                when, perp = rel, a
            else:
                lead, perp = self._lead(e, c, loc, when)
                sents = [lead]
                if e.actor.canonical is not None:
                    sents.append(self._attribution(e))
                    perp = self.actor_text if perp is None or rng.random() < 0.5 else perp
        else:
            first = self.events[0]
            if e.day == first.day:
                when, precision = "the same day", "day"
            else:
                when, precision = self.when(e.day)
            a = self.actor_text
            if c["k"]:
                s = f"In a separate attack {when}, {a} killed {c['k']} {loc}"
                s += f" and wounded {c['w']}." if c["w"] else "."
            else:
                s = f"In a separate attack {when}, {a} targeted {e.target} {loc}, "
                s += f"wounding {c['w']}."
            sents, perp = [s], (a if e.actor.canonical is not None else None)
        report = {
            "place_text": p,
            "admin1_text": g if names_gov else None,
            "perpetrator_text": perp if e.actor.canonical is not None else None,
            "date_text": when,
            "date_precision": precision,
            "killed_text": c["k"],
            "wounded_text": c["w"],
        }
        return sents, report

    # -- article ---------------------------------------------------------------------------
    def body(self, target: int) -> tuple[list[str], list[tuple[Event, dict[str, Any]]]]:
        """Paragraphs (about ``target`` characters with chrome) and (event, report) per event."""
        rng = self.rng
        reports = []
        event_paras = []
        for i, e in enumerate(self.events):
            sents, report = self._report(i, e)
            reports.append((e, report))
            event_paras.append(" ".join(sents))
        wire = self.outlet[3]
        if wire:
            city = pick(rng, T.DATELINES[self.country])
            event_paras[0] = f"{city} ({self.outlet[2]}) - {event_paras[0]}"
        fill: list[str] = []
        pool = self.paragraphs[self.country]
        size = sum(len(p) for p in event_paras) + 400  # chrome and title
        while size < target:
            para = pick(rng, pool)
            if "{" in para:
                para = para.format(quote=pick(rng, T.QUOTES), source=self.source)
            fill.append(para)
            size += len(para) + 2
        paras = [event_paras[0]]
        rest = fill[:]
        for p in event_paras[1:]:
            rest.insert(rng.randrange(0, min(2, len(rest)) + 1), p)
        if fill and rng.random() < 0.2:  # feature style: context first, then the news
            paras.insert(0, rest.pop(rng.randrange(len(rest))) if rest else fill[0])
        paras += rest
        if wire:
            paras.append(
                pick(
                    rng,
                    ("REUTERS", f"({self.outlet[2]})", "Reporting by staff; editing by the desk"),
                )
            )
        return paras, reports

    def title(self) -> str:
        rng = self.rng
        e = self.events[0]
        p, g = self.spelling[0]
        noun = self.noun
        forms = []
        if e.killed:
            n = str(e.killed)
            forms += [
                f"{n} killed in {noun} in {p}",
                f"{_cap(noun)} kills {n} in {g}",
                f"Attack in {p} leaves {n} dead",
            ]
        else:
            forms += [f"{e.wounded} wounded in {noun} in {p}"]
        if e.actor.canonical is not None and e.attribution in ("claimed", "attributed"):
            forms.append(
                f"{_cap(self.actor_text)} "
                f"{'claims' if e.attribution == 'claimed' else 'blamed for'} attack in {p}"
            )
        return pick(rng, forms)
