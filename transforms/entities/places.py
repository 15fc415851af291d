"""Place resolution: pick one gazetteer place per span, by context and by country context.

Rules, in order (each only among the span's candidate places):

1. A governorate cue ("Deir al-Zor province", "Raqqa governorate", "... countryside", the name
   closing a bracket of areas: "the X countryside (Aleppo)") picks the governorate; a town cue
   ("the city of Mayadin", "Raqqa city") picks a town. A mention with no cue takes the sense
   of a cued mention of the same name in the same document; one named as a point distances
   are measured from ("30 km south of Raqqa", "near Kirkuk") or after an installation
   ("Kirkuk airbase") means the town, for that mention alone.
2. A name shared by a governorate and its seat ("Deir ez-Zor") means the governorate
   (``SHARED_NAME_DEFAULT``), unless the seat is a national capital (Damascus, Baghdad);
   after them (``detect._shared_names_as_seats``), it is the town when the document names no
   other place of that governorate ("a car bomb went off in Kirkuk": the city; "Kirkuk: ...
   near Hawija": the area holding it).
3. Otherwise: places in the document's countries first (the countries of its unambiguous
   places, countries named included), then in the governorates its unambiguous places lie in
   ("Suran" near "Hama"), then precision, population and feature rank, then the place whose
   own name is said over one that has it only as a variant spelling, then how well known the
   place is (its recorded spellings: ``_known``), then ``PRIORITY_COUNTRIES``. Villages still
   alike resolve to their governorate.

Before these (``detect._settle_places``): a minor place the sentence puts in another area
("the X quarter of Kirkuk", "X, Y province", "X village located north of Y") with none of its
candidates inside that area (``inside``: at the finest level named) is no place, and the area
holding it is the venue; so is a name matched only by key or fuzzily when the place named
right after it as holding it ("X area in western Baghdad") lies elsewhere. After them
(``detect._by_stated_point``): a name of several places set off by a distance and direction
from the town named right after it ("X, 40 km north of Y", "X, near Y": ``stated_point``)
names the namesake nearest that point when the choice so far lies beyond ``point_from``'s
tolerance and it within. Last (``detect._named_countrys_namesake``): a small town of the
conflict country the document never names, while it names the other and no other place of the
first, is its namesake in the named country ("near al-Mazraa ... in Iraq").

At the event (``transforms.events.extract``): an owner ("Baghdad's Sadr City"), a locator
("Dora, south Baghdad", "X, 40 km north of Y": ``locator_reach``; a located place outside the
area or beyond the distance it states gives way to it) and a name restated ("the Iraqi capital
Baghdad") are no second venue; a place-less attack takes only a country named as where
something happened (``country_venue``: "in Iraq", not "a US soldier").

A span's role: 'dateline' for the reporter's dateline ("DAMASCUS (Reuters) -"), never an event
place; 'metonym' for a capital or a country acting as a government ("Ankara has been ..."),
never after a locative word ("a bombing in Baghdad has killed ...").
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from transforms.entities.lexicon import GOVERNORATE_AFTER, TOWN_AFTER, TOWN_BEFORE
from transforms.entities.matcher import list_first
from transforms.entities.registry import Place, Registry, normalise

# Countries preferred for an ambiguous name when the document gives no country context.
PRIORITY_COUNTRIES: tuple[str, ...] = ("SY", "IQ")
# 'governorate' or 'town': what a name shared by a governorate and its seat means by default.
SHARED_NAME_DEFAULT = "governorate"
_PRECISION_RANK = {"governorate": 0, "town": 1, "district": 2, "region": 3, "country": 4}
# Among towns of equal population (most villages have none): seats of larger areas first.
_FEATURE_RANK = {"PPLC": 0, "PPLA": 1, "PPLA2": 2, "PPLA3": 3, "PPL": 4}

# "DAMASCUS (Reuters) -", "BEIRUT, Feb 21 (AFP) —", "BAQUBA, Iraq -", "MOSUL —", "ERBIL,
# Kurdistan Region (Kurdistan24) –": a place in capitals at the start of a line, its country,
# region or date, the agency if any, then a dash. A place written in title case is a dateline
# only with its agency: "Beirut (AFP) -", "Hama, SANA –" (a sentence may start "Mosul -").
# The group that matched spans the place and what follows it up to the agency: the region or
# country there ("Kurdistan Region") locates the reporter, not the event.
DATELINE = re.compile(
    r"^[ \t]*(?:"
    # (a wire story filed from two cities joins them with a slash: "AMMAN/BEIRUT (Reuters) -")
    r"([A-Z][A-Z .'’-]{2,40}?(?:/[A-Z][A-Z .'’-]{2,40}?)*(?:,[ \t]*[A-Za-z0-9 .]{1,30}?)?)[ \t]*"
    r"(?:\((?:Reuters|AFP|AP|[A-Z][A-Za-z0-9 .]{1,30})\)[ \t]*)?"
    r"|([A-Z][a-z'’]+(?:[ -](?:[a-z]{2,3}[ -])?[A-Z][a-z'’]+){0,2}"
    r"(?:/[A-Z][a-z'’]+(?:[ -](?:[a-z]{2,3}[ -])?[A-Z][a-z'’]+){0,2})*"
    r"(?:,[ \t]*[A-Z][A-Za-z .]{1,30}?)?)[ \t]*"
    r"\([A-Z][A-Za-z0-9 .]{1,30}\)[ \t]*"
    r"|([A-Z][a-z'’]+(?:[ -](?:[a-z]{2,3}[ -])?[A-Z][a-z'’]+){0,2}"
    r"(?:/[A-Z][a-z'’]+(?:[ -](?:[a-z]{2,3}[ -])?[A-Z][a-z'’]+){0,2})*),[ \t]*[A-Z]{2,6}[ \t]*"
    r")[-–—]",
    re.MULTILINE,
)
# A word putting the place right after it as where something is or happens ("in Baghdad"):
# that place is no government, whatever verb follows.
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|inside|outside|across|throughout|around)\s+(?:the\s+)?$", re.IGNORECASE
)
# A capital or country followed by one of these acts as its government.
METONYM_VERBS = frozenset(
    [
        "has",
        "have",
        "had",
        "is",
        "was",
        "will",
        "would",
        "said",
        "says",
        "says",
        "wants",
        "wanted",
        "accused",
        "announced",
        "condemned",
        "warned",
        "relied",
        "relies",
        "rejected",
        "denied",
        "denies",
        "insists",
        "struck",
        "launched",
        "deployed",
        "deploys",
        "carried",
        "backed",
        "supports",
        "supported",
        "urged",
        "called",
        "demanded",
        "threatened",
        "threatens",
        "blames",
        "blamed",
        "accuses",
        "condemns",
        "denounced",
        "denounces",
        "warns",
        "rejects",
        "vowed",
        "vows",
    ]
)


# What every dateline holds: a dash after a word or bracket. A quick test first.
_DATELINE_TAIL = re.compile(r"[\w)][ \t]+[-–—]|\)[-–—]")


# ... or a place in capitals ending in a colon at a line's start ("BAGHDAD: A suicide bomber
# ...", Arab News' and Gulf outlets' dateline).
_COLON_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Z'’-]{2,30}(?:[ -][A-Z][A-Z'’-]{1,30}){0,2})"
    r"(?:,[ \t]*[A-Z][A-Za-z .]{1,30}?)?[ \t]*:[ \t]",
    re.MULTILINE,
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of datelines' place words ("DAMASCUS" in "DAMASCUS (Reuters) -",
    "BAGHDAD" in "BAGHDAD: ...")."""
    head = text[:2000]
    spans = []
    if _DATELINE_TAIL.search(head) is not None:
        for m in DATELINE.finditer(head):
            group = next(g for g in (1, 2, 3) if m.start(g) >= 0)
            spans.append((m.start(group), m.end(group)))
    if ":" in head[:600]:
        # Only on the story's first two lines (its headline, its lead): a roundup's later
        # "KIRKUK:" heads are venues.
        pos, seen = 0, 0
        for line in head[:600].split("\n"):
            if line.strip():
                seen += 1
                # (a quick test: a capital first and a colon within 45 characters)
                if ":" in line[:45] and line.lstrip()[:2].isupper():
                    colon = _COLON_DATELINE.match(head, pos)
                    if colon is not None:
                        spans.append(colon.span(1))
                        break
                if seen == 2:
                    break
            pos += len(line) + 1
    return spans


_NEXT_WORD = re.compile(r"\s*(\S+)")
_GOVERNORATE_ENDINGS = tuple(sorted(GOVERNORATE_AFTER))


# A reference point measured from ("40 km east of X", "south of X", "near X", "the outskirts
# of X") or an installation named after it ("X airbase", "X airport"): the town, not the
# governorate of the same name. ("the X countryside", "the desert of X" keep the governorate.)
_TOWN_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:near|nearby|outside)|\b(?:outskirts|edges?|fringes?)\s+of|\bvicinity\s+of"
    r"|\bentrances?\s+(?:of|to)"
    r"|\b(?:km|kilomet(?:er|re)s?|miles?)\s+(?:\w+\s+)?(?:of|from)"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+(?:of|to|from))"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TOWN_INSTALLATION_AFTER = re.compile(
    r"\s+(?:(?:military|international|civil|civilian)\s+)?"
    r"(?:air\s*base|airbase|airport|airfield|air\s+field|dam)\b",
    re.IGNORECASE,
)


def installation(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` names an installation after its town ("Kirkuk
    airbase", "Haditha Dam"): the event is at the installation, near the town."""
    return _TOWN_INSTALLATION_AFTER.match(text, end) is not None


def town_reference(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is a point distances and directions are measured
    from, or names an installation ("south of X", "near X", "X airbase"): a town's sense."""
    return _TOWN_REFERENCE_BEFORE.search(
        text, max(0, start - 40), start
    ) is not None or installation(text, end)


# "rural X", "eastern rural X", "rural southwest X": the governorate's countryside, as "the X
# countryside" is (not "a rural road near X", whose "near" names the town).
_RURAL_BEFORE = re.compile(
    r"\brural\s+(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)\w*\s+)?$",
    re.IGNORECASE,
)


def cues(text: str, start: int, end: int, surface: str) -> tuple[bool, bool]:
    """(governorate cue, town cue) around the span."""
    after = _NEXT_WORD.match(text, end, end + 20)  # text[end:end + 20].split()[0]
    nxt = after.group(1).lower().strip(".,;:") if after is not None else ""
    before = text[max(0, start - 20) : start].lower()
    low = surface.lower()
    gov = nxt in GOVERNORATE_AFTER or low.endswith(_GOVERNORATE_ENDINGS)
    gov = gov or _RURAL_BEFORE.search(text, max(0, start - 30), start) is not None
    gov = gov or bracket_last(text, start, end)
    town = nxt in TOWN_AFTER or before.rstrip().endswith(TOWN_BEFORE)
    return gov, town


def choose_place(
    ids: list[str],
    registry: Registry,
    gov_cue: bool,
    town_cue: bool,
    countries: Mapping[str, int],
    admin1s: Mapping[str, float] | None = None,
    within: frozenset[str] | None = None,
    surface: str = "",
) -> Place:
    """One place among a span's candidates (rules in the module docstring). ``within``: the
    governorates, districts and countries the sentence names around the span (its containers).
    Between places alike in all else, the one whose own name ``surface`` is wins over one that
    has it only as a variant spelling ("Abu Fishkah" the village, not "Qaryat Abu Fishgah")."""
    key = (tuple(ids), gov_cue, town_cue)
    plan = registry.place_cache.get(key)
    if plan is None:
        plan = registry.place_cache[key] = _candidates(ids, registry, gov_cue, town_cue)
    if within:
        # the areas named around the name decide first, even over a governorate's seat
        # ("Bara ... in the Idlib countryside" is no Aleppo, whatever Aleppo's old names),
        # and a district named among them over the rest of its governorate ("Gezne (Choman,
        # Erbil)": the Gezne of Choman district)
        listed = plan if not isinstance(plan, Place) else _listed([registry.places[i] for i in ids])
        held = [c for c in listed if inside(within, c[0])]
        held = [c for c in held if c[0].admin2 in within] or held
        if held and (not isinstance(plan, Place) or not inside(within, plan)):
            plan = held
    if isinstance(plan, Place):
        return plan

    said = normalise(surface).strip()

    def rank(c: tuple) -> tuple:
        p, country, admin1, fixed = c
        near = admin1s.get(admin1, 0) if admin1s and admin1 else 0
        own = (p.name, p.name_native or p.name)
        variant = said not in (normalise(own[0]).strip(), normalise(own[1]).strip())
        # a minor village wins only by context: its governorate named in the document
        return (p.cue and not near, -countries.get(country, 0), -near, *fixed[:3], variant,
                *fixed[3:])  # fmt: skip

    ranked = sorted(plan, key=rank)
    best = ranked[0][0]
    if best.cue and len(ranked) > 1 and rank(ranked[1])[:-1] == rank(ranked[0])[:-1]:
        # several equal villages, no context: one place listed twice (records a few km
        # apart), else the coarsest level they agree on (their governorate)
        tied = [c[0] for c in ranked if rank(c)[:-1] == rank(ranked[0])[:-1]]
        if not _one_spot(tied):
            gov = registry.governorate(best.admin1) if len({p.admin1 for p in tied}) == 1 else None
            return gov or best
    return best


# Same-named records closer than this (degrees, about 10 km) are one place listed twice.
SAME_SPOT_DEGREES = 0.1


def _one_spot(places: list[Place]) -> bool:
    lats = [p.latitude for p in places if p.latitude is not None]
    lons = [p.longitude for p in places if p.longitude is not None]
    if len(lats) < len(places) or len(lons) < len(places):
        return False
    return max(lats) - min(lats) <= SAME_SPOT_DEGREES and max(lons) - min(lons) <= SAME_SPOT_DEGREES


def areas(p: Place) -> frozenset[str]:
    """The names of the areas holding ``p``: its governorate, district and country."""
    return frozenset(a for a in (p.admin1, p.admin2, p.country_code) if a)


def inside(within: frozenset[str], p: Place) -> bool:
    """Whether ``p`` lies in the areas ``within`` names, judged at the finest level named: a
    governorate or district named decides ("X area of Mosul, Nineveh, Iraq": in Nineveh, not
    merely in Iraq); countries (ISO codes) only when nothing finer is named."""
    finer = {a for a in within if not _COUNTRY_CODE.fullmatch(a)}
    if finer:
        return p.admin1 in finer or p.admin2 in finer
    return p.country_code in within


_COUNTRY_CODE = re.compile(r"[A-Z]{2}")


def seats_among(places: list[Place]) -> list[Place]:
    """The towns among ``places`` that are the seat of a governorate among them ("Kirkuk" the
    city beside Kirkuk the governorate)."""
    govs = {p.place_id for p in places if p.precision == "governorate"}
    return [p for p in places if p.precision == "town" and p.seat_of in govs]


def _candidates(ids: list[str], registry: Registry, gov_cue: bool, town_cue: bool):
    """The place rules 1-2 decide, or the candidates left for rule 3 (each with its country,
    governorate and the context-free part of its rank). Depends on the span's cues only, so
    ``choose_place`` caches it."""
    cands = [registry.places[i] for i in ids]
    if len(cands) == 1:
        return cands[0]
    govs = [p for p in cands if p.precision == "governorate"]
    towns = [p for p in cands if p.precision == "town"]
    if gov_cue and govs:
        cands = govs
    elif town_cue and towns:
        cands = towns
    elif govs and towns:
        seats = seats_among(cands)
        if seats and (SHARED_NAME_DEFAULT == "town" or seats[0].feature_code == "PPLC"):
            return seats[0]
        if seats:
            return next(g for g in govs if g.place_id == seats[0].seat_of)
    return _listed(cands)


def _listed(places: list[Place]) -> list[tuple]:
    """Candidates in the form rule 3 ranks: each with its country, governorate and the
    context-free part of its rank."""
    return [(p, p.country_code, p.admin1, _fixed(p)) for p in places]


def _fixed(p: Place) -> tuple:
    """The context-free part of a candidate's rank."""
    prio = (
        PRIORITY_COUNTRIES.index(p.country_code)
        if p.country_code in PRIORITY_COUNTRIES
        else len(PRIORITY_COUNTRIES)
    )
    return (
        _PRECISION_RANK.get(p.precision, 9),
        -p.population,
        _FEATURE_RANK.get(p.feature_code, 5),
        -_known(p),
        prio,
        p.place_id,
    )


def _known(p: Place) -> int:
    """How well known a place is where population and rank say nothing (most villages): the
    spellings its sources record, Latin and Arabic (a town in the news gathers many; a hamlet
    of the same name has one or two). Mordecai ranks candidates by the same sign."""
    return len(p.aliases) + len(p.names_arabic)


def role(text: str, start: int, end: int, place: Place, in_dateline: bool) -> str | None:
    """'dateline', 'metonym' or None for a place mention at [start, end).

    A capital or country followed by a verb of speech or stance acts as its government
    ("Damascus has denied ..."), unless a locative word puts it as the place of what happened
    ("a bombing in Baghdad has killed eight")."""
    if in_dateline:
        return "dateline"
    if place.feature_code == "PPLC" or place.precision == "country":
        # Most spans are followed by a mark ("Syria's", "Syria, ...", "Syria."), and then the
        # next word, starting right there, is no verb: settled without reading it.
        head = text[end : end + 2]
        if not head:
            return None
        c = head[0]
        if not c.isspace():
            if c in ".,;:":
                if c == "," and _apposed_verb(text, start, end):
                    return "metonym"  # "Moscow, a key ally of Damascus, denies ..."
                if len(head) == 1 or head[1].isspace():
                    return None  # the word is the mark alone
            elif not "a" <= c.lower()[:1] <= "z":
                return None  # the word starts with no letter
        # the first word within 25 characters after the span (text[end:end + 25].split()[0])
        after = _NEXT_WORD.match(text, end, end + 25)
        if (
            after is not None
            and after.group(1).lower().strip(".,;:") in METONYM_VERBS
            and _LOCATIVE_BEFORE.search(text, max(0, start - 16), start) is None
        ):
            return "metonym"
    return None


# A noun phrase set off by commas after the name, then its verb: "Moscow, a key ally of
# Damascus, denies ...", "Ankara, which backs the rebels, said ...".
_APPOSED_VERB = re.compile(r",\s+(?:a|an|the|which|who)\s[^,.;:()]{1,60},\s+(\w+)")
# ... a verb of speech or stance there, not an auxiliary ("Baghdad, the capital, was hit").
_APPOSED_VERBS = METONYM_VERBS - {"has", "have", "had", "is", "was", "will", "would"}


def _apposed_verb(text: str, start: int, end: int) -> bool:
    """The capital or country at [start, end) is the subject of a verb of speech or stance
    after an apposition (and no locative word puts it as a place)."""
    m = _APPOSED_VERB.match(text, end, end + 90)
    return (
        m is not None
        and m.group(1).lower() in _APPOSED_VERBS
        and _LOCATIVE_BEFORE.search(text, max(0, start - 16), start) is None
    )


# A locative word putting the country right after it as where something happened ("in Iraq",
# "across northern Syria", "in Syria's largest city", "the north of Iraq"); a country named in
# any other role ("a US soldier", "UK-based", "spying for the United States", "a border town
# with Turkey") is no venue.
_COUNTRY_VENUE_BEFORE = re.compile(
    r"\b(?:in|across|throughout|inside|into|within|at|around|near|over|parts\s+of|"
    r"(?:north|south|east|west|centre|center)\s+of)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central)\w*\s+(?:and\s+\w+\s+)?)?$",
    re.IGNORECASE,
)


def country_venue(text: str, start: int) -> bool:
    """Whether the country named at ``start`` is put as where something happened ("in Iraq",
    "in northern Syria"): only then may an attack the text places nowhere finer take it."""
    return _COUNTRY_VENUE_BEFORE.search(text, max(0, start - 40), start) is not None


# A road's number may stand in brackets between its ends and its noun ("the Aleppo-Damascus (M5)
# highway"), or the ends in brackets after its number ("the M4 (Aleppo-Latakia) highway").
_ROAD_CODE = r"(?:\s*\([A-Z]{1,2}\s?-?\d{1,3}\))?"
# A place named as a reference point rather than as the venue: "near X", "40 km east of X",
# "on the outskirts of X", "in the desert south of X", "the X countryside", "the X - Y road"
# ("south of the Iraqi capital Baghdad", "north of Iraq's capital, Baghdad": the apposition too).
_RELATIVE_BEFORE = re.compile(
    r"(?:\b(?:near|nearby|outside|around)|\b(?:outskirts|edges?|fringes?)\s+of"
    r"|\bcountryside\s+of|\bvicinity\s+of"
    r"|\b(?:km|kilomet(?:er|re)s?|miles?)\s+(?:\w+\s+)?(?:of|from)"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of"
    r"|\b(?:road|highway)\s+(?:between|from|linking|connecting)"
    r"|\bdesert\s+(?:\w+\s+)?of|\b(?:lies|lying|located|situated)\s+between"
    r"|\bborder\s+with)\s+(?:the\s+)?"
    r"(?:(?:(?:north|south|east|west)\w*\s+|[A-Z][\w'’-]*\s+){0,2}(?:city|town|village)\s+of\s+)?"
    r"(?:(?:[A-Z][\w'’]*\s+)?capital,?\s+)?$",
    re.IGNORECASE,
)
_RELATIVE_AFTER = re.compile(
    r"\s*(?:countryside|outskirts|desert|(?:road|highway)\b|"
    r"[-–—]\s*[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}\)?"
    + _ROAD_CODE
    + r"\s+(?:road|highway)\b)",
)
# "the X - Y road", "the road between X and (the village of) Y": Y, the far end, names no
# second venue.
_ROAD_FAR_END_BEFORE = re.compile(
    r"(?:[-–—]\s*|\b(?:road|highway)\s+(?:between|from|linking|connecting)\s+[\w'’ -]{2,40}?"
    r"\s+(?:and|to|with)\s+(?:the\s+)?(?:(?:town|village|city|area)\s+of\s+)?)$",
    re.IGNORECASE,
)
_ROAD_AFTER = re.compile(
    r"\)?" + _ROAD_CODE + r"\s+(?:road|highway|axis|front|frontline)\b", re.IGNORECASE
)
# ... the same line with its ends joined by "and" or a slash: the noun right after the far end
# (not "front lines", nor "in front of")
_LINE_AFTER = re.compile(
    r"\s+(?:road|highway|axis|front|frontline)\b(?!\s+(?:lines?|of)\b)", re.IGNORECASE
)
_PAIR_BEFORE = re.compile(r"\bthe\s+[A-Z][\w'’ -]{1,30}?(?:\s*/\s*|\s+and\s+)$")


def road_near_end(text: str, start: int, end: int) -> bool:
    """Whether the place is the near end of a road named by both ends ("Baghdad" in "on the
    Baghdad-Kirkuk highway", "Kirkuk" in "the road between Kirkuk and Tikrit"): the event was
    somewhere on the road, not in it."""
    return (
        _ROAD_NEAR_END_AFTER.match(text, end) is not None
        or _ROAD_NEAR_END_BEFORE.search(text, max(0, start - 30), start) is not None
    )


_ROAD_NEAR_END_AFTER = re.compile(
    r"\s*[-–—]\s*[A-Z][^,.;:()\n]{0,30}?\)?" + _ROAD_CODE + r"\s(?:road|highway|motorway)\b",
    re.IGNORECASE,
)
_ROAD_NEAR_END_BEFORE = re.compile(
    r"\b(?:road|highway|motorway)\s+(?:between|from|linking|connecting)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def relative(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` is named as a reference point ("near X",
    "40 km east of X", "X countryside", "on the X - Y road"): the event is around it. A
    nearness cue before a list covers each of its names ("the outskirts of X and Y": Y's
    outskirts too)."""
    if (
        _RELATIVE_BEFORE.search(text, max(0, start - 60), start) is not None
        or _RELATIVE_AFTER.match(text, end) is not None
    ):
        return True
    first = list_first(text, start)
    if first is None:
        return False
    return _NEAR_LIST_BEFORE.search(text, max(0, first - 40), first) is not None


# A nearness cue that governs every name of a list after it ("near X and Y", "on the outskirts
# of X, Y and Z"); a bearing or a distance is measured from one point, and stays with it.
_NEAR_LIST_BEFORE = re.compile(
    r"(?:\b(?:near|nearby|outside|around)|\b(?:outskirts|edges?|fringes?|vicinity|countryside)"
    r"\s+of)\s+(?:the\s+)?(?:(?:towns|villages)\s+of\s+)?$",
    re.IGNORECASE,
)


# A place measured from by a bearing ("west of X", "some 120 km northeast of the provincial
# capital X", "northwest of X city"): it says where something lies, not how near.
_BEARING_BEFORE = re.compile(
    r"\b(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)?\s+(?:of|from)\s+(?:the\s+)?"
    r"(?:(?:[a-z]+\s+){0,2}(?:capital|city|town),?\s+)?$",
    re.IGNORECASE,
)


def bearing_reference(text: str, start: int) -> bool:
    """Whether the place starting at ``start`` is named as the point a bearing is taken from
    ("X, northeast of Y", "X, some 120 km northeast of the provincial capital Y")."""
    return _BEARING_BEFORE.search(text, max(0, start - 50), start) is not None


# A place naming who reports, not where anything happened: an outlet's name ("Baghdad Today",
# "Kirkuk Now", "DeirEzzor 24"), an outlet's or agency's reporter ("Al Mayadeen's
# correspondent"), or where a reporter is based ("our correspondent in Daraa said").
_OUTLET_WORD_AFTER = re.compile(
    r"\s?(?:Today|Now|News|TV|Post|Times|Media|Network|Radio|Channel|24)(?![\w-])"
)
_REPORTER_AFTER = re.compile(
    r"['’]s?\s+(?:\w+\s+)?(?:correspondents?|reporters?|journalists?|stringers?)\b",
    re.IGNORECASE,
)
_REPORTER_BEFORE = re.compile(
    r"\b(?:correspondents?|reporters?|journalists?|stringers?|bureau)\s+(?:based\s+)?in\s+"
    r"(?:the\s+)?(?:(?:city|town|province|governorate)\s+of\s+)?$",
    re.IGNORECASE,
)


def reporting_place(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` names who reports: part of an outlet's name
    ("Baghdad Today"), the owner of a reporter ("Al Mayadeen's correspondent"), or where the
    reporter is ("Enab Baladi's correspondent in Daraa said"): no venue."""
    # (cheap tests first: most places are followed by a space and a small letter or a mark,
    # and have no reporter's word before them)
    c = text[end : end + 2]
    if c[:1] in ("'", "’"):
        if _REPORTER_AFTER.match(text, end):
            return True
    elif (c[1:2].isupper() or c[:1].isdigit() or c[1:2].isdigit()) and _OUTLET_WORD_AFTER.match(
        text, end
    ):
        return True
    lo = max(0, start - 45)
    before = text[lo:start]
    if not (
        "orrespondent" in before
        or "eporter" in before
        or "ournalist" in before
        or "tringer" in before
        or "ureau" in before
    ):
        return False
    return _REPORTER_BEFORE.search(text, lo, start) is not None


# A name set off by a noun phrase naming a person's office: "X, Syria's president, said",
# "X, the governor of Y, said", "X, the group's spokesman, told": a person's name, never a
# place ("X, Syria's easternmost town" names no office and stays a place).
OFFICES = (
    r"president|vice[- ]president|prime\s+minister|premier|minister|governor|mayor|"
    r"spokes(?:man|woman|person)|commander|leader|chief|head|envoy|ambassador|king|emir|"
    r"prince|chairman|speaker|secretary|director|deputy|adviser|advisor|official"
)
_OFFICE_APPOSED = re.compile(
    r",\s+(?:the\s+|an?\s+|[A-Z][\w'’-]*(?:'s|’s)\s+)(?:[a-z][\w'’-]*\s+){0,3}?"
    rf"(?:{OFFICES})\b(?:\s+(?:of|for|at|in)\s+[^,.;:()]{{1,50}})?,"
)
_PLACE_WORD_BEFORE = re.compile(
    r"\b(?:in|at|near|inside|outside|across|throughout|around|of|from|to|into|toward|towards|"
    r"on|against|hit|struck|shelled|attacked)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def office_appositions(text: str) -> set[int]:
    """Where an appositive naming a person's office starts (its comma): one scan of the text,
    so that only the names ending right there are read again (``office_holder``)."""
    return {m.start() for m in _OFFICE_APPOSED.finditer(text)}


def office_holder(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is set off by an appositive naming a person's
    office ("X, Syria's president, said"), and no word before it puts a place there ("in X,
    the city's governor, Y, said"): a person's name."""
    if not text.startswith(",", end) or _OFFICE_APPOSED.match(text, end) is None:
        return False
    return _PLACE_WORD_BEFORE.search(text, max(0, start - 20), start) is None


# A place name heading a firm's name: "Dana Gas", "the X Oil Company", "X Cement Factory".
_FIRM_AFTER = re.compile(
    r"(?:\s+[A-Z][a-z]+){0,2}?\s+(?:Gas|Oil|Petroleum|Cement|Steel|Energy|Telecom|Airways|"
    r"Airlines|Bank|Company|Corporation|Corp|Co|Factory|Holding|Holdings)\b(?![ -][a-z])"
)


def firm_head(text: str, end: int) -> bool:
    """Whether the place name ending at ``end`` is the first word of a firm's name ("Dana
    Gas", "the X Oil Company's offices"): the firm, not yet a venue (what the firm's name
    holds is where it comes from, or sits, or neither)."""
    return text.startswith(" ", end) and _FIRM_AFTER.match(text, end) is not None


# A place name inside an armed unit's name: heading it ("the X Military Council", "the X
# Revolutionaries Brigade") or closing an Arabic one after its unit word ("Faylaq al-X", "Liwa
# Suqur al-X", "Jaish al-X"). The unit is named after where it was raised, not where it fights.
_UNIT_AFTER = re.compile(
    r"(?:\s+[A-Z][a-z]+){0,2}?\s+(?:Military\s+Council|Revolutionaries|Brigades?|Battalions?|"
    r"Regiment|Legion|Division|Guards|Army)\b"
)
_UNIT_BEFORE = re.compile(
    r"\b(?:Faylaq|Jaish|Jaysh|Liwa|Liwaa|Ahrar|Harakat|Jabhat|Katibat|Kataib|Suqur|Thuwar|"
    r"Usud|Tajammu|Firqat|Fawj|Quwat|Jund|Saraya|Alwiya|Fursan|Ghuraba)"
    r"(?:\s+[A-Z][\w'’-]*){0,2}?\s+(?:(?:al|ash|as|ar|ad|at|az|an|el)-)?$"
)


def unit_head(text: str, end: int) -> bool:
    """Whether the place name ending at ``end`` heads an armed unit's name ("the Deir ez-Zor
    Military Council"): the unit, not yet a venue."""
    return text.startswith(" ", end) and _UNIT_AFTER.match(text, end) is not None


def unit_tail(text: str, start: int) -> bool:
    """Whether the place name starting at ``start`` closes an Arabic unit's name after its unit
    word ("Faylaq al-Sham", "Liwa Suqur al-Raqqa"): a name, never a venue."""
    return _UNIT_BEFORE.search(text, max(0, start - 40), start) is not None


# A place naming the seat of an office or a body its holder serves: "a member of the Diyala
# Provincial Council", "the deputy mayor of Al-Khalis district", "a former officer of the
# Kirkuk police", "the Nineveh Operations Command", "the Anbar police chief". The victim's
# office says where he serves, not where he was struck.
_OFFICE_OF_BEFORE = re.compile(
    r"\b(?:mayor|governor|head|chief|chairman|member|officer|commander|director|official|"
    r"council(?:l)?or|judge|lawmaker|deputy)s?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_OFFICE_AFTER = re.compile(
    r"(?:\s+(?:Provincial|Governorate|City|Municipal|Local|District))?\s+(?:Council\b|"
    r"Operations\s+Command\b|[Pp]olice\s+[Cc]hief\b|council\s+member\b|[Cc]ouncil(?:l)?or\b)"
)


def office_seat(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` names where an office or a body sits, as the
    victim's title ("the mayor of X", "a member of the X Provincial Council", "an officer of
    the X police", "the X Operations Command"): not yet a venue ("the mayor was shot in X" and
    "the outskirts of X" name none)."""
    if _OFFICE_AFTER.match(text, end) is not None:
        return True
    return _OFFICE_OF_BEFORE.search(text, max(0, start - 30), start) is not None


# A place named as where fire came from or people went to: "shelled X from their positions in
# Y", "from the Y axis", "from their base at Y", "rockets launched from Y", "fled toward Y",
# "launched from the vicinity of Y", "militants who came from the neighbouring Y province".
_ORIGIN_BEFORE = re.compile(
    r"\b(?:from|towards?)\s+(?:(?:their|its|his|her|the|a|an)\s+)?"
    r"(?:(?:neighbou?ring|nearby|adjacent)\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}?(?:positions?|bases?|posts?|points?|checkpoints?|headquarters|"
    r"territory|side|direction|vicinity|outskirts|areas|zones?|lines)\s+(?:in|at|of|near|around|"
    r"on|inside|(?:north|south|east|west)\w*\s+of)\s+(?:the\s+)?)?"
    r"(?:[\w'’]+-(?:held|controlled|occupied)\s+)?"
    r"(?:(?:city|town|village|area)\s+of\s+)?$",
    re.IGNORECASE,
)


# A place named as where the wounded or the dead were carried: "were wounded and taken to a
# hospital in Y", "transferred to the National Hospital in Y" (not "an attack on a hospital in Y"
# nor "rockets fell close to a hospital in Y": a verb of carrying comes first).
_CARRIED = (
    r"\b(?:taken|took|take|transferred|transported|rushed|evacuated|moved|brought|admitted|"
    r"sent|flown|airlifted|carried)\s+(?:(?:them|him|her|the\s+(?:wounded|injured|dead|"
    r"bodies|body|victims?|casualties))\s+)?to\s+"
)
_CARRIED_TO_BEFORE = re.compile(
    _CARRIED + r"(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?(?:hospitals?|"
    r"clinics?|infirmary|morgue|medical\s+(?:centres?|centers?|facilit(?:y|ies)|points?))\s+"
    r"(?:in|at|of)\s+(?:the\s+)?(?:(?:city|town|village|area)\s+of\s+)?$",
    re.IGNORECASE,
)


# "taken to Y hospital", "rushed to the Y National Hospital": the hospital named after its town.
_CARRIED_TO_NAMED_BEFORE = re.compile(_CARRIED + r"(?:the\s+)?$", re.IGNORECASE)
_HOSPITAL_AFTER = re.compile(
    r"(?:\s+(?:national|general|military|public|central|university))?\s+hospital\b",
    re.IGNORECASE,
)


def origin(text: str, start: int, end: int | None = None) -> bool:
    """Whether the place starting at ``start`` (ending at ``end``) is named as where fire came
    from or people went ("shelled X from their positions in Y", "fired from areas west of Y",
    "fled toward Y", "the wounded were taken to a hospital in Y"), or as where the attackers
    are stationed ("forces stationed in Y shelled X"; not "attacked troops stationed in Y"):
    not where the attack struck."""
    if _ORIGIN_BEFORE.search(text, max(0, start - 60), start) is not None:
        return True
    if _CARRIED_TO_BEFORE.search(text, max(0, start - 90), start) is not None:
        return True
    if (
        end is not None
        and _HOSPITAL_AFTER.match(text, end) is not None
        and _CARRIED_TO_NAMED_BEFORE.search(text, max(0, start - 60), start) is not None
    ):
        return True
    if birthplace(text, start):
        return True
    return end is not None and _gunners_place(text, start, end)


def _gunners_place(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` is where the gunners stand, the fire sent
    elsewhere: "regime forces in Y shelled X" (a fire verb only: not "gunmen in Y attacked a
    checkpoint", which struck in Y), "troops stationed in Y fired"."""
    if _FORCES_IN_BEFORE.search(text, max(0, start - 40), start) is not None:
        return _SHELLED_AFTER.match(text, end) is not None
    return (
        _STATIONED_BEFORE.search(text, max(0, start - 40), start) is not None
        and _FIRED_AFTER.match(text, end) is not None
    )


# Fire sent from a place: "shells fired from Y", "rockets launched from SDF-held Y".
_FIRED_FROM_BEFORE = re.compile(
    r"\b(?:fired|launched|lobbed)\s+from\b[^.;:,]{0,40}$", re.IGNORECASE
)


def fire_origin(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` is where fire was sent from ("shells fired from
    Y", "rockets launched from their positions in Y", "forces in Y shelled X", "troops
    stationed in Y fired"): of ``origin``'s places, the ones that are never a venue, not even
    alone (unlike "men from Y", "on its way from Y", where the attack may have struck)."""
    if not origin(text, start, end):
        return False
    fired_from = _FIRED_FROM_BEFORE.search(text, max(0, start - 60), start) is not None
    return fired_from or _gunners_place(text, start, end)


# A place named as where the people struck were going: "pilgrims walking to Y", "a convoy on
# its way to Y", "heading for Y", "a bus bound for the city of Y".
_DESTINATION_BEFORE = re.compile(
    r"\b(?:(?:walk|march|travel|travell|head|driv|go|return|journey|flee)(?:ing|ed)\s+"
    r"(?:back\s+)?(?:(?:north|south|east|west)(?:wards?)?\s+)?(?:to|for|towards?)|on\s+(?:their|its|his|her)\s+way\s+(?:back\s+)?to|"
    r"en\s+route\s+to|bound\s+for)\s+(?:the\s+)?(?:(?:holy\s+)?(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)


def destination(text: str, start: int) -> bool:
    """Whether the place starting at ``start`` is named as where the people struck were going
    ("pilgrims walking to Y", "a convoy on its way to Y"): beside a place the text gives the
    attack, not where it struck."""
    return _DESTINATION_BEFORE.search(text, max(0, start - 50), start) is not None


# "forces stationed in Y (Z) shelled X": where the attackers stand, the attack verb after it.
_STATIONED_BEFORE = re.compile(
    r"\b(?:stationed|positioned|deployed|based|entrenched)\s+(?:in|at|near|around|"
    r"inside|on)\s+(?:the\s+)?(?:(?:city|town|village|area|outskirts)\s+of\s+)?$",
    re.IGNORECASE,
)
_FIRED_AFTER = re.compile(
    r"(?:\s*\([^()]{0,60}\))?\s*,?\s+(?:have\s+|had\s+)?(?:shelled|fired|targeted|struck|"
    r"bombarded|pounded|attacked|launched|hit|opened\s+fire)\b",
    re.IGNORECASE,
)


# "forces in Y shelled X": the armed side in Y firing at a distance (a fire verb only).
_FORCES_IN_BEFORE = re.compile(
    r"\b(?:forces|troops|units|artillery|factions|fighters|militias|militants|batteries)\s+"
    r"(?:in|at)\s+(?:the\s+)?(?:(?:city|town|village|area)\s+of\s+)?$",
    re.IGNORECASE,
)
_SHELLED_AFTER = re.compile(
    r"(?:\s*\([^()]{0,60}\))?\s*,?\s+(?:have\s+|had\s+)?(?:shelled|fired|bombarded|pounded|"
    r"rocketed|launched)\b",
    re.IGNORECASE,
)
# Where a victim was born or had fled from: "a native of Y", "families displaced from Y".
_BORN_BEFORE = re.compile(
    r"\b(?:natives?\s+of|(?:displaced|originally|hailing)\s+from)\s+"
    r"(?:(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?)$",
    re.IGNORECASE,
)


def birthplace(text: str, start: int) -> bool:
    """Whether the place starting at ``start`` is named as where a victim was born or had fled
    from ("a police officer, a native of Y, ...", "families displaced from Y"): who he is, not
    where he was struck."""
    return _BORN_BEFORE.search(text, max(0, start - 40), start) is not None


# Where a body was found: "his body was found on the outskirts of Y", "the bodies were later
# discovered near Y".
_FOUND_BEFORE = re.compile(
    r"\b(?:bod(?:y|ies)|corpses?|remains)\s+(?:\w+\s+){0,4}?(?:was|were|had\s+been|have\s+been)"
    r"\s+(?:later\s+|then\s+|subsequently\s+)?(?:found|discovered|dumped|recovered|retrieved)"
    r"\s+(?:\w+\s+){0,3}?(?:in|near|at|on|outside|by)\s+(?:the\s+)?"
    r"(?:(?:outskirts|vicinity|edge|entrance)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


def discovered(text: str, start: int, told: bool = False) -> bool:
    """Whether the place starting at ``start`` is named as where a body was found; with
    ``told``, the body of a victim told before ("his body was found near Y", "the bodies
    were later discovered in Y"; not "the bodies of three men were found in Y")."""
    m = _FOUND_BEFORE.search(text, max(0, start - 100), start)
    if m is None or not told:
        return m is not None
    body = m.start()
    return (
        _TOLD_BEFORE.search(text, max(0, body - 20), body) is not None
        and _BODY_OF.match(text, body) is None
    )


# A body told before: "his body", "their bodies", "the bodies" (not "the bodies of ...").
_TOLD_BEFORE = re.compile(r"\b(?:his|her|their|the|its|victims?['’]?s?)\s+$", re.IGNORECASE)
_BODY_OF = re.compile(r"(?:bod(?:y|ies)|corpses?|remains)\s+of\b", re.IGNORECASE)


def road_far_end(text: str, start: int, end: int) -> bool:
    """Whether the place is the far end of a road named by both ends ("Palmyra" in "on the
    Deir ez-Zor - Palmyra road", "Tikrit" in "the road between Kirkuk and Tikrit", "Y" in
    "the X and Y front")."""
    m = _ROAD_FAR_END_BEFORE.search(text, max(0, start - 70), start)
    if m is None:
        # "the X and Y front", "the X/Y axis": one line named by both ends (a singular noun;
        # "the X and Y fronts" are two)
        return (
            _LINE_AFTER.match(text, end) is not None
            and _PAIR_BEFORE.search(text, max(0, start - 40), start) is not None
        )
    if m.group(0).lstrip()[:1] in "-–—":  # "X - Y road": the road word must follow Y
        return _ROAD_AFTER.match(text, end) is not None
    return True


# A place named as the area holding the one named just before: "the Karrada neighbourhood of
# Baghdad", "the al-Sabtiyah area of Baqubah", "Tarmiya District in northern Baghdad", "a
# village located north of Kirkuk" ("village of X" names X itself: only "village in").
_PART_OF_BEFORE = re.compile(
    r"[A-Z][\w'’-]*\s+(?:(?:neighbou?rhoods?|area|quarter|suburbs?|district|sub-?district)"
    r"\s+(?:located\s+)?(?:of|in)|villages?\s+(?:located\s+)?in|villages?\s+located)\s+"
    r"(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|"
    r"west)\w*\s+(?:of\s+)?)?(?:(?:city|town|province)\s+of\s+)?$",
    re.IGNORECASE,
)


def holds_previous(text: str, start: int) -> bool:
    """Whether the place starting at ``start`` is named as the area holding a place named
    just before it ("the Karrada neighbourhood of Baghdad": Baghdad)."""
    return _PART_OF_BEFORE.search(text, max(0, start - 60), start) is not None


# What lies between two place names when the second only says where the first is: "Dora, south
# Baghdad", "Abu Ghraib, west of Baghdad", "a village near X, some 280 km north of the capital
# Baghdad", "X, in northern Y".
_LOCATOR_GAP = re.compile(
    r"\s*,?\s*(?:in\s+)?(?:(?:some|about|around|roughly|approximately|nearly|almost|just)\s+)?"
    r"(?:\d[\d.,]*\s*(?:-\s*)?(?:km|kilomet(?:er|re)s?|miles?)\s+)?"
    r"(?:(?:to\s+the\s+)?(?:north|south|east|west)\w*|central)\s+(?:of\s+|to\s+|from\s+)?"
    r"(?:the\s+)?(?:(?:city|town|province)\s+of\s+)?"
    r"(?:(?:[A-Z]\w+\s+)?(?:capital|city)\s*,?\s+)?",
)
# ... or, set off as an apposition, what kind of place the first is and where: "Jaramana, a
# suburb on the southeastern edge of Damascus", "Hit, a town 150 km west of Baghdad", "X, a
# village near Y", "X, a district of Y".
_APPOSED_LOCATOR_GAP = re.compile(
    r"\s*,\s*an?\s+(?:[\w-]+\s+){0,2}?(?:suburb|town|village|city|district|neighbou?rhood|"
    r"area|hamlet|quarter|settlement)\s+"
    r"(?:(?:some|about|around|roughly|approximately|nearly|almost|just)\s+)?"
    r"(?:\d[\d.,]*\s*(?:-\s*)?(?:km|kilomet(?:er|re)s?|miles?)\s+)?"
    r"(?:(?:on|at)\s+the\s+(?:[\w-]+\s+)?(?:edge|outskirts|fringes?)\s+of|near|outside|"
    r"(?:to\s+the\s+)?(?:north|south|east|west)\w*\s+of|in\s+(?:the\s+)?(?:(?:north|south|east|"
    r"west|central)\w*\s+)?|of)\s+(?:the\s+)?(?:(?:city|town|province|capital)\s+(?:of\s+)?)?",
    re.IGNORECASE,
)
# "Baghdad's Sadr City", "Mosul's eastern Zuhur district": the owner holds the place it owns.
_OWNER_GAP = re.compile(
    r"['’]s\s+(?:(?:(?:north|south|east|west)\w*|central|old|main|mainly|mostly|largely|"
    r"predominantly|densely|populated|poor|busy|crowded|shiite|shia|sunni|christian|kurdish)"
    r"\s+){0,2}",
    re.IGNORECASE,
)
# "the Iraqi capital Baghdad", "the capital, Baghdad": the same place named twice in a row.
_RESTATED_GAP = re.compile(r"[\s,]*(?:the\s+)?")


def locator_reach(text: str, prev_end: int, start: int) -> float | None:
    """When the place at ``start`` only says where the place ending at ``prev_end`` lies
    ("Dora, south Baghdad", "X, 40 km north of Y"), how far apart (km) the text allows them
    to be: the distance it states with a margin, else ``LOCATOR_KM``; None when it is no
    locator."""
    m = _LOCATOR_GAP.fullmatch(text, prev_end, start) or _APPOSED_LOCATOR_GAP.fullmatch(
        text, prev_end, start
    )
    if m is None:
        return None
    stated = _DISTANCE.search(m.group(0))
    if stated is None:
        return LOCATOR_KM
    km = float(stated.group(1).replace(",", ""))
    return km * (1.609 if stated.group(2).lower().startswith("mi") else 1.0) * 1.5 + 30


# How far a locator without a distance ("X, north of Baghdad") may lie from the place it
# locates (Samarra is 125 km "north of Baghdad").
LOCATOR_KM = 200.0
_DISTANCE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:-\s*)?(km|kilomet|mile)", re.IGNORECASE)


def bearing_reach(text: str, start: int) -> float:
    """How far (km) from the place at ``start``, the point a bearing is taken from, the place
    it locates may lie: the distance stated just before ("about 100 km (60 miles) south of X")
    with ``locator_reach``'s margin, else ``LOCATOR_KM``."""
    stated = _DISTANCE.search(text, max(0, start - 60), start)
    if stated is None:
        return LOCATOR_KM
    km = float(stated.group(1).replace(",", ""))
    return km * (1.609 if stated.group(2).lower().startswith("mi") else 1.0) * 1.5 + 30


def km_apart(a: Mapping, b: Mapping) -> float | None:
    """Great-circle distance between two places' points, None when one has none."""
    lat1, lon1, lat2, lon2 = (
        a.get("latitude"),
        a.get("longitude"),
        b.get("latitude"),
        b.get("longitude"),
    )
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def owns_next(text: str, end: int, next_start: int) -> bool:
    """Whether the place ending at ``end`` owns the one at ``next_start`` ("Baghdad's Sadr
    City"): the owner is the area holding it, no venue of its own."""
    return _OWNER_GAP.fullmatch(text, end, next_start) is not None


# "X town, Y district", "X village in Y province", "X (Y, Z)": the next name is X's area.
_AREA_GAP = re.compile(
    r"(?:\s+(?:town|village|city|area|neighbou?rhood|district|subdistrict|sub-district))?"
    r"(?:\s*,\s*|\s+in\s+)(?:the\s+)?",
    re.IGNORECASE,
)
# "X, in the Y area", "X, in the western Y desert": the same, set off by a comma (not after a
# reference point: "near X, in the Y area" is somewhere in Y's area, X only a landmark in it).
_COMMA_IN_GAP = re.compile(
    r"\s*,\s*in\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+)?",
    re.IGNORECASE,
)


def _area_gap(text: str, prev_end: int, start: int, prev_start: int | None) -> bool:
    if _AREA_GAP.fullmatch(text, prev_end, start) is not None:
        return True
    if _COMMA_IN_GAP.fullmatch(text, prev_end, start) is None:
        return False
    return prev_start is None or not town_reference(text, prev_start, prev_end)


_BRACKET_GAP = re.compile(
    r"(?:\s+(?:town|village|city|area|neighbou?rhood|hill|front|frontline|axis))?\s*\(\s*",
    re.IGNORECASE,
)
# ("the Y area" after a town: the land around it, which holds X: "X in the Duma area")
_AREA_WORD = re.compile(
    r"\s+(?:district|sub-?district|governorate|province|countryside|region|area)\b",
    re.IGNORECASE,
)
_AREA_WORD_END = re.compile(_AREA_WORD.pattern + "$", re.IGNORECASE)


def names_area(
    text: str, prev_end: int, start: int, end: int, prev_start: int | None = None
) -> bool:
    """Whether the place at ``[start, end)`` is named as the area holding the one ending at
    ``prev_end`` (starting at ``prev_start``): "X town, Y district", "X in Y province", "X in
    the Y area", "X, in the Y area", or first in brackets after it ("X (Y, Z)", "X (Y
    governorate)")."""
    if _BRACKET_GAP.fullmatch(text, prev_end, start) is not None:
        return True
    if not _area_gap(text, prev_end, start, prev_start):
        return False
    # the area word after the name, or ending it ("Soran district" read as one name)
    after = _AREA_WORD.match(text, end) is not None
    return after or _AREA_WORD_END.search(text, start, end) is not None


# "X neighbourhood, Y city", "X quarter, eastern Y": the level word says X is a quarter of the
# town named next, which holds it. (Not "X village, south Y": a village near a town may lie
# beyond it, and the town may be the coder's own choice of venue.)
_QUARTER_GAP = re.compile(
    r"\s+(?:neighbou?rhood|quarter|suburb)\s*,\s*(?:the\s+)?"
    r"(?:(?:north|south|east|west)\w*\s+|central\s+)?(?:(?:city|town)\s+of\s+)?",
    re.IGNORECASE,
)
# How far from the town holding it a quarter may lie (km).
QUARTER_KM = 15.0


def quarter_of_next(text: str, prev_end: int, start: int) -> bool:
    """Whether the name ending at ``prev_end`` is said to be a quarter of the one at
    ``start`` ("X neighbourhood, Y city", "X quarter, western Y", "the X neighbourhood of
    Y")."""
    return (
        _QUARTER_GAP.fullmatch(text, prev_end, start) is not None
        or _QUARTER_OF_GAP.fullmatch(text, prev_end, start) is not None
    )


# "X, Y" and nothing between: Y may be the city X lies in ("Mezzeh, Damascus") or the next
# place of a list ("Buhriz, Baqubah and Khalis").
_COMMA_GAP = re.compile(r"\s*,\s*")
_LIST_GAP = re.compile(r"\s*,\s*|\s*,?\s+and\s+")


def comma_gap(text: str, prev_end: int, start: int) -> bool:
    """Whether only a comma parts the name ending at ``prev_end`` from the one at ``start``."""
    return _COMMA_GAP.fullmatch(text, prev_end, start) is not None


def list_gap(text: str, prev_end: int, start: int) -> bool:
    """Whether the two names are parted as items of a list are ("X, Y", "X and Y")."""
    return _LIST_GAP.fullmatch(text, prev_end, start) is not None


_QUARTER_OF_GAP = re.compile(
    r"\s+(?:neighbou?rhood|quarter|suburb)\s+(?:of|in)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west)\w*\s+|central\s+)?(?:(?:city|town)\s+of\s+)?",
    re.IGNORECASE,
)


def bracket_after(text: str, end: int) -> tuple[int, int] | None:
    """The bracket opened right after the place ending at ``end`` ("X (Y, Z)", "X town (Y,
    Z)"): (its opening, its closing) offsets, None when there is none (or it stays open)."""
    m = _BRACKET_GAP.match(text, end)
    if m is None:
        return None
    close = text.find(")", m.end(), m.end() + _BRACKET_REACH)
    if close < 0 or "(" in text[m.end() : close]:
        return None
    return m.end() - 1, close


def in_bracket(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is one of a bracket's comma-separated names
    ("(Choman, Erbil)"): coders' areas around the place before the bracket."""
    if _IN_BRACKET_AFTER.match(text, end) is None:
        return False
    opened = text.rfind("(", max(0, start - _BRACKET_REACH), start)
    return (
        opened >= 0
        and ")" not in text[opened:start]
        and _LIST_BEFORE.fullmatch(text, opened + 1, start) is not None
    )


def bracket_last(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` closes a bracket of areas ("(Jebel Saman,
    Aleppo)", "the X countryside (Aleppo)"): coders put the governorate there."""
    return _CLOSES_BRACKET.match(text, end) is not None and in_bracket(text, start, end)


_CLOSES_BRACKET = re.compile(r"\s*\)")
_IN_BRACKET_AFTER = re.compile(r"\s*[,)]")
_LIST_BEFORE = re.compile(r"\s*(?:[^(),]+,\s*)*")
# How long a bracket of areas may be ("(Jisr-Ash-Shugur, Idleb)", "(Hajin, Abu Kamal,
# Deir-ez-Zor)").
_BRACKET_REACH = 90


def in_named_area(text: str, prev_end: int, start: int, prev_start: int | None = None) -> bool:
    """Whether only ", " or " in (the) " stands between two names ("X in Jabal al-Zawiya",
    "X, Eastern Ghouta", "X, in the western Y desert" after no reference point): the second
    may be the area holding the first, its kind decides."""
    return _area_gap(text, prev_end, start, prev_start)


def restated(text: str, prev_end: int, start: int) -> bool:
    """Whether nothing but a comma or "the" stands between two names (of one place, for the
    caller to check: "the Iraqi capital Baghdad")."""
    return _RESTATED_GAP.fullmatch(text, prev_end, start) is not None


# A place named as the point a distance is measured from: "120 km northeast of Y", "50 miles
# from the capital Y". It says where something lies, never what holds it.
_DISTANCE_BEFORE = re.compile(
    r"\d[\d,.]*\s*(?:-\s*)?(?:km|kilomet(?:er|re)s?|miles?)\s+(?:[a-z]+\s+){0,2}(?:of|from)\s+"
    r"(?:the\s+)?(?:(?:[A-Z][\w'’]*\s+)?capital,?\s+)?$",
    re.IGNORECASE,
)


def distance_reference(text: str, start: int) -> bool:
    """Whether the place starting at ``start`` is the point a distance is given from."""
    lo = max(0, start - 60)
    if _DIGIT.search(text, lo, start) is None:  # (most places: no number before them)
        return False
    return _DISTANCE_BEFORE.search(text, lo, start) is not None


_DIGIT = re.compile(r"\d")


# A place set off by a distance and direction from a place named right after it, or as near
# it: "X, 45 miles southwest of Y", "X, a village some 20 kilometres north of Y", "X, near Y",
# "X, outside Y". Groups: the distance, its unit, the direction (none for "near").
_STATED_POINT_GAP = re.compile(
    r"\s*,?\s*(?:an?\s+(?:[\w-]+\s+){0,2}?(?:town|village|city|suburb|area|hamlet|settlement)"
    r"\s+)?(?:(?:some|about|around|roughly|approximately|nearly|almost|just)\s+)?"
    r"(?:(\d[\d,]*(?:\.\d+)?)\s*(?:-\s*)?(km|kilomet(?:er|re)s?|miles?)\s+(?:to\s+the\s+)?"
    r"((?:north|south)(?:[- ]?(?:east|west))?|east|west)\s+(?:of|from)"
    r"|near|outside|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?",
    re.IGNORECASE,
)
_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
             "southwest": 225, "west": 270, "northwest": 315}  # fmt: skip
# How far the namesake a stated point picks may lie from it: half the stated distance plus
# this (km), the distances news give being rounded and measured from a city's edge or by road;
# for "near Y" / "outside Y", this far from Y.
POINT_SLACK_KM = 15.0
NEAR_KM = 30.0


def stated_point(text: str, end: int) -> tuple[int, float, float | None] | None:
    """When the name ending at ``end`` is set off by a stated distance and direction from the
    next name, or as near it (``_STATED_POINT_GAP``): (where that name starts, the distance in
    km, the bearing in degrees, None for "near"); else None."""
    m = _STATED_POINT_GAP.match(text, end)
    if m is None:
        return None
    if m.group(1) is None:
        return m.end(), 0.0, None
    km = float(m.group(1).replace(",", "")) * (1.609 if m.group(2).lower()[:1] == "m" else 1.0)
    return m.end(), km, float(_BEARINGS[re.sub(r"[- ]", "", m.group(3).lower())])


def point_from(p: Place, km: float, bearing: float | None) -> tuple[dict, float] | None:
    """The point ``km`` from ``p`` toward ``bearing`` (``p`` itself when None) and how far a
    place may lie from it to be the one meant (``POINT_SLACK_KM``, ``NEAR_KM``); None when
    ``p`` has no point."""
    if p.latitude is None or p.longitude is None:
        return None
    if bearing is None:
        return {"latitude": p.latitude, "longitude": p.longitude}, NEAR_KM
    b = math.radians(bearing)
    lat = p.latitude + km * math.cos(b) / 111.2
    lon = p.longitude + km * math.sin(b) / (111.2 * math.cos(math.radians(p.latitude)))
    return {"latitude": lat, "longitude": lon}, km * 0.5 + POINT_SLACK_KM
