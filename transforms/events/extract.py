"""Per-document extraction of attack reports (one row per attack a sentence describes).

How a document is read, sentence by sentence (spans from ``transforms.sentences``):

1. Each sentence is cut into clauses (commas, semicolons, dashes); a clause matching a reason in
   ``rules.NOT_ATTACK`` (aggregate, disaster, foiled, threat, offensive, withdrawal, escape,
   relocation, judicial, commemoration, reaction, graves, history) is dropped, and so is a whole
   sentence dated only in years well before publication (history), unless it is the
   document's lead telling its day (a note exported years later reports that day), or counting
   a spell of violence (``rules.VIOLENCE_TALLY``: "1,300 were killed in the violence"). After
   the lead of a story that told a toll, a sentence naming only provinces, regions or countries,
   with no toll, count, day of its own or "also", is background (``_background_area``). What
   remains is "live". A sentence that only tells the open group's one attack again, with no
   toll of its own, in its report's governorate ("The attackers opened fire near the village
   of X") adds no report.
2. A live sentence with an attack predicate is one of
   - a *claim* ("claimed responsibility for two attacks", no place): opens a group of N attacks
     carrying date, perpetrator, attribution, target and any toll it states;
   - a *detail* (an attack at one or more places): one report per distinct place (a place and
     the coarser places holding it are one place); it joins the open group (inheriting what it
     does not say itself) unless it states another date or "another" attack;
   - a *toll* (casualties, no place): the group's shared toll (restating it: the larger
     stands; telling victims on top of it, "two drivers were also killed": added);
   - an *agent* (a named armed group attacking, no place, toll or count: "IS fighters executed
     a shepherd"): one attack, where the text does not say.
   Who did it (``_Doc._actors``): actor1 the agent, never an actor in a target's place; actor2
   the other side; a clash told as mutual has no perpetrator, its sides actor1 and actor2. A
   perpetrator named later in the passage reaches the reports before it.
   A group closes ``rules.CLUSTER_WINDOW`` sentences after its last related sentence.
3. A closed group with no detail yields N place-less reports (N <= ``rules.MAX_LISTED_ATTACKS``)
   quoting the claim. A toll stated for the whole group is copied to a report only when the
   group holds one attack; with several, what the reports stating their own toll leave is
   divided evenly among the places of the others (``split_evenly``, ACLED's rule: ``low=0``,
   ``best`` the share, ``high`` the total), never copied into each (summing would double it).
   Places sharing one clause share its toll the same way.
4. Dates: a sentence's own date (``dates.find_dates``); anaphora ("the day before", "two days
   after") resolve against the group's date when the sentence refers back to the attacks, else
   against the last date the article mentioned. No date in text: the group's; else the
   document's publication, as the week ending on it (``date_method = 'publication'``, ACLED's
   practice: the attack happened on or shortly before the report); with no publication date,
   null (the merge step dates it by corroboration). A claim's day
   only bounds the attack (the week ending on it); a later sentence saying when the attack
   happened ("The attack took place the day before", ``rules.ATTACK_TIME``) gives its day,
   counted from the claim's day.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from transforms.entities import places as placing
from transforms.entities.keys import name_key
from transforms.events import classify, rules, series
from transforms.events.casualties import (
    Casualties,
    Range,
    adds_to_earlier,
    bomber_death,
    count_casualties,
    died_of_wounds,
    larger,
)
from transforms.events.dates import DateRef, find_dates, latest_explicit_day
from transforms.sentences import sentence_spans

# The body of a victim told before found ("his body was found", "the victim's body was
# recovered"; not "the bodies of two men were found": new dead).
_TOLD_BODY_FOUND = re.compile(
    r"\b(?:his|her|their|the|its)\s+(?:[\w-]+['’]s?\s+)?(?:bod(?:y|ies)|corpses?|remains)\s+"
    r"(?!of\b)(?:\w+\s+){0,3}?(?:was|were|had\s+been|have\s+been)\s+(?:\w+ly\s+|later\s+|"
    r"then\s+)?(?:found|discovered|recovered|retrieved|dumped)\b",
    re.IGNORECASE,
)
# The attackers, arms or victims of an attack told already: "The gunmen fled", "the
# assailants opened fire", "the shells hit the village of X", "the victim was shot", "the IS
# militants attacked the outpost near X" (a group's name before them).
_TOLD_BEFORE = re.compile(
    r"\bthe\s+(?:(?-i:[A-Z][\w-]*)\s+)?(?:attackers?|assailants?|gunm[ae]n|bombers?|militants|"
    r"shells|rockets|missiles|mortar\s+rounds|bomb|car\s+bomb|car|truck|device|drone|"
    r"(?:land)?mines?|IEDs?|explosives|charges?|vests?|victims?)\b|"
    # the attack told, named as one of a series: "it was the third bombing in the town this
    # month", "the raid marks the second such assault in a week" ("a second bomb went off"
    # is another attack: no copula names the one told)
    r"\b(?:was|is|marks|marked|became|becomes)\s+(?:also\s+)?the\s+(?:second|third|fourth|"
    r"fifth|sixth|latest|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,2}?(?:attacks?|assaults?|"
    r"bombings?|bombs?|blasts?|explosions?|strikes?|airstrikes?|ambush(?:es)?|shootings?|"
    r"incidents?)\b",
    re.IGNORECASE,
)
# Places in no one governorate (a river, a region across several, a country): in a sentence
# telling the attack again ("searching orchards along the Tigris when the device exploded")
# they are where it was, said more coarsely, not a second venue.
_NO_VENUE_OF_ITS_OWN = frozenset({"region", "country"})
# Text between a place and the bearing that locates it, with no second place joined by "and"
# or a new clause ("near X, in the Y district west of Z"; not "near X and west of Z").
_ONE_STRETCH = re.compile(r"(?:(?!\band\b|\bor\b|[;.])[^\n]){0,80}", re.IGNORECASE)
# The other side answering the attack told before ("opposition fighters responded by shelling
# ...", "in retaliation"): its act is not done by the attack's perpetrator.
_ANSWER = re.compile(
    r"\b(?:responded|retaliat\w*|in\s+response\s+to|hit\s+back|returned\s+fire)\b", re.IGNORECASE
)
# "another" before a number counts more people ("another 55 were wounded"), not another act.
_COUNTS = "|".join(sorted((w for w in rules.NUMBER_WORDS if w[0] != "a"), key=len, reverse=True))
_ANOTHER_ACT = re.compile(
    rf"\b(?:also|then|later|another(?!\s+(?:\d|(?:{_COUNTS})\b))|afterwards)\b", re.IGNORECASE
)
_CLAUSE = re.compile(r",\s+|;\s+|\s+[—–-]{1,2}\s+|:\s+")
_YEARISH = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
# A clause saying who reported it: "according to ..." or ending in a reporting verb. In two
# anchored parts: a search over the whole clause for a match only its ends can hold is slow.
_SOURCE_START = re.compile(r"\s*according\s+to\b", re.IGNORECASE)
_SOURCE_END = re.compile(r"\b(?:said|says|told|reported|confirmed|added)\W*$", re.IGNORECASE)
_SOURCE_VERB_MAX = 9  # letters in the longest verb of _SOURCE_END
# Lower-case substrings one of which every source clause holds.
_SOURCE_STEMS = ("according", "said", "says", "told", "reported", "confirmed", "added")
# A clause that is only the span of time a tally covers ("Since 29 April", "over the past
# years", "so far this year"): set off by commas, it still spans the whole sentence.
_TALLY_SPAN = re.compile(
    r"[\s•*-]*(?:and\s+)?(?:since\s+(?!then\b)[\w' -]{1,40}|so\s+far(?:\s+this\s+\w+)?|"
    r"over\s+the\s+(?:past|last)\s+[\w -]{1,30}|in\s+recent\s+(?:days|weeks|months|years)|"
    r"to\s+date|(?:so\s+far\s+)?this\s+year|now\s+in\s+its\s+\w+\s+year)\s*[.]?\s*",
    re.IGNORECASE,
)
# Between a name and its abbreviation in brackets: "the Syrian Democratic Forces (SDF)".
_BRACKETED = re.compile(r"\s*\(\s*")
# A clause going on with the one before: a participle or a relative ("..., killing hundreds"),
# or a part of the people it counted ("documented the deaths of 42 people in March, 27 of them
# killed in assassinations": the tally's, no attack of its own).
_CONTINUATION = re.compile(
    r"(?:killing|wounding|injuring|leaving|which|who|(?:in|during)\s+which|"
    r"(?:[\d,]+|[a-z]+)\s+of\s+(?:them|whom)(?!\s+(?:were\s+)?(?:said|says|told)))\b",
    re.IGNORECASE,
)
_PROVINCE_AFTER = re.compile(r"^\s+(?:province|governorate)\b", re.IGNORECASE)
_DISTRICT_AFTER = re.compile(r"^\s+district\b", re.IGNORECASE)
_PLACE_TYPES = frozenset({"place"})
_PERP_TYPES = frozenset({"armed_group"})
# ('source': a place naming who reports, read here: "Baghdad Today", "our correspondent in X")
# ('firm': a place heading a firm's name, "Dana Gas", when the document names another place)
# ('unit': a place in an armed unit's name, "the X Military Council", "Faylaq al-X", likewise)
# ('office': the seat of a victim's office, "a member of the X Provincial Council", likewise)
_NOT_VENUE = frozenset({"dateline", "metonym", "source", "firm", "unit", "office"})
# "a market in the capital": the capital of the country the document is about ("the capital of
# Anbar province", "the capital's governor" name no national capital).
_IN_THE_CAPITAL = re.compile(
    r"\b(?:in|at|near|inside|across|outside|around)\s+(?:\w+\s+){0,3}?(?:of\s+)?"
    r"(the\s+(?:\w+\s+)?capital)\b(?!\s+(?:of|city\s+of)\b|['’])",
    re.IGNORECASE,
)
# "in the city's X neighborhood", "near the town's main market": a part of the town told
# before (not "the town's governor"; nor "in the city" alone, which may mean another).
_THE_TOWN = re.compile(
    r"\b(?:in|at|near|inside|outside|across|around)\s+(the\s+(?:city|town))['’]s\s+"
    r"(?!governor|mayor|council|police|officials?|residents|people|authorities)\w",
    re.IGNORECASE,
)
# At most this many characters between a place and the one holding it ("X neighbourhood in
# western Y"): the reach of ``placing.holds_previous``.
_HELD_GAP = 60


# How much of a sentence holding an attack word is read (``_Doc._may_report``).
_SKIM, _AGENT, _FULL = 0, 1, 2
_NO_TOLL = Casualties(None, None)


def _no_toll(tolls: Casualties) -> bool:
    return tolls.killed is None and tolls.wounded is None


def _complements(own: Casualties, tolls: Casualties) -> bool:
    """``tolls`` states nothing, or only the kind a stated toll ``own`` lacks (the wounded of
    a toll of dead)."""
    return _no_toll(tolls) or (
        not _no_toll(own)
        and (tolls.killed is None or own.killed is None)
        and (tolls.wounded is None or own.wounded is None)
    )


def _joined(own: Casualties, tolls: Casualties) -> Casualties:
    """A report's toll with the kinds ``tolls`` adds (``_complements``)."""
    if _no_toll(tolls):
        return own
    return own._replace(
        killed=tolls.killed if own.killed is None else own.killed,
        wounded=tolls.wounded if own.wounded is None else own.wounded,
    )


def _tolled(report: dict[str, Any]) -> bool:
    """The report states a toll of its own (read from its sentence, or final once its group
    closed)."""
    own = report.get("_own")
    if own is not None:
        return not _no_toll(own)
    return report["killed_best"] is not None or report["wounded_best"] is not None


def _has_toll(g: Group) -> bool:
    """The group states a toll already (its own or one of its reports')."""
    return (
        g.killed is not None
        or g.wounded is not None
        or any(not _no_toll(r["_own"]) for r in g.reports)
    )


class Mention(NamedTuple):
    """A place or actor mention (a tuple: built in bulk with ``Mention._make``)."""

    start: int
    end: int
    surface: str
    entity_id: str | None
    place_id: str | None
    entity_type: str
    role: str | None = None  # 'dateline' | 'metonym' | None (from entity detection)


@dataclass
class Group:
    """Attacks one passage talks about (a claim and the sentences detailing it)."""

    count: int | None = None
    date: DateRef | None = None
    perpetrator_id: str | None = None
    # the first side of a clash told as mutual ("clashes between A and B"), which names no
    # perpetrator: ACLED's actor1 all the same
    actor1: str | None = None
    actor2: str | None = None  # the other side (an actor attacked, or the other party to a clash)
    attribution: str = "unattributed"
    target: str | None = None
    killed: Range | None = None
    wounded: Range | None = None
    perpetrators_killed: int = 0
    bomber_died: bool = False  # a suicide bomber set off the charge (``bomber_death``)
    several: bool = False  # its toll was told of several attacks together (a series' total)
    # victims stated on top of the ones already told ("two drivers were also killed")
    more_killed: Range | None = None
    more_wounded: Range | None = None
    # the hurt told before who died of their wounds: killed, no longer wounded
    wounds_fatal: int = 0
    last_sentence: int = -1
    claim_span: tuple[int, int] | None = None
    claim_sentence: int = -1
    reports: list[dict[str, Any]] = field(default_factory=list)
    # the same reports by (perpetrator_id, attribution): news of who did the attacks updates
    # whole buckets, never every report again (a passage repeating one sentence stays linear)
    by_actor: dict[tuple[str | None, str], list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, report: dict[str, Any]) -> None:
        self.reports.append(report)
        key = (report["perpetrator_id"], report["attribution"])
        self.by_actor.setdefault(key, []).append(report)


def report_id(doc_id: str, start: int, end: int, ordinal: int = 0) -> str:
    """Deterministic id of a report: its document and character span (and ordinal in it)."""
    key = f"{doc_id}:{start}:{end}:{ordinal}".encode()
    return "rep_" + hashlib.sha1(key).hexdigest()[:16]


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)
def _unsourced(text: str) -> str:
    """``text`` without its clauses saying who reported it ("..., a local official said")."""
    clauses = _CLAUSE.split(text)
    if not rules.hit(_SOURCE_STEMS, text.lower()):
        return ", ".join(clauses)  # no clause can name a source
    return ", ".join(c for c in clauses if not _names_source(c))


def _names_source(clause: str) -> bool:
    """The clause says who reported it ("according to police", "..., an official said")."""
    if _SOURCE_START.match(clause):
        return True
    # The verb ends where the clause's last word character does (\W: not alnum, not "_").
    k = len(clause)
    while k and not (clause[k - 1].isalnum() or clause[k - 1] == "_"):
        k -= 1
    return _SOURCE_END.search(clause, max(0, k - _SOURCE_VERB_MAX)) is not None


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out, pos = [], s
    for m in _CLAUSE.finditer(text, s, e):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if e > pos:
        out.append((pos, e))
    return out


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)
def _clause_reasons(
    sentence: str, published: date | None, dated: bool
) -> tuple[tuple[int, int, str | None], ...]:
    """The sentence's clauses (offsets in it), each with why it reports no attack (None: it
    may). ``dated``: the sentence may name a year, so its dates can make a clause history."""
    if not dated:  # no dates: only the wording can make a clause no attack
        wording = classify.wording_reason
        return tuple(
            (cs, ce, wording(sentence[cs:ce])) for cs, ce in _clauses(sentence, 0, len(sentence))
        )
    dates = find_dates(sentence, published)
    out = []
    for cs, ce in _clauses(sentence, 0, len(sentence)):
        cdates = [d for d in dates if cs <= d.start < ce]
        out.append((cs, ce, classify.not_attack_reason(sentence[cs:ce], cdates, published)))
    return tuple(out)


def _combine(a: Range | None, b: Range | None) -> Range | None:
    """Two statements of one group's toll: the widest range both allow, the larger best (a
    later sentence usually updates the toll: "the death toll rose to 9")."""
    if a is None or b is None:
        return a or b
    high = None if a[2] is None or b[2] is None else max(a[2], b[2])
    bests = [x for x in (a[1], b[1]) if x is not None]
    return (min(a[0], b[0]), max(bests) if bests else None, high)


def _report_tolls(own: Casualties, g: Group, n: int, share: Casualties) -> Casualties:
    """A report's toll: its own sentence's, else its ``share`` of the group's (when the group
    holds several attacks); one attack's statements across sentences keep the larger. A report
    of only wounded killed nobody: killed ``(0, 0, None)`` (zero, with no bound stated)."""
    if n <= 1:
        killed = larger(
            _statement(own.killed, own.perpetrators_killed),
            _statement(g.killed, g.perpetrators_killed),
        )
        wounded = _less(_sum(_combine(own.wounded, g.wounded), g.more_wounded), g.wounds_fatal)
        k_range, perps = (killed[0], killed[1]) if killed else (None, 0)
        k_range = _sum(k_range, g.more_killed)
        k_range, perps = bomber_death(k_range, perps, own.bomber_died or g.bomber_died)
    else:
        k_range = own.killed or share.killed
        wounded = own.wounded or share.wounded
        perps = own.perpetrators_killed or 0
    if k_range is None and wounded is not None:
        k_range = (0, 0, None)
    if k_range is None or not perps:
        return Casualties(k_range, wounded, None)
    if k_range[2] is not None:
        perps = min(perps, k_range[2])
    return Casualties(k_range, wounded, perps)


def _of_wounds(g: Group, tolls: Casualties, text: str) -> int:
    """How many of the hurt the group told before the clause ``text`` says died of their
    wounds ("one of them later died of his wounds": ``died_of_wounds``); 0 when none, or
    when the clause counts wounded of its own."""
    hurt = g.wounded is not None or any(r["_own"].wounded is not None for r in g.reports)
    if tolls.killed is None or tolls.wounded is not None or not hurt or not died_of_wounds(text):
        return 0
    return tolls.killed[1] if tolls.killed[1] is not None else tolls.killed[0]


def _less(r: Range | None, n: int) -> Range | None:
    """A toll less ``n`` of its victims (counted elsewhere), never below zero."""
    if r is None or not n:
        return r
    best = None if r[1] is None else max(r[1] - n, 0)
    return (max(r[0] - n, 0), best, None if r[2] is None else max(r[2] - n, 0))


def _sum(a: Range | None, b: Range | None) -> Range | None:
    """Two tolls of different victims: their sum (either alone when the other is unknown)."""
    if a is None or b is None:
        return a or b
    best = None if a[1] is None or b[1] is None else a[1] + b[1]
    high = None if a[2] is None or b[2] is None else a[2] + b[2]
    return (a[0] + b[0], best, high)


def _statement(r: Range | None, perps: int | None) -> tuple[Range, int] | None:
    return None if r is None else (r, perps or 0)


def split_evenly(total: Range | None, n: int) -> list[Range | None]:
    """A toll stated for ``n`` attacks together, as each one's share (ACLED's rule for a total
    reported over several events: divided evenly, the remainder to the first): best the share,
    low 0 and high the total (the true split is unknown). The shares add up to the total."""
    if total is None or n <= 1:
        return [total] * max(n, 1)
    if not total[1]:  # unknown, or nothing left to share: at most the total
        return [(0, None, total[2])] * n
    q, r = divmod(total[1], n)
    return [(0, q + (1 if k < r else 0), total[2]) for k in range(n)]


def _rest(total: Range | None, stated: list[Range | None], told_last: bool) -> Range | None:
    """What a group's toll leaves to the attacks that state none: the total less the best
    figures the others state (never below zero). A toll smaller than those figures, of
    attacks ``told_last`` (after every one stating its own), is theirs: "a car bomb killed
    14 in X. Attacks in Y and Z killed 6" (no total of all, which would be 20)."""
    if total is None or total[1] is None:
        return total
    given = sum(r[1] or 0 for r in stated if r is not None)
    if not given or (told_last and total[1] < given):
        return total
    return (0, total[1] - given if total[1] > given else None, total[2])


def _shares(g: Group, owns: list[Casualties], n: int) -> list[Casualties]:
    """Each report's share of the group's toll (none when the group holds one attack)."""
    if n <= 1:
        return [Casualties(None, None)] * len(owns)
    killed, wounded = (_kind_shares(g, owns, kind) for kind in ("killed", "wounded"))
    return [Casualties(k, w) for k, w in zip(killed, wounded, strict=True)]


def _kind_shares(g: Group, owns: list[Casualties], kind: str) -> list[Range | None]:
    """What the reports stating their own toll of ``kind`` leave of the group's, split evenly
    among the places of those that state none (``split_evenly``): reports of one place are one
    attack's and take one share; a place with a toll of its own takes none (that attack)."""
    stated = [getattr(o, kind) for o in owns]
    # (a country holds many attacks: only a place in a governorate makes reports one attack's)
    places = [r["place_id"] if r["admin1"] else None for r in g.reports]
    told = {p for p, st in zip(places, stated, strict=True) if st is not None and p}
    silent = [i for i, st in enumerate(stated) if st is None and places[i] not in told]
    keys = list(dict.fromkeys(places[i] or i for i in silent))
    out: list[Range | None] = [None] * len(owns)
    if not keys:
        return out
    said = [g.reports[i]["sentence_no"] for i, st in enumerate(stated) if st is not None]
    last = not said or min(g.reports[i]["sentence_no"] for i in silent) > max(said)
    rest = _rest(getattr(g, kind), stated, last)
    parts = dict(zip(keys, split_evenly(rest, len(keys)), strict=True))
    for i in silent:
        out[i] = parts[places[i] or i]
    return out


def _segment_tolls(text: str, segments: list[tuple[int, int, Any]]) -> list[Casualties]:
    """Each place's toll from its segment of the sentence (``_shared_tolls`` for the places
    sharing one). Segments that overlap hold places of one clause (the first also took the
    clauses before it: "On Monday, car bombs killed 30 in X and 12 in Y"): they share the
    span of both, as places of a clause with nothing before it do (30 and 12, never 30 each)."""
    spans = _joined_overlaps([(s, e) for s, e, _ in segments])
    shares: dict[tuple[int, int], list[Casualties]] = {}
    out: list[Casualties] = []
    for k, span in enumerate(spans):
        if span not in shares:
            sharing = [segments[j][2][0] for j, other in enumerate(spans) if other == span]
            shares[span] = _shared_tolls(text, span, sharing)
        out.append(shares[span][spans[:k].count(span)])
    return out


def _joined_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans ending together, one inside the other (the first took the clauses before the
    clause both places are in), widened to their union (spans come in text order). A span
    reaching past another's end keeps its own: the clauses after the one holding both places
    are the last place's ("In X town in Y, two were killed": Y's)."""
    out = list(spans)
    k = 0
    while k < len(out):
        j = k
        start, end = out[k]
        while j + 1 < len(out) and out[j + 1][0] < end and out[j + 1][1] == end:
            j += 1
            start = min(start, out[j][0])
        out[k : j + 1] = [(start, end)] * (j + 1 - k)
        k = j + 1
    return out


def _shared_tolls(text: str, span: tuple[int, int], places: list[Any]) -> list[Casualties]:
    """The tolls of the places sharing one segment: each its own when each place's stretch of
    it states one ("three were killed in X and one was wounded in Y": ``_own_tolls``), else
    the segment's toll split evenly ("bombs in X and Y killed eight": ``split_evenly``), never
    each the whole."""
    got = count_casualties(text[span[0] : span[1]])
    if len(places) == 1:
        return [got]
    own = _own_tolls(text, span[0], span[1], places)
    if own is not None:
        return own
    killed, wounded = split_evenly(got.killed, len(places)), split_evenly(got.wounded, len(places))
    return [Casualties(k, w, None) for k, w in zip(killed, wounded, strict=True)]


def _own_tolls(text: str, s: int, e: int, places: list[Any]) -> list[Casualties] | None:
    """The toll of each place sharing the segment ``[s, e)``, when the segment parted after
    each place ("three were killed in X and one was wounded in Y") or before each
    ("a bomb in X killed two and another in Y killed one") states one in every part."""
    ends = [m.end for m in places[:-1]]
    # (before a place, at the "and" or comma opening its part: "... two people | and another
    # in Y killed one")
    starts = [_part_opening(text, a.end, b.start) for a, b in zip(places, places[1:], strict=False)]
    for cuts in (ends, starts):
        bounds = [s, *cuts, e]
        parts = [count_casualties(text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
        if cuts is ends:
            parts = [
                _elided_toll(text, bounds[k], bounds[k + 1], bounds[k - 1]) if k and _no_toll(p)
                else p
                for k, p in enumerate(parts)
            ]  # fmt: skip
        if all(p.killed is not None or p.wounded is not None for p in parts):
            return parts
    return None


# A part whose verb is left out after the part before it ("killed 100 in X and 48 in Y"): a
# count (a numeral or a word in lower case: never a name, "and Tartus in ..."), then where, as
# "and 48 in Y", "and two others at Y".
_ELIDED = re.compile(
    r"\s*,?\s*(?:and\s+)?(?:(?:at\s+least|more\s+than|some|another)\s+)?"
    r"(?:\d[\d,]*|(?!and\b)[a-z]+)(?:\s+[a-z]+)?\s+(?:in|at)\s"
)
_LAST_TOLL_VERB = re.compile(
    r".*\b(killed|killing|kills|wounded|wounding|injured|injuring)\b", re.IGNORECASE | re.DOTALL
)


def _elided_toll(text: str, a: int, b: int, before: int) -> Casualties:
    """The toll of ``text[a:b]`` read with the verb of the part before it (from ``before``)
    when it leaves the verb out ("... killed 100 in X | and 48 in Y": 48 killed)."""
    verb = _LAST_TOLL_VERB.match(text, before, a) if _ELIDED.match(text, a, b) else None
    if verb is None:
        return _NO_TOLL
    rest = text[a:b].lstrip(" ,")
    return count_casualties(f"{verb.group(1)} {rest.removeprefix('and ')}")


_PART_OPENING = re.compile(r".*(?:,\s*|\band\b|;\s*)", re.DOTALL)


def _part_opening(text: str, after: int, start: int) -> int:
    """Where the part of a sentence telling the place at ``start`` opens: at the last "and",
    comma or semicolon after ``after`` (the place before it), else at the place."""
    m = _PART_OPENING.match(text, after, start)
    return m.end() - (3 if m.group(0).endswith("and") else 0) if m else start


class _SliceLower:
    """``text.lower()`` sliced per request when whole-text lowering would shift offsets."""

    def __init__(self, text: str):
        self.text = text

    def __getitem__(self, key: slice) -> str:
        return self.text[key].lower()


class _Doc:
    """State of one document's reading."""

    def __init__(
        self,
        doc: dict[str, Any],
        mentions: list[Mention],
        places: dict[str, dict],
        headline: list[Mention] | tuple[Mention, ...] = (),
    ):
        self.doc_id: str = doc["doc_id"]
        text = doc.get("text")
        self.text: str = text if isinstance(text, str) else ""  # None: nothing to read
        title = doc.get("title")
        self.title: str = title if isinstance(title, str) else ""
        self.headline = headline if self.title else ()  # mentions with spans into the title
        pub = doc.get("published_date")
        self.pub: date | None = pub if isinstance(pub, date) else None
        # a coder's row dated by its event date (no publication): that day is the event's
        self.coded = doc.get("published_date_method") == rules.CODED_PUBLICATION
        self.places = places
        ordered = sorted(mentions, key=lambda m: m.start)
        self.mentions = _firm_heads_aside(self.text, _sources_aside(self.text, ordered), places)
        self.starts = [m.start for m in self.mentions]
        self.reports: list[dict[str, Any]] = []
        self.group: Group | None = None
        self.spans = sentence_spans(self.text)
        low = self.text.lower()
        # Lower-casing may change lengths (rare letters): then offsets need per-slice lowering.
        self.low = low if len(low) == len(self.text) else _SliceLower(self.text)
        self._dates: dict[int, list[DateRef]] = {}
        # The last group's date and precision, kept after it closes.
        self.attacks_date: DateRef | None = None
        # Totals of series told after their attacks: the toll and the reports it sums.
        self.totals: list[tuple[Casualties, list[dict[str, Any]]]] = []
        # Totals of attacks over a land told before them: the toll, its sentence, and whether
        # it names the attacks as others than those told ("other attacks across the country").
        self.firsts: list[tuple[Casualties, int, bool]] = []

    # --- helpers ---------------------------------------------------------------------------


    def _mentions_in(self, spans: list[tuple[int, int]]) -> list[Mention]:
        out = []
        for s, e in spans:
            k = bisect.bisect_left(self.starts, s)
            while k < len(self.mentions) and self.mentions[k].start < e:
                out.append(self.mentions[k])
                k += 1
        return out

    def _place_of(self, m: Mention, text: str | None = None) -> dict | None:
        """The gazetteer row of a place mention (in ``text``, the body by default); "X
        province" read as the governorate X, "X district" (X a town) as the district named
        after X that holds it ("Shatra district": Al-Shatra District, not the town of Shatra;
        but "the Zahra district of Homs" is a quarter, X)."""
        p = self.places.get(m.place_id or "")
        if p is None:
            return None
        text = self.text if text is None else text
        after = text[m.end : m.end + 15]
        if p["precision"] != "governorate" and _PROVINCE_AFTER.match(after):
            gov = self.places.get(f"gov:{p.get('admin1')}")
            if gov is not None:
                return gov
        surface = text[m.start : m.end]
        named = surface[:-9] if surface.lower().endswith(" district") else None
        if p["precision"] == "town" and (named or _DISTRICT_AFTER.match(after)):
            # ("X district" after the name, or inside the span read as the town)
            district = self.places.get(f"district:{p.get('admin1')}:{p.get('admin2')}")
            if district is not None and _namesake(district, p, named or surface):
                return district
        return p

    def _place_groups(self, spans: list[tuple[int, int]]) -> list[tuple[Mention, dict]]:
        """Distinct attack places in ``spans``: finest first, coarser ones holding it dropped."""
        found: list[tuple[Mention, dict]] = []
        cands = [m for m in self._mentions_in(spans) if m.entity_type in _PLACE_TYPES]
        # Nested or repeated spans name one place: the longest reading wins ("As-Suwayda
        # desert" over the "As-Suwayda" inside it). (A lone candidate holds no other.)
        if len(cands) > 1:
            cands = [
                m
                for m in cands
                if not any(
                    o is not m
                    and o.start <= m.start
                    and m.end <= o.end
                    and (o.end - o.start > m.end - m.start or cands.index(o) < cands.index(m))
                    for o in cands
                )
            ]
        if len(cands) > 1:
            cands = self._restatements_dropped(cands, self.text)
        for m in cands:
            # The reporter's dateline and a capital standing for its government are no venue.
            if m.entity_type not in _PLACE_TYPES or m.role in _NOT_VENUE:
                continue
            p = self._place_of(m)
            if p is None or p["precision"] == "country":
                continue
            if placing.road_far_end(self.text, m.start, m.end):
                continue  # "the Deir ez-Zor - Palmyra road": the road starts at the first
            if self.text.startswith(("'s", "’s"), m.end) and not _possessive_venue(
                self.text, m.end, p
            ):
                continue  # "the Kurdistan Region's counter-terrorism service": an owner
            found.append((m, p))
        if found and all(_no_venue(self.text, m) for m, _ in found):
            return []
        found = _without_road_ends(self.text, found)
        found = _without_far_ends_between(self.text, found)
        found = _without_bodies_found(self.text, found)
        if len(found) > 1:
            # Places named as reference points or as the area holding another ("near X",
            # "north of Baghdad", "the Karrada neighbourhood of Baghdad") are no second venue
            # beside a place named as the venue.
            # Nor is an area holding such a reference point ("near X (Y governorate)": around
            # X), nor a country-wide region ("near X in Y province in the Kurdistan Region").
            refs = self._references(found, spans)
            points = [q for m, q in found if id(m) in refs]
            venue = [
                (m, p)
                for m, p in found
                if id(m) not in refs
                and not any(_holds(p, q) for q in points)
                and not (points and _countrywide(p))
            ]
            if not venue:
                # all reference points ("near X", "the Y countryside"): never where the fire
                # came from ("forces stationed in X (Hama) shelled ... the Idleb countryside")
                fired = [
                    (m, p) for m, p in found if _origin_beside_venue(self.text, m, found, spans)
                ]
                # (and when the others all hold it, never where fire was sent from: "shells
                # fired from Y hit X, south of Z" with Z's district holding Y is Z. Other
                # origins then stand: "shelled X from Y" is labelled Y where X is unknown.)
                sent = [o for o, _ in fired if placing.fire_origin(self.text, o.start, o.end)]
                found = [
                    (m, p)
                    for m, p in found
                    if all(m is not o and not _holds(p, q) for o, q in fired)
                ] or [(m, p) for m, p in found if all(m is not o for o in sent)]
            found = venue or self._located_first(found)
        kept = _finest(found)
        # Country-wide regions ("northern Syria") only stand when nothing finer is named.
        fine = [(m, p) for m, p in kept if not _countrywide(p)]
        return sorted(fine or kept, key=lambda t: t[0].start)

    def _located_first(self, found: list[tuple[Mention, dict]]) -> list[tuple[Mention, dict]]:
        """Places that are all reference points ("near the village of X, in the Y district
        west of Z"), without those a bearing is taken from to locate a place named before
        them in the same stretch of text (Z: it says where X lies; "near X and west of Z"
        names two areas; an area holding Z, "Salah al-Din: ... west of Samarra", or a place
        in no governorate, "the Euphrates neighbourhood, southwest of Baghdad" read as the
        river, locates nothing)."""
        kept = [
            (m, p)
            for m, p in found
            if not (
                placing.bearing_reference(self.text, m.start)
                and any(
                    o.end <= m.start
                    and q.get("admin1")
                    and not _holds(q, p)
                    and _ONE_STRETCH.fullmatch(self.text, o.end, m.start)
                    for o, q in found
                )
            )
        ]
        return kept or found

    def _restatements_dropped(self, cands: list[Mention], text: str) -> list[Mention]:
        """Place mentions (in ``text``'s order) without those naming no venue of their own
        beside their neighbour: an owner ("Baghdad's Sadr City": Baghdad), a locator ("Dora,
        south Baghdad", "X, 40 km north of Y": Y), an area holding it ("X town, Y district",
        "X (Y, Z)": Y) and a place named again right away ("the Iraqi capital Baghdad")."""
        drop = self._bracketed_areas(cands, text)
        for k in range(1, len(cands)):
            a, b = cands[k - 1], cands[k]
            if a.end > b.start:
                continue
            if a.place_id == b.place_id and placing.restated(text, a.end, b.start):
                drop.add(k)
                continue
            pa, pb = self._place_of(a, text), self._place_of(b, text)
            if pa is None or pb is None or _countrywide(pa) or _countrywide(pb):
                continue
            if "country" in (pa["precision"], pb["precision"]):
                continue
            if placing.owns_next(text, a.end, b.start):
                # (a place read outside its owner's governorate is misread: the owner stays)
                drop.add(k - 1 if pa.get("admin1") == pb.get("admin1") else k)
                continue
            if placing.names_area(text, a.end, b.start, b.end, a.start) or _region_then_governorate(
                text, a.end, b.start, pa, pb
            ):
                drop |= _area_named(k, pa, pb)
                continue
            if pb["precision"] == "town" and placing.quarter_of_next(text, a.end, b.start):
                # "X neighbourhood, Y city": Y holds X; an X read as an area, or far from Y,
                # is misread (the Kirkuk governorate's old name for a Ramadi quarter): Y stays
                fits = pa["precision"] == "town" and _within_km(pa, pb, placing.QUARTER_KM)
                if not (fits and _larger(pa, pb)):  # ("the Damascus suburb of Jaramana")
                    drop.add(k if fits else k - 1)
                    continue
            if self._city_after_comma(cands, k, pa, pb):
                drop.add(k)  # "Mezzeh, Damascus": the city holding the town named first
                continue
            if self._district_of_city(cands, k, pa, pb):
                drop.add(k - 1)  # "in Adhamiya, Baghdad city": the city's own district
                continue
            if _seat_for_governorate(text, a.end, b, pa, pb):
                drop.add(k)  # "X district, Erbil.": the governorate, by its seat's name
                continue
            if (
                _region(pb)
                and placing.in_named_area(text, a.end, b.start, a.start)
                and _within_km(pa, pb, REGION_KM)
            ):
                # "X in Jabal al-Akrad": the region holds the village, whichever governorate
                # the village is in (regions straddle their lines)
                drop.add(k)
                continue
            reach = placing.locator_reach(text, a.end, b.start)
            if reach is not None and not placing.destination(text, a.start):
                # (where the people struck were going is located by nothing after it:
                # "walking to X on the road near Y" was struck near Y)
                # a located place outside the area, or far beyond the distance, the locator
                # states is misread: the locator stays
                drop.add(k if _may_lie(pa, pb, reach) else k - 1)
        return [m for k, m in enumerate(cands) if k not in drop] if drop else cands

    def _city_after_comma(self, cands: list[Mention], k: int, pa: dict, pb: dict) -> bool:
        """``cands[k]`` is a city named after a comma to say where the smaller town before it
        lies: the town within ``placing.QUARTER_KM`` of it ("in Mezzeh, Damascus, a car bomb
        ..."), or in the governorate the city is the seat of, which it names ("Tarmiyah,
        Baghdad"); neither name an item of a list ("Buhriz, Baqubah and Khalis" names three)."""
        text, a, b = self.text, cands[k - 1], cands[k]
        if not placing.comma_gap(text, a.end, b.start) or not _city(pb) or _larger(pa, pb):
            return False
        if pa["precision"] != "town":
            return False
        seat = pb.get("feature_code") in _SEAT_CODES and pa.get("admin1") == pb.get("admin1")
        if not seat and not _within_km(pa, pb, placing.QUARTER_KM):
            return False
        before = k > 1 and placing.list_gap(text, cands[k - 2].end, a.start)
        after = k + 1 < len(cands) and placing.list_gap(text, b.end, cands[k + 1].start)
        return not (before or after)

    def _district_of_city(self, cands: list[Mention], k: int, pa: dict, pb: dict) -> bool:
        """``cands[k - 1]`` is read as a district and ``cands[k]`` is a city of its governorate
        named after a comma with the word "city" ("in Adhamiya, Baghdad city": a district of
        the city, one venue, the city, whose point says more than the district's, which reaches
        into the countryside). "Tarmiyah, Baghdad" (no "city": the governorate) and items of a
        list ("Adhamiya, Baghdad city and Taji") are no such pair."""
        text, a, b = self.text, cands[k - 1], cands[k]
        if pa["precision"] != "district" or pb["precision"] != "town" or not _city(pb):
            return False
        if pa.get("admin1") != pb.get("admin1") or not placing.comma_gap(text, a.end, b.start):
            return False
        if _CITY_WORD_AFTER.match(text, b.end) is None:
            return False
        before = k > 1 and placing.list_gap(text, cands[k - 2].end, a.start)
        after = k + 1 < len(cands) and placing.list_gap(text, b.end, cands[k + 1].start)
        return not (before or after)

    def _references(
        self, found: list[tuple[Mention, dict]], spans: list[tuple[int, int]]
    ) -> set[int]:
        """The ids of the mentions in ``found`` named as reference points, as areas holding
        another place, or as where the fire came from beside a venue of their clause."""
        return {
            id(m)
            for m, _ in found
            if self._named_as_reference(m) or _origin_beside_venue(self.text, m, found, spans)
        }

    def _bracketed_areas(self, cands: list[Mention], text: str) -> set[int]:
        """Indexes of the places named in a bracket of areas right after a place, below its
        governorate ("X (Y, Z)", "X town (Y, Z)": Y is X's district or subdistrict, never a
        second venue). A bracket of several names is one of areas only when its last names a
        governorate or a country, or is a governorate's seat ("(Mahmoudiya, Baghdad)"); a
        bracket listing villages ("(A, B)") is no such thing."""
        drop: set[int] = set()
        for k, a in enumerate(cands[:-1]):
            span = placing.bracket_after(text, a.end)
            if span is None:
                continue
            inner = [j for j in range(k + 1, len(cands)) if span[0] < cands[j].start < span[1]]
            read = [self._place_of(cands[j], text) for j in inner]
            places = [p for p in read if p is not None]
            pa = self._place_of(a, text)
            if not places or len(places) < len(read) or pa is None or pa["precision"] != "town":
                continue  # (a name read only as its governorate holds what its bracket says)
            last = places[-1]
            areas = last["precision"] in ("governorate", "country") or (
                last.get("feature_code") in _SEAT_CODES
            )
            if len(places) > 1 and not areas:
                continue
            # Ending in the village's own governorate, the bracket names areas only: a name
            # in it read as a town elsewhere misreads one ("(Al Ma'ra, Idleb)" is no Mari of
            # Aleppo). Else one read in another governorate than the village is kept.
            own = areas and last["precision"] != "country"
            own = own and last.get("admin1") == pa.get("admin1")
            drop.update(
                j
                for j, p in zip(inner, places, strict=True)
                if (own or p.get("admin1") == pa.get("admin1"))
                and p["precision"] != "governorate"
                and p["place_id"] != pa["place_id"]
            )
        return drop

    def _named_as_reference(self, m: Mention) -> bool:
        """The place is named as a reference point or as the area holding another place (one
        named just before it: "the Karrada district of Baghdad"; when the name before was no
        place, "the market area of Baghdad", Baghdad is the venue)."""
        if placing.relative(self.text, m.start, m.end):
            return True
        if self._names_larger_first(m):
            return True
        if not placing.holds_previous(self.text, m.start):
            return False
        k = bisect.bisect_left(self.starts, m.start) - 1
        if k < 0 or self.mentions[k].entity_type not in _PLACE_TYPES:
            return False
        if m.start - self.mentions[k].end > _HELD_GAP:
            return False
        # "the Baghdad suburb of X": the larger place comes first, X is the venue
        return not _larger(self.places.get(self.mentions[k].place_id or ""), self._place_of(m))

    def _names_larger_first(self, m: Mention) -> bool:
        """``m`` is the larger place named first as holding the next ("the Baghdad suburb of
        X", "the Damascus suburb of Y"): the area, not the venue."""
        k = bisect.bisect_right(self.starts, m.start)
        if k >= len(self.mentions) or self.mentions[k].entity_type not in _PLACE_TYPES:
            return False
        nxt = self.mentions[k]
        return (
            nxt.start - m.end <= _HELD_GAP
            and placing.holds_previous(self.text, nxt.start)
            and _larger(self._place_of(m), self._place_of(nxt))
        )

    def _sole_place(self) -> tuple[Mention, dict] | None:
        """The document's one venue finer than a country (``_one_venue``: its places nested
        in one another, else the one governorate holding them all), datelines, governments and
        owners aside; else None. Computed once.

        When the body names no such place, the headline's one venue, if its country is not
        one the body contradicts ("Car bomb kills five in Raqqa" over a body that only says
        "a car bomb exploded in a market"): a place-less report takes it."""
        if not hasattr(self, "_sole_venue"):
            body = self._venues(self.mentions, self.text)
            self._headline_venue = None
            if not body and self.headline:
                self._headline_venue = self._headline_place()
            self._sole_venue = self._one_venue(body) or self._headline_venue
        return self._sole_venue

    def _one_venue(self, found: dict[str, tuple[Mention, dict]]) -> tuple[Mention, dict] | None:
        """The one place ``found`` (``_venues``) comes to: the finest when they nest ("Sadr
        City" and "Baghdad"), else the governorate holding them all, with the first one's
        words ("Mosul" and "Tal Afar": Nineveh); None when they lie in several."""
        kept = _finest(list(found.values()))
        if len(kept) <= 1:
            return kept[0] if kept else None
        if len({(p.get("country_code"), p.get("admin1")) for _, p in kept}) > 1:
            return None
        gov = self.places.get(f"gov:{kept[0][1].get('admin1')}")
        first = min((m for m, _ in kept), key=lambda m: m.start)
        return (first, gov) if gov is not None else None

    def _headline_place(self) -> tuple[Mention, dict] | None:
        found = self._one_venue(
            self._venues(sorted(self.headline, key=lambda m: m.start), self.title)
        )
        if found is None:
            return None
        m, p = found
        country = self._country((0, 0))
        if country is not None and country[1].get("country_code") != p.get("country_code"):
            return None  # the body is about another country
        return m, p

    def _venues(self, mentions: list[Mention], text: str) -> dict[str, tuple[Mention, dict]]:
        """place_id -> (first mention, place) of the places finer than a country that
        ``mentions`` (spans into ``text``) name as a venue (never where fire was sent from:
        ``placing.fire_origin``)."""
        found: dict[str, tuple[Mention, dict]] = {}
        mentions = [m for m in mentions if m.entity_type in _PLACE_TYPES]
        for m in self._restatements_dropped(mentions, text):
            if m.role in _NOT_VENUE:
                continue
            if placing.fire_origin(text, m.start, m.end):
                continue  # "shells fired from Y hit X": never a venue, not even the only place
            p = self._place_of(m, text)
            if p is None or p["precision"] == "country" or not p.get("admin1"):
                continue
            if text.startswith(("'s", "’s"), m.end) and not _possessive_venue(text, m.end, p):
                continue
            found.setdefault(p["place_id"], (m, p))
        return found

    def _capital_said(
        self, s: int, e: int, country: tuple[Mention, dict] | None
    ) -> tuple[Mention, dict] | None:
        """ "in the capital" in ``text[s:e]``: the capital of ``country`` (the document's),
        with those words as its mention; never "the capital of Anbar province"."""
        if country is None or "capital" not in self.low[s:e]:
            return None
        said = _IN_THE_CAPITAL.search(self.text, s, e)
        capital = self.places.get(f"capital:{country[1].get('country_code')}")
        if said is None or capital is None:
            return None
        a, b = said.span(1)
        return Mention(a, b, self.text[a:b], None, capital["place_id"], "place"), capital

    def _country(self, span: tuple[int, int]) -> tuple[Mention, dict] | None:
        """The country of a place-less attack: named in its sentence, else the one the
        document names most (capitals standing for governments and datelines aside); only a
        country named as where something happened ("in Iraq", ``placing.country_venue``), never
        one in another role ("a US soldier", "spying for the United States")."""
        counts: dict[str, int] = {}
        first: dict[str, Mention] = {}
        for m in self.mentions:
            p = self.places.get(m.place_id or "")
            if m.entity_type not in _PLACE_TYPES or m.role in _NOT_VENUE or p is None:
                continue
            if p["precision"] != "country" or not placing.country_venue(self.text, m.start):
                continue
            if span[0] <= m.start < span[1]:
                return m, p
            counts[p["place_id"]] = counts.get(p["place_id"], 0) + 1
            first.setdefault(p["place_id"], m)
        if not counts:
            return None
        pid = max(sorted(counts), key=lambda k: counts[k])
        return first[pid], self.places[pid]

    def _perpetrator(
        self, sent: tuple[int, int], live: list[tuple[int, int]], claim: bool
    ) -> str | None:
        """The attack's agent (``_actors``' first)."""
        return self._actors(sent, live, claim)[0]

    def _actors(
        self, sent: tuple[int, int], live: list[tuple[int, int]], claim: bool
    ) -> tuple[str | None, str | None, str | None]:
        """(perpetrator, actor2, actor1) of the attack the sentence describes (the whole
        sentence when it is a claim, else its live clauses). The perpetrator is the agent: the
        first armed group not in a target's position, else a state actor that is the attack's
        agent (or, in a claim, its claimant); actor2 the other side: an actor in a target's
        position, or the other party named to a clash. A clash told as mutual ("clashes
        between A and B", "A and B exchanged fire") names no perpetrator: A is actor1 and B
        actor2, in the order written; actor1 is otherwise the perpetrator."""
        spans = [sent] if claim else live
        text = self.text
        claims = claim and rules.CLAIM.search(text, sent[0], sent[1]) is not None
        groups: list[str] = []  # armed groups acting
        states: list[str] = []  # state actors acting
        others: list[str] = []  # actors attacked
        sides: list[str] = []  # parties a clash is said to be between, in the order written
        by: list[str] = []  # actors named as the agent of a noun ("an ambush by IS")
        last: Mention | None = None
        mentions = self._actor_mentions(spans)
        for m in mentions:
            if not m.entity_id:
                continue  # (for the type checker: every actor mention has its id)
            named, last = last, m
            if named is not None and named.entity_id == m.entity_id and _BRACKETED.fullmatch(
                text, named.end, m.start
            ):
                continue  # "the Syrian Democratic Forces (SDF)": the name again, where it stood
            if self._clash_side(sent, m):
                if m.entity_id not in sides:
                    sides.append(m.entity_id)
            elif rules.AGENT_BY.search(text, max(0, m.start - 12), m.start):
                by.append(m.entity_id)
            if classify.accuser(text, m.end) or (not claims and classify.speaker(text, m.end)):
                continue
            if classify.controller(text, m.start) or classify.supporter(text, m.start):
                continue
            if classify.side_hit(text, m.start, m.end):
                others.append(m.entity_id)
            elif m.entity_type in _PERP_TYPES:
                groups.append(m.entity_id)
            elif rules.STATE_AGENT_AFTER.match(
                text, m.end, min(len(text), m.end + 60)
            ) or rules.STATE_AGENT_BEFORE.search(text, max(0, m.start - 12), m.start):
                states.append(m.entity_id)
        if len(sides) < 2:
            sides = self._sides_pair(mentions)
        if len(sides) >= 2:
            # "an ambush by IS led to clashes between the army and IS": the side that
            # attacked, named apart from the clash, first, and the perpetrator
            first = next((a for a in by if a in sides), None)
            other = next(a for a in sides if a != (first or sides[0]))
            return first, other, first or sides[0]
        actor1 = groups[0] if groups else states[0] if states else None
        if actor1 is None:
            actor1 = self._state_unnamed(sent, spans, claim)
        actor2 = next((a for a in [*others, *groups, *states] if a != actor1), None)
        if actor1 is not None and not by and not claim and self._clash_opens(spans, mentions):
            return None, actor2, actor1  # "clashes between government forces and jihadists"
        return actor1, actor2, actor1

    def _clash_opens(self, spans: list[tuple[int, int]], mentions: list[Mention]) -> bool:
        """The spans tell a clash between sides ("clashes between government forces and
        jihadists killed 25") before any actor they name: told as mutual, though only one
        side is an actor we know, it has no perpetrator. An actor named acting before it
        ("IS attacked the post, and clashes between them and the army followed") stays."""
        if not rules.hit(rules.CLASH_STEMS, self.low[spans[0][0] : spans[-1][1]]):
            return False
        for s, e in spans:
            m = rules.CLASH_BETWEEN.search(self.text, s, e)
            if m is not None:
                return all(a.start > m.start() for a in mentions)
        return False

    def _state_unnamed(
        self, sent: tuple[int, int], spans: list[tuple[int, int]], claim: bool
    ) -> str | None:
        """A state actor as the agent where no actor is named acting: by its arms ("a Turkish
        drone strike", "regime forces shelled"), or, in a claim, the state claiming it
        ("Coalition forces said its forces had carried out the strike")."""
        text = self.text
        by_arms = classify.state_by_arms(text, spans) or self._unnamed_army(spans)
        if by_arms is not None or not claim:
            return by_arms
        if not rules.CLAIM_STRONG.search(text, sent[0], sent[1]) or classify.is_no_claim(
            text[sent[0] : sent[1]]
        ):
            return None
        for m in self._mentions_in([sent]):
            if m.entity_id and m.entity_type in rules.STATE_TYPES:
                return m.entity_id
        return None

    def _sides_pair(self, mentions: list[Mention]) -> list[str]:
        """The two actors a clash is told of as a pair, in the order written ("the SDF and the
        SNA exchanged shelling", "KDP Peshmerga and PKK fighters clashed"); none when not."""
        text = self.text
        for a, b in zip(mentions, mentions[1:], strict=False):
            if a.entity_id == b.entity_id or not a.entity_id or not b.entity_id:
                continue
            if rules.SIDES_AND.fullmatch(text, a.end, b.start) and rules.SIDES_VERB.match(
                text, b.end, min(len(text), b.end + 60)
            ):
                return [a.entity_id, b.entity_id]
        return []

    def _actor_mentions(self, spans: list[tuple[int, int]]) -> list[Mention]:
        """The spans' mentions of armed groups and state actors, but for one named only to
        describe the actor named next ("the al-Qaeda-linked HTS": HTS)."""
        named = [
            m
            for m in self._mentions_in(spans)
            if m.entity_id
            and (m.entity_type in _PERP_TYPES or m.entity_type in rules.STATE_TYPES)
        ]
        describing = {
            m.start
            for m, nxt in zip(named, named[1:], strict=False)
            if classify.describes_next(self.text, m.end, nxt.start)
        }
        return [m for m in named if m.start not in describing]

    def _unnamed_army(self, spans: list[tuple[int, int]]) -> str | None:
        """The army of the country of the spans' first place (of the document's, when they
        name none) when they name a state's forces without the state ("regime": Syria's)."""
        said = classify.unnamed_state_forces(self.text, spans)
        if said is None:
            return None
        found = [m for m in self._mentions_in(spans) if m.place_id] or [
            m for m in self.mentions if m.place_id and m.role is None
        ]
        for m in found:
            country = (self.places.get(m.place_id or "") or {}).get("country_code")
            if country in rules.ARMY_OF_COUNTRY and (said != "regime" or country == "SY"):
                return rules.ARMY_OF_COUNTRY[country]
        return None

    def _clash_side(self, sent: tuple[int, int], m: Mention) -> bool:
        """``m`` is one of the sides a clash is said to be between ("clashes between the army
        and IS")."""
        s = sent[0]
        if not rules.hit(rules.CLASH_STEMS, self.low[s : m.start]):
            return False
        return rules.CLASH_BETWEEN.search(self.text, max(s, m.start - 80), m.start) is not None

    # --- reading ---------------------------------------------------------------------------

    def close_group(self) -> None:
        g = self.group
        self.group = None
        if g is None:
            return
        # Place-less attacks need substance: who did it or what it cost ("an earlier attack"
        # in a photo caption is no report).
        substance = (
            g.perpetrator_id is not None
            or g.actor1 is not None
            or g.killed is not None
            or g.wounded is not None
        )
        if (
            not g.reports
            and substance
            and g.count
            and g.count <= rules.MAX_LISTED_ATTACKS
            and g.claim_span
        ):
            s, e = g.claim_span
            # one attack, no place in its sentences: "in the capital" of the country the
            # document puts it in; the one place the document names, if it comes to one;
            # else its country
            country = self._country((s, e))
            country = (
                self._capital_said(s, self.spans[g.last_sentence][1], country)
                or (self._sole_place() if g.count == 1 else None)
                or country
            )
            for k in range(g.count):
                g.add(self._report(s, e, k, g.claim_sentence, country, None, g, None))
        n = max(len(g.reports), g.count or 0)
        final = g.date if g.date is not None and g.date.value is not None else None
        owns: list[Casualties] = [r.pop("_own") for r in g.reports]
        if n > 1:  # victims told on top of the others are the group's, to share
            g.killed = _sum(g.killed, g.more_killed)
            g.wounded = _less(_sum(g.wounded, g.more_wounded), g.wounds_fatal)
        for r, own, share in zip(g.reports, owns, _shares(g, owns, n), strict=True):
            self._settle_date(r, final)
            killed, wounded, perps, _ = _report_tolls(own, g, n, share)
            r["killed_low"], r["killed_best"], r["killed_high"] = killed or (None, None, None)
            r["wounded_low"], r["wounded_best"], r["wounded_high"] = wounded or (None, None, None)
            r["perpetrators_killed"] = perps
            if killed or wounded:
                r["confidence"] = min(1.0, r["confidence"] + rules.CONFIDENCE_BONUS["casualties"])
            self.reports.append(r)

    def _settle_date(self, r: dict[str, Any], final: DateRef | None) -> None:
        """A report's date as its group closes: dates learnt later in the passage (the day
        after the claim's week) reach the reports that took the group's date or only had the
        claim's; with no date in the text (or a month or year holding the publication day,
        "January 2016 Iraq attacks:" published on 11 January, which says no more), the attack
        happened on or shortly before the report (ACLED's practice): the week ending on the
        publication day; on a coder's row dated by its event date, that day."""
        if final is not None and (
            r.pop("_from_group")
            or (
                r["date_precision"] == "week"
                and final.precision == "day"
                and _same_time(final, _as_ref(r))
            )
        ):
            r["event_date"], r["date_precision"] = final.value, final.precision
            r["date_method"] = final.method
        r.pop("_from_group", None)
        i = r["sentence_no"]
        story = self._story_day(i, self._new_item(i)) if r["event_date"] is None else None
        if story is not None:
            r["event_date"], r["date_precision"] = story.value, "day"
            r["date_method"] = story.method
        if self.pub is not None and (r["event_date"] is None or _dated_no_finer_than(r, self.pub)):
            r["event_date"], r["date_precision"] = self.pub, rules.PUBLICATION_PRECISION
            r["date_method"] = "publication"
            if self.coded:  # a coder's own day for the row, no publication's week
                r["date_precision"], r["date_method"] = "day", "coded"

    def _older_than_told(self, g: Group, own: DateRef | None) -> bool:
        """The open group's attacks were placed with no day, and the sentence states a time
        ending before the story's days ("In May, a wave of car bombs killed 70", in a July
        story): an older attack of its own, which lends the attacks told before it no date."""
        if own is None or own.value is None or self.pub is None:
            return False
        if not g.reports and not _has_toll(g):
            return False
        if g.date is not None and g.date.value is not None:
            return False
        last = own.value
        if own.precision == "month":
            last = (last.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        elif own.precision == "year":
            last = last.replace(month=12, day=31)
        return last < self.pub - timedelta(days=rules.STORY_DAYS)

    def _new_item(self, i: int) -> bool:
        """Sentence ``i`` opens a new item of the story (``rules.NEW_ITEM``: "Separately, ...")."""
        s, e = self.spans[i]
        return rules.NEW_ITEM.match(self.text[s:e]) is not None

    def _story_day(self, i: int, lead: bool = False) -> DateRef | None:
        """The day the story told before sentence ``i`` is about: the last day it gave
        ("Airstrikes killed 31 across Syria on Wednesday", "That effort suffered another blow
        on Thursday"), within ``rules.STORY_DAYS`` before publication, a statement's or a
        claim's day aside. An attack told after it with no day of its own happened then, as a
        roundup's or a wire story's later paragraphs do, not in the publication's week. For a
        new item (``lead``: "Separately, a roadside bomb ..."), the first such day: the lead's,
        not a background's told between ("On Wednesday, a car bomb killed 64" recalled)."""
        if self.pub is None:
            return None
        order = range(i) if lead else range(i - 1, -1, -1)
        for j in order:
            for d in self.dates_of(j) if lead else reversed(self.dates_of(j)):
                if (
                    d.value is not None
                    and d.precision == "day"
                    and d.method in ("explicit", "relative")
                    and not d.anaphoric  # ("the previous day": another thing's day)
                    and 0 <= (self.pub - d.value).days <= rules.STORY_DAYS
                    and not _statement_date(self.text, d)
                    and not _claim_date(self.text, d)
                ):
                    return d
        return None

    def _report(
        self,
        s: int,
        e: int,
        ordinal: int,
        sentence_no: int,
        place: tuple[Mention, dict] | None,
        seg_text: str | None,
        g: Group,
        own: Casualties | None,
        date_ref: DateRef | None = None,
        perp: str | None = None,
        attribution: str | None = None,
    ) -> dict[str, Any]:
        text = seg_text if seg_text is not None else self.text[s:e]
        # Who reported it ("..., a local security official said") is not whom it hit.
        text = _unsourced(text) or text
        weapon = classify.weapon_of(text)
        target = classify.target_of(text) or g.target
        etype, sub = classify.event_type_of(weapon, target, classify.type_cues(text))
        from_group = date_ref is None or date_ref.value is None
        d = g.date if from_group else date_ref
        if not perp and not _ANSWER.search(text) and not _told_elsewhere(g, place, own):
            perp, attribution = g.perpetrator_id, g.attribution  # the group attributed it
        if not perp:
            attribution = "unattributed"
        actor1 = perp or g.actor1
        actor2 = g.actor2 if g.actor2 != actor1 else None
        conf = rules.CONFIDENCE_BASE
        conf += rules.CONFIDENCE_BONUS["place"] if place else 0.0
        conf += rules.CONFIDENCE_BONUS["date"] if d is not None and d.value else 0.0
        conf += rules.CONFIDENCE_BONUS["perpetrator"] if perp else 0.0
        m, p = place if place else (None, None)
        return {
            "report_id": report_id(self.doc_id, s, e, ordinal),
            "event_id": None,
            "doc_id": self.doc_id,
            "sentence_no": sentence_no,
            "char_start": s,
            "char_end": e,
            "quote": self.text[s:e],
            "event_type": etype,
            "sub_event_type": sub,
            "event_date": d.value if d is not None else None,
            "date_precision": d.precision if d is not None and d.value else None,
            "date_method": d.method if d is not None and d.value else None,
            "place_id": p["place_id"] if p else None,
            "location_text": m.surface if m else None,
            "admin1": p.get("admin1") if p else None,
            "geo_precision": self._geo_precision(m, p) if m and p else None,
            "perpetrator_id": perp,
            "actor1": actor1,
            "actor2": actor2,
            "attribution": attribution,
            "target": target,
            "weapon": weapon[0],
            "confidence": round(conf, 3),
            "_own": own or Casualties(None, None),
            "_from_group": from_group,
        }

    def _geo_precision(self, m: Mention, p: dict) -> str | None:
        """ACLED's code for the place: one finer than a governorate named as a reference
        point ("near X", "40 km east of X", "the X - Y road") or by an installation named
        after it ("X airbase") is ``2``, not ``1``."""
        code = rules.GEO_PRECISION.get(p["precision"])
        venue = getattr(self, "_headline_venue", None)
        text = self.title if venue is not None and m is venue[0] else self.text
        if code == "1" and (
            placing.relative(text, m.start, m.end) or placing.installation(text, m.end)
        ):
            return "2"
        return code

    def dates_of(self, i: int, anchor: date | None = None) -> list[DateRef]:
        """Date expressions of sentence ``i`` (document offsets), resolved against publication
        (and ``anchor`` for anaphora); cached when resolved without an anchor."""
        if anchor is None and i in self._dates:
            return self._dates[i]
        s, e = self.spans[i]
        out = [_shift(d, s) for d in find_dates(self.text[s:e], self.pub, anchor)]
        out = [d for d in out if not _since_time(self.text, s, d)]
        if anchor is None:
            self._dates[i] = out
        return out

    def lead(self) -> int | None:
        """The index of the document's first prose sentence (its lead); None without one."""
        if not hasattr(self, "_lead"):
            self._lead = next(
                (i for i, (s, e) in enumerate(self.spans) if _is_prose(self.text, s, e)), None
            )
        return self._lead

    def reference_date(self) -> date | None:
        """Undated articles: the latest explicit day they mention stands in for publication
        when telling history ("in 2015") from news."""
        if not hasattr(self, "_reference"):
            self._reference = latest_explicit_day(self.text)
        return self._reference

    def anchor_before(self, i: int) -> DateRef | None:
        """The last day, week or month the article gave before sentence ``i``."""
        for j in range(i - 1, -1, -1):
            for d in reversed(self.dates_of(j)):
                if d.value is not None and d.precision in ("day", "month", "week"):
                    return d
        return None

    def read_attribution(self, i: int) -> None:
        """A sentence about the open group's attacks that says who did them ("IS claimed
        responsibility for the attack", "officials suspect IS cells", "blamed X"): the
        perpetrator of the reports that lacked one, or a stronger attribution of the same."""
        g = self.group
        if g is None or i - g.last_sentence > rules.CLUSTER_WINDOW:
            return
        s, e = self.spans[i]
        sentence = self.text[s:e]
        if not classify.says_who(sentence):
            return
        perp = self._perpetrator((s, e), [(s, e)], True)
        if perp is None:
            return
        _attribute(g, perp, classify.attribution_of(sentence, True))
        g.last_sentence = i

    def read_attack_day(self, i: int) -> None:
        """A sentence about the open group's attacks that says when they happened ("The attack
        took place the day before", after "IS claimed responsibility on Sunday for an attack"):
        its day, inside the claim's week, is the attacks' day; the claim's day only bounds it.
        Told of attacks no sentence has dated yet ("Five were killed in a car bomb in X. The
        explosion occurred on Thursday ..."), its day is theirs."""
        g = self.group
        undated = g is not None and (g.date is None or g.date.value is None)
        if g is None or not (undated or (g.date and g.date.precision == "week")):
            return
        s, e = self.spans[i]
        if rules.ATTACK_TIME.search(self.text, s, e) is None:
            return  # "condemned on Sunday", "comes two days after ...": not the attack's day
        anchor = None if undated or g.date is None else g.date.value
        for d in self._attack_time_dates(i, anchor):
            if (
                d.value is not None
                and d.precision == "day"
                and (undated or (g.date is not None and _same_time(d, g.date)))
                and not _claim_date(self.text, d)
            ):
                g.date = d
                self.attacks_date = d
                return

    def _attack_time_dates(self, i: int, anchor: date | None) -> list[DateRef]:
        """Sentence ``i``'s dates, "the day before" told from the day a statement in it was made
        ("the ministry said on Saturday that the attack took place the day before": Friday),
        else from ``anchor`` (the claim's day); the statement's own day is never the attack's,
        nor the day of what it took place "a day after"."""
        dates = self.dates_of(i, anchor) if anchor is not None else self._resolved_dates(i)
        said = [d for d in dates if d.value is not None and _statement_date(self.text, d)]
        if said:
            dates = self.dates_of(i, said[0].value)
        return [d for d in dates if d.method != "other" and not _statement_date(self.text, d)]

    def _add_toll(self, g: Group, tolls: Casualties, text: str = "") -> None:
        told = g.reports or g.killed is not None or g.wounded is not None
        more_k, more_w = adds_to_earlier(text, tolls) if told and text else (False, False)
        fatal = _of_wounds(g, tolls, text) if told and text else 0
        g.wounds_fatal += fatal
        if more_k or fatal:
            g.more_killed = _sum(g.more_killed, tolls.killed)
        else:
            g.killed = _combine(g.killed, tolls.killed)
        if more_w:
            g.more_wounded = _sum(g.more_wounded, tolls.wounded)
        else:
            g.wounded = _combine(g.wounded, tolls.wounded)
        g.perpetrators_killed = max(g.perpetrators_killed, tolls.perpetrators_killed or 0)
        g.bomber_died = g.bomber_died or tolls.bomber_died
        g.several = g.several or (not _no_toll(tolls) and classify.names_several(text))

    def read_toll(self, i: int) -> None:
        """A sentence with no attack word stating a toll ("Fifteen people were injured.")
        after the open group's attack: the group's toll, from its live clauses."""
        g = self.group
        if g is None or i - g.last_sentence > rules.CLUSTER_WINDOW:
            return
        s, e = self.spans[i]
        sentence = self.text[s:e]
        has_year = ("19" in sentence or "20" in sentence) and _YEARISH.search(sentence) is not None
        reasons = _clause_reasons(sentence, self.pub if has_year else None, has_year)
        live = ", ".join(sentence[cs:ce] for cs, ce, reason in reasons if reason is None)
        live = _unsourced(live) if live else ""
        tolls = count_casualties(live) if live else Casualties(None, None)
        if _no_toll(tolls):
            self._add_reaction_toll(i)
            return
        if self._series_total(i, live, tolls, None):
            return
        self._add_toll(g, tolls, live)
        g.last_sentence = i

    def _sentence_toll(self, i: int, live_text: str) -> Casualties:
        """The toll sentence ``i`` states in its live clauses, else in its clauses of reaction
        when the open group has none ("mourns two officers martyred repelling an attack")."""
        tolls = count_casualties(live_text)
        if not _no_toll(tolls) or (self.group is not None and _has_toll(self.group)):
            return tolls
        mourned = self._reaction_toll(i)
        return tolls if _no_toll(mourned) else mourned._replace(bomber_died=tolls.bomber_died)

    def _reaction_toll(self, i: int) -> Casualties:
        """The toll stated in sentence ``i``'s clauses of reaction ("the ministry mourns two
        officers who were killed", "condemned the bombing that wounded five"): no attack of
        their own, but the count of the attack they react to."""
        s, e = self.spans[i]
        sentence = self.text[s:e]
        reasons = _clause_reasons(sentence, None, False)
        reactions = [sentence[cs:ce] for cs, ce, why in reasons if why == "reaction"]
        return count_casualties(", ".join(reactions)) if reactions else _NO_TOLL

    def _told_body_found(self, i: int, text: str, tolls: Casualties | None = None) -> bool:
        """``text`` (of sentence ``i``, naming no place of its own) tells the body of a victim
        told before found ("the victim's body was found the next day"): the death of the open
        group's victim (an abduction's), on its attack's day, not the finding's. Whether so."""
        g = self.group
        if g is None or _TOLD_BODY_FOUND.search(text) is None:
            return False
        tolls = count_casualties(text) if tolls is None else tolls
        if _no_toll(tolls):
            return False
        self._add_toll(g, tolls, text)
        g.last_sentence = i
        return True

    def _series_total(self, i: int, text: str, tolls: Casualties, count: int | None) -> bool:
        """Sentence ``i``, naming no place, states a total of the attacks told before it ("A
        total of 32 were killed in the four blasts", ``series.is_series_total``): kept to be
        counted once over their reports when the passage ends (``count_totals``), never as
        the last attack's toll nor as new attacks. Whether so: the reports of its window,
        the last ``count`` of them when it counts the attacks, are two or more, or one told
        as one of the ``count``."""
        if _no_toll(tolls) or not series.is_series_total(text):
            return False
        told = list(self.group.reports) if self.group is not None else []
        opened = len(told)
        earlier = [r for r in self.reports if r["sentence_no"] >= i - rules.CLUSTER_WINDOW]
        while earlier and (
            len(told) < count if count else (told and all(_tolled(r) for r in told))
        ):
            told.insert(0, earlier.pop())
        if not told or (len(told) < 2 and (count or 0) < 2):
            return False
        if len(told) == opened and count is None and not all(_tolled(r) for r in told):
            return False  # the open group's total, its silent attacks share it (close_group)
        self.totals.append((tolls, told))
        return True

    def total_told_first(self, i: int) -> None:
        """Sentence ``i`` states a toll of attacks over a land before telling them ("A wave
        of attacks across Iraq killed 93 people", ``series.told_first``): kept to be counted
        once over the reports the passage goes on to make (``count_totals``). Its clauses
        make no attack of their own (a tally's), so the toll would otherwise be lost."""
        s, e = self.spans[i]
        if "across" not in self.low[s:e] or not rules.has_casualty_word(self.low[s:e]):
            return
        sentence = self.text[s:e]
        reasons = _clause_reasons(sentence, None, False)
        text = series.told_first([sentence[cs:ce] for cs, ce, why in reasons if why == "aggregate"])
        if text is None:
            return
        tolls = count_casualties(_unsourced(text) or text)
        if not _no_toll(tolls):
            self.firsts.append((tolls, i, rules.OTHER_ATTACKS.search(text) is not None))

    def _parts_after(self, i: int) -> list[dict[str, Any]]:
        """The reports of the passage told from sentence ``i`` on: each within the window of
        the one before (or of ``i``), up to the next total told first."""
        later = sorted(
            (r for r in self.reports if r["sentence_no"] >= i), key=lambda r: r["sentence_no"]
        )
        starts = {k for _t, k, _o in self.firsts if k > i}
        parts: list[dict[str, Any]] = []
        last = i
        for r in later:
            k = r["sentence_no"]
            if k - last > rules.CLUSTER_WINDOW or any(i < j <= k for j in starts):
                break
            parts.append(r)
            last = k
        return parts

    def _rest_of_total(
        self, tolls: Casualties, i: int, after: list[dict[str, Any]], others: bool
    ) -> None:
        """A total told first (sentence ``i``) over fewer than two reports: the one report
        after it takes it when it states none of that kind (``series.spread``). A total of
        attacks named as ``others`` than the ones told ("Other attacks across the country
        killed 7", after the one detailed) is a roundup of the day: what a report after it
        leaves of it, or all of it, is one place-less attack of its own in the country the
        sentence names. Any other total over a land is a tally ("Bombings across the country
        killed 50"): nothing of its own."""
        rest: dict[str, Range | None] = {"killed": None, "wounded": None}
        for kind, total in (("killed", tolls.killed), ("wounded", tolls.wounded)):
            keys = (f"{kind}_low", f"{kind}_best", f"{kind}_high")
            if total is None or total[1] is None:
                continue
            part = None if not after or after[0][keys[0]] is None else after[0][keys[1]]
            if after and part is None or (after and (after[0][keys[0]], part) == (0, 0)):
                r = after[0]
                r[keys[0]], r[keys[1]], r[keys[2]] = 0, total[1], total[2]
            elif part is None:
                rest[kind] = total
            elif part < total[0]:
                rest[kind] = (0, total[1] - part, None if total[2] is None else total[2] - part)
        if not others or (rest["killed"] is None and rest["wounded"] is None):
            return
        s, e = self.spans[i]
        g = Group(count=1, claim_span=(s, e), claim_sentence=i, last_sentence=i)
        r = self._report(s, e, 0, i, self._country((s, e)), None, g, None)
        r.pop("_own")
        near = after or [o for o in self.reports if o["sentence_no"] < i][-1:]
        if near:  # the day of the attacks it is told with
            for key in ("event_date", "date_precision", "date_method"):
                r[key] = near[0][key]
            r.pop("_from_group", None)
        else:
            self._settle_date(r, None)
        killed = rest["killed"] or ((0, 0, None) if rest["wounded"] is not None else None)
        r["killed_low"], r["killed_best"], r["killed_high"] = killed or (None, None, None)
        wounded = rest["wounded"] or (None, None, None)
        r["wounded_low"], r["wounded_best"], r["wounded_high"] = wounded
        r["perpetrators_killed"] = None
        r["confidence"] = min(1.0, r["confidence"] + rules.CONFIDENCE_BONUS["casualties"])
        self.reports.append(r)

    def totals_over_parts(self) -> None:
        """A sentence's one report of several attacks with a toll ("Four car bombs in Baghdad
        killed 40"), followed in its passage by two or more reports all inside its place ("A car
        bomb killed 25 in Karrada ..."), is their total told first, as one over a land is
        (``total_told_first``): counted once over them, not an attack of its own."""
        for r in list(self.reports):
            i = r["sentence_no"]
            area = self.places.get(r["place_id"] or "")
            if area is None or not self._one_report_of_several(r):
                continue
            parts = self._parts_after(i + 1)  # (the reports of later sentences)
            if len(parts) < 2 or not all(
                _holds_here(area, self.places.get(o["place_id"] or "") or area) for o in parts
            ):
                continue
            self.reports.remove(r)
            killed, wounded = (
                None if r[f"{k}_low"] is None else (r[f"{k}_low"], r[f"{k}_best"], r[f"{k}_high"])
                for k in ("killed", "wounded")
            )
            self.firsts.append((Casualties(killed, wounded), i, False))

    def _one_report_of_several(self, r: dict[str, Any]) -> bool:
        """``r`` states a toll and is the one report of a sentence telling several attacks."""
        if r["killed_best"] is None and r["wounded_best"] is None:
            return False
        i = r["sentence_no"]
        if sum(o["sentence_no"] == i for o in self.reports) != 1:
            return False
        s, e = self.spans[i]
        return classify.names_several(self.text[s:e])

    def count_totals(self) -> None:
        """Each series' total counted once over the reports it sums (``series.spread``): a
        total told first over two or more reports told after it, as one told after them."""
        for tolls, i, others in self.firsts:
            after = self._parts_after(i)
            if len(after) > 1:
                self.totals.append((tolls, after))
            else:
                self._rest_of_total(tolls, i, after, others)
        for tolls, told in self.totals:
            for kind, total in (("killed", tolls.killed), ("wounded", tolls.wounded)):
                keys = (f"{kind}_low", f"{kind}_best", f"{kind}_high")
                parts = [None if r[keys[0]] is None else tuple(r[k] for k in keys) for r in told]
                # (a country holds many attacks: only a place in a governorate is one attack's)
                where = [r["place_id"] if r["admin1"] else None for r in told]
                shares = series.spread(total, parts, where)  # type: ignore[arg-type]
                for r, part in zip(told, shares, strict=True):
                    r[keys[0]], r[keys[1]], r[keys[2]] = part or (None, None, None)

    def _add_reaction_toll(self, i: int) -> None:
        """A reaction's toll is the open group's when its attack, told before, has none."""
        g = self.group
        if g is None or i - g.last_sentence > rules.CLUSTER_WINDOW or _has_toll(g):
            return
        tolls = self._reaction_toll(i)
        if not _no_toll(tolls):
            self._add_toll(g, tolls)
            g.last_sentence = i

    def read_sentence(self, i: int) -> None:
        """Read sentence ``i``, one that holds an attack word (the others only give dates)."""
        g = self.group
        if g is not None and i - g.last_sentence > rules.CLUSTER_WINDOW:
            self.close_group()
        read = self._live_reading(i)
        if read is None:
            return
        reading, live, live_text = read
        # Nothing to report without a place, a count of attacks or a toll: only keep the
        # open group alive when the sentence refers back to its attacks. (A sentence read only
        # for its armed group has none of them.)
        full = reading == _FULL
        tolls = self._sentence_toll(i, live_text) if full else _NO_TOLL
        places = self._outside_other_things(i, self._new_venues(live, tolls)) if full else []
        count = self._attack_count(live_text, places, tolls) if full else None
        if not places and self._series_total(i, live_text, tolls, count):
            return
        if not places and count is None and self._told_body_found(i, live_text, tolls):
            return
        s, e = self.spans[i]
        sentence = self.text[s:e]
        if places and rules.NEW_ITEM.match(sentence):
            self.close_group()  # a new item: its attack joins no passage told before
        claim = self._claims(s, e)
        perp, other, first = self._actors((s, e), live, claim)
        refers_back = _refers_back(sentence, count, live_text)
        if refers_back and self.group is None and _no_toll(tolls) and self._no_attack_before(i):
            return  # "The raids targeted hideouts in X": the arrests told before, no attack
        if not places and count is None and _no_toll(tolls):
            if refers_back or not self._acts_anew(s, e, perp or first, live_text):
                self._refer_back(i)
                return
            count = 1  # "IS fighters executed a shepherd": one attack, where not said
        own_date = self._told_apart(self._own_date(i, live, places))
        if self._background_area(i, places, tolls, count, own_date):
            self._refer_back(i)
            return  # "Iraqi forces have been hunting cells in the deserts of Anbar"
        attribution = classify.attribution_of(sentence, perp is not None)
        g = self._group_for(i, count, refers_back, own_date, not _no_toll(tolls))
        _attribute(g, perp, attribution)
        g.actor1, g.actor2 = g.actor1 or (first if perp is None else None), g.actor2 or other
        g.target = g.target or classify.target_of(_unsourced(live_text))
        if not places:
            self._add_group_toll(g, tolls, count, live_text, refers_back)
            return
        told = self._told_again(g, sentence, count, tolls, places)
        if told and not self._finer_than(g.reports[0], places):
            g.reports[0]["_own"] = _joined(g.reports[0]["_own"], tolls)
            return
        coarse = self._superseded(g) if told else None
        segments = self._segments(live, places)
        owns = _segment_tolls(self.text, segments) if len(places) > 1 else [tolls]
        if coarse is not None and len(places) == 1:
            owns = [_joined(coarse["_own"], tolls)]  # the coarser telling's toll, and this one's
        dated = self._segment_dates(i, live, segments, own_date)
        for k, ((seg_s, seg_e, place), own) in enumerate(zip(segments, owns, strict=True)):
            r = self._report(seg_s, seg_e, k, i, place, None, g, own, dated[k], perp, attribution)
            g.add(_with_weapon_of(r, coarse))

    def _live_reading(self, i: int) -> tuple[int, list[tuple[int, int]], str] | None:
        """How sentence ``i`` is read (``_may_report``), its live clauses and their text; None
        when it tells no attack of its own (skimmed, it may only refer back to the open group;
        with no live clause, its toll may be a reaction's)."""
        reading = self._may_report(i)
        if reading == _SKIM:
            if not self._told_body_found(i, self.text[slice(*self.spans[i])]):
                self._refer_back(i)
            return None
        live = self._live_clauses(i)
        if not live:
            self._add_reaction_toll(i)
            return None
        live_text = ", ".join(self.text[cs:ce] for cs, ce in live)
        return (reading, live, live_text) if classify.is_attack(live_text) else None

    def _segment_dates(
        self,
        i: int,
        live: list[tuple[int, int]],
        segments: list[tuple[int, int, tuple[Mention, dict]]],
        own_date: DateRef | None,
    ) -> list[DateRef | None]:
        """Each segment's date: the sentence's, unless a later place (or list of places) has a
        time told just before it, in its own clause or in a clause of time alone before it
        ("... a car bomb killed nine in X last month, and in April, a series of bombings in Y
        and Z killed 14": Y and Z in April). A time after a place stays the sentence's ("X was
        hit on Monday, and Y on Tuesday": as before)."""
        if len(segments) < 2:
            return [own_date] * len(segments)
        dates = [d for d in self._resolved_dates(i) if d.value is not None and d.method != "name"]
        out: list[DateRef | None] = []
        current = own_date
        for k, (seg_s, _seg_e, (m, _p)) in enumerate(segments):
            if k > 0 and seg_s != segments[k - 1][0]:  # a new place or list, not a list's item
                j = next(n for n, (cs, ce) in enumerate(live) if cs <= m.start < ce)
                lo = live[j][0]
                if j > 0 and not any(
                    live[j - 1][0] <= mm.start < live[j - 1][1] for _s, _e, (mm, _q) in segments
                ):
                    lo = live[j - 1][0]  # a clause of time alone before it: "and in April"
                lo = max(lo, segments[k - 1][2][0].end)
                told = [d for d in dates if lo <= d.start < m.start]
                current = told[-1] if told else own_date
            out.append(current)
        return out

    def _background_area(
        self,
        i: int,
        places: list[tuple[Mention, dict]],
        tolls: Casualties,
        count: int | None,
        own_date: DateRef | None,
    ) -> bool:
        """Sentence ``i``, after the lead of a story that told an attack's toll, names only
        provinces, regions or countries, with no toll, no count of attacks and no day of its
        own ("Iraqi forces have been hunting cells in the deserts of western Anbar", "its
        troops have carried out raids in the provinces of Quneitra and Daraa", "the group
        retook the province of Daraa this month"): the story's background, no attack of its own.
        (A lead naming only a province, or a later sentence with a toll, a day or a town,
        still reports one, and so does one telling something more, "also", "another", the
        other side's answer, "fighters responded by shelling positions in the Hama countryside",
        or a claim, "Amaq said the latest attacks targeted patrols in X province".)
        """
        if not places or count is not None or not _no_toll(tolls) or i == self.lead():
            return False
        if own_date is not None and own_date.value is not None and own_date.precision == "day":
            return False
        if not all(p.get("precision") in _BACKGROUND_AREAS for _m, p in places):
            return False
        s, e = self.spans[i]
        if _ANOTHER_ACT.search(self.text, s, e) or _ANSWER.search(self.text, s, e):
            return False  # "they had also fired missiles at X province", "responded by shelling"
        if self._claims(s, e):
            return False  # a claim's attacks are news: "Amaq said the attacks targeted ..."
        g = self.group
        return (g is not None and _has_toll(g)) or any(
            r["killed_best"] is not None or r["wounded_best"] is not None for r in self.reports
        )

    def _new_venues(
        self, live: list[tuple[int, int]], tolls: Casualties
    ) -> list[tuple[Mention, dict]]:
        """The live clauses' places (``_place_groups``), none when a sentence stating no toll
        only says where the venue told before lies ("the checkpoint, which is 100 km south of
        Baghdad": ``_locates_venue_told``)."""
        places = self._place_groups(live)
        if places and _no_toll(tolls) and self._locates_venue_told(places):
            return []
        return places or self._the_town_told(live)

    def _outside_other_things(
        self, i: int, places: list[tuple[Mention, dict]]
    ) -> list[tuple[Mention, dict]]:
        """``places`` but those named only in what the attack came "a day after" when that
        tells no attack ("The attack came a day after troops entered the town of X": no venue;
        "a day after a roadside bomb killed two in X" tells one)."""
        if not places:
            return places
        s, e = self.spans[i]
        cuts = []
        for d in self._resolved_dates(i):
            if d.method == "other" and s <= d.end <= e:
                comma = self.text.find(",", d.end, e)
                end = e if comma < 0 else comma
                if not classify.is_attack(self.text[d.end : end]):
                    cuts.append((d.end, end))
        return [(m, p) for m, p in places if not any(a <= m.start < b for a, b in cuts)]

    def _the_town_told(self, live: list[tuple[int, int]]) -> list[tuple[Mention, dict]]:
        """A sentence naming no place that names a part of "the city" or "the town" ("struck a
        cafe in the city's Tisseen neighborhood"): the town the document named last before it
        as a venue (datelines and other roles aside), with those words as its mention."""
        said = next(
            (hit for s, e in live if (hit := _THE_TOWN.search(self.text, s, e)) is not None),
            None,
        )
        if said is None:
            return []
        for m in reversed(self.mentions[: bisect.bisect_left(self.starts, said.start())]):
            p = self._place_of(m) if m.entity_type in _PLACE_TYPES else None
            if p is None or m.role in _NOT_VENUE or p["precision"] != "town":
                continue
            a, b = said.span(1)
            return [(Mention(a, b, self.text[a:b], None, p["place_id"], "place"), p)]
        return []

    def _locates_venue_told(self, places: list[tuple[Mention, dict]]) -> bool:
        """Every place of the sentence is a point a bearing is taken from ("the tanker exploded
        at the checkpoint, which is about 100 km south of Baghdad"), and a town the open group's
        attacks were told at lies as far from it as the text allows: the sentence says where
        that venue lies, it names no other ("another bomb went off 20 km south of Baghdad",
        after an attack 100 km away, is a new venue)."""
        g = self.group
        if g is None or not g.reports:
            return False
        told = [self.places.get(r["place_id"] or "") for r in g.reports]
        towns = [p for p in told if p is not None and p["precision"] not in _AREAS]
        return bool(towns) and all(
            placing.bearing_reference(self.text, m.start)
            and any(
                q["place_id"] != p["place_id"]
                and _may_lie(q, p, placing.bearing_reach(self.text, m.start))
                for q in towns
            )
            for m, p in places
        )

    def _attack_count(
        self, live_text: str, places: list[tuple[Mention, dict]], tolls: Casualties
    ) -> int | None:
        """How many attacks the sentence counts ("claimed two attacks"), told on top of the
        ones before ("a second car bomb ... killing three more") or in another governorate
        with a toll of its own (``_elsewhere``: one); None when it counts none."""
        count = classify.attack_count(live_text)
        if count is None:
            count = classify.additional_attacks(live_text)
        if count is None and self._elsewhere(places, tolls):
            count = 1
        several = self.group is not None and self.group.several
        if (
            count is None
            and (places or not _no_toll(tolls))
            and classify.other_attacks(live_text, several)
        ):
            count = 1  # others than the ones told: an attack of their own, whatever its toll
        return count

    def _elsewhere(self, places: list[tuple[Mention, dict]], tolls: Casualties) -> bool:
        """The sentence tells, with a toll of its own, an attack in another governorate than
        every one of the open group's reports, whose toll the group states of one attack
        ("... killed 29 in X's Y district. On the same day, gunmen killed twelve police in
        Z"): another attack, not a part of the group's (whose toll it would otherwise share).
        A toll told of several attacks together is a series' total: its parts stay."""
        g = self.group
        if g is None or not places or _no_toll(tolls) or not g.reports or g.several:
            return False
        if g.killed is None and g.wounded is None:
            return False
        told = {r["admin1"] for r in g.reports}
        if None in told or "" in told:
            return False  # a country-wide report may hold the new place
        return all(p.get("admin1") and p["admin1"] not in told for _m, p in places)

    def _no_attack_before(self, i: int) -> bool:
        """A sentence before ``i`` tells a raid that was no attack (arrests, seizures): what a
        reference back ("the raids") points to."""
        for s, e in self.spans[:i]:
            reasons = _clause_reasons(self.text[s:e], None, False)
            if any(reason in rules.NOT_ATTACK_UNLESS_TOLL for _cs, _ce, reason in reasons):
                return True
        return False

    def _claims(self, s: int, e: int) -> bool:
        """The sentence at [s, e) claims an attack (and does not deny any claim)."""
        sentence = self.text[s:e]
        return (
            rules.hit(rules.CLAIM_STEMS, self.low[s:e])
            and rules.CLAIM.search(sentence) is not None
            and not classify.is_no_claim(sentence)
        )

    def _told_again(
        self,
        g: Group,
        sentence: str,
        count: int | None,
        tolls: Casualties,
        places: list[tuple[Mention, dict]],
    ) -> bool:
        """The sentence tells the open group's one reported attack again, in the governorate
        its report is in, with no count and no toll of its own, or only the toll its report
        lacks ("The attackers opened fire near the village of X", "The incident took place in
        the X district", "A further 55 were wounded in the attack in X"): no second report
        (one attack told in two sentences made two events, one of them without a toll)."""
        if count is not None or len(g.reports) != 1 or (g.count or 1) != 1:
            return False
        if not g.reports[0]["admin1"] or not _complements(g.reports[0]["_own"], tolls):
            return False
        if not (classify.is_anaphoric(sentence) or _TOLD_BEFORE.search(sentence)):
            return False
        if _ANOTHER_ACT.search(sentence) or _ANSWER.search(sentence):
            return False  # "the gunmen also burned a car", "troops responded by shelling X"
        return all(
            p.get("admin1") == g.reports[0]["admin1"]
            or (not p.get("admin1") and p.get("precision") in _NO_VENUE_OF_ITS_OWN)
            or placing.relative(self.text, m.start, m.end)
            for m, p in places
        )

    def _finer_than(self, report: dict, places: list[tuple[Mention, dict]]) -> bool:
        """Every place of ``places`` lies inside the report's area ("in a village of Idlib
        province", then "the shells hit the village of X")."""
        area = self.places.get(report["place_id"] or "")
        return area is not None and all(_holds(area, p) for _m, p in places)

    def _superseded(self, g: Group) -> dict:
        """The group's one report, told again at a finer place, gives way to it (the finer
        report takes its toll, and its weapon when the finer telling names none)."""
        r = g.reports.pop()
        key = (r["perpetrator_id"], r["attribution"])
        g.by_actor[key] = [o for o in g.by_actor.get(key, []) if o is not r]
        return r

    def _told_before(self, s: int, e: int) -> bool:
        """The sentence at [s, e) names what an open group's attack was done with or by ("The
        bomb had been planted by IS militants", "The attackers were HTS members"): who did
        that attack, not an attack of its own."""
        return self.group is not None and _TOLD_BEFORE.search(self.text, s, e) is not None

    def _acts_anew(self, s: int, e: int, actor: str | None, live_text: str) -> bool:
        """``actor`` attacks in the sentence at [s, e) as news of its own (``_armed_agent``),
        not as what an attack told before was done by (``_told_before``)."""
        return not self._told_before(s, e) and self._armed_agent(actor, live_text)

    def _armed_agent(self, actor: str | None, live_text: str) -> bool:
        """``actor`` is an armed group that the live clauses say attacked, as news of the
        moment (not "has attacked ... repeatedly": a background of habits)."""
        if actor is None or rules.BACKGROUND.search(live_text):
            return False
        return any(m.entity_id == actor and m.entity_type in _PERP_TYPES for m in self.mentions)

    def _refer_back(self, i: int) -> None:
        """A sentence that reports nothing new but may refer back to the open group's attacks
        ("the attack comes amid ...", "X claimed it"): who did them, and when."""
        g = self.group
        if g is None:
            return
        s, e = self.spans[i]
        if classify.is_anaphoric(self.text[s:e]) or _TOLD_BEFORE.search(self.text, s, e):
            g.last_sentence = i
            self.read_attribution(i)
            self.read_attack_day(i)

    def _may_report(self, i: int) -> int:
        """How to read the sentence (cheap test): ``_SKIM`` with no place, no armed group, no
        casualty word and no count of attacks (with an actor): it can only refer back to the
        open group; ``_AGENT`` when only an armed group may make it one attack; else
        ``_FULL``."""
        s, e = self.spans[i]
        k = bisect.bisect_left(self.starts, s)
        has_place = has_actor = has_group = False
        while k < len(self.mentions) and self.mentions[k].start < e:
            kind = self.mentions[k].entity_type
            has_place = has_place or kind in _PLACE_TYPES
            has_group = has_group or kind in _PERP_TYPES
            has_actor = has_actor or kind in _PERP_TYPES or kind in rules.STATE_TYPES
            k += 1
        # (a count of attacks with no place, toll or actor opens nothing worth a report)
        if (
            has_place
            or rules.has_casualty_word(self.low[s:e])
            or (has_actor and classify.attack_count(self.text[s:e]) is not None)
        ):
            return _FULL
        return _AGENT if has_group else _SKIM

    def _live_clauses(self, i: int) -> list[tuple[int, int]]:
        """The sentence's clauses that may report an attack (document offsets); none when the
        sentence is history (dated only in years long before publication)."""
        text = self.text
        s, e = self.spans[i]
        sentence = text[s:e]
        # Dates first only where a year may make the sentence history; else after the clauses.
        # (every year holds "19" or "20": a substring test spares most sentences the regex)
        has_year = ("19" in sentence or "20" in sentence) and _YEARISH.search(
            text, s, e
        ) is not None
        # (history needs only the dates' values: offsets in the sentence will do)
        dates = find_dates(sentence, self.pub) if has_year else []
        history = classify.is_history(dates, self.pub or self.reference_date())
        # A lead dated only long ago, to the day, is what the document reports, however late
        # it was published (a coder's note on a 2014 attack exported in 2026): no history.
        told = history and i == self.lead() and any(d.precision == "day" for d in dates)
        if history and not told:
            return []
        live: list[tuple[int, int]] = []
        blocked = False
        # Publication only matters through a year's dates: without one, the sentence's reading
        # is shared by every article that repeats it.
        published = self.pub if has_year and not told else None
        reasons = _clause_reasons(sentence, published, has_year)
        if any(
            reason == "aggregate" and _TALLY_SPAN.fullmatch(sentence, cs, ce)
            for cs, ce, reason in reasons
        ):
            return []  # "Since 29 April, at least 160 civilians have been killed": a tally
        if rules.hit(rules.VIOLENCE_STEMS, sentence.lower()) and rules.VIOLENCE_TALLY.search(
            sentence
        ):
            return []  # "The violence in X, which pitted A against B, killed 1,400": a tally
        if _span_tally(sentence):
            return []  # "The offensive, which began in April, has killed 950 civilians"
        for cs, ce, reason in reasons:
            cs, ce = s + cs, s + ce
            # "..., killing hundreds": a participle continues the clause before it.
            if not (blocked and _CONTINUATION.match(text, cs)):
                blocked = reason is not None
            if not blocked:
                live.append((cs, ce))
        return live

    def _resolved_dates(self, i: int) -> list[DateRef]:
        """Sentence ``i``'s dates, anaphora ("the same day", "two days after") counted from the
        last attacks' day; before any attack (and, undated, for "Feb 21") from the last date
        the article gave. An anchor known only to the month keeps the result to it."""
        dates = self.dates_of(i)
        if not any(d.anaphoric for d in dates) and not (
            self.pub is None and any(d.value is None for d in dates)
        ):
            return dates
        anchor = self.attacks_date or self.anchor_before(i)
        if anchor is not None and anchor.value is not None:
            # "The attack took place the day before" a claim: a day inside the claim's week
            # (the claim's own day is the anchor). Of another attack, a week's anaphora stay
            # coarse (and so open their own group).
            s, e = self.spans[i]
            g = self.group
            coarse = anchor.precision
            if (
                coarse == "week"
                and g is not None
                and g.date is anchor
                and classify.is_anaphoric(self.text[s:e])
            ):
                coarse = "day"
            dates = [
                _at_most(d, coarse) if d.anaphoric else d for d in self.dates_of(i, anchor.value)
            ]
        self._dates[i] = dates
        return dates

    def _told_apart(self, own: DateRef | None) -> DateRef | None:
        """An attack told as what another came "a day after" (``_own_date`` kept that day,
        method ``other``): told apart, the open group closes; its day reads as relative."""
        if own is None or own.method != "other":
            return own
        self.close_group()
        return own._replace(method="relative")

    def _own_date(
        self, i: int, live: list[tuple[int, int]], places: list[tuple[Mention, dict]]
    ) -> DateRef | None:
        """The sentence's own date: a live clause's first, else any non-history one; a claim's
        day ("claimed responsibility on June 5 for an attack") only bounds the attack to the
        week ending on it."""
        first_place = min((m.start for m, _ in places), default=-1)
        # (a year naming an event, "the 2004 Kufa shelling", is no day of this report; nor is
        # the day of what it came "a day after", unless its places all lie in that thing: "came
        # a day after a bombing in X", not "a day after the bombing, gunmen ... in X")
        dates = [
            d
            for d in self._resolved_dates(i)
            if d.method != "name"
            and (d.method != "other" or _inside_after(self.text, d, first_place))
        ]
        live_dates = [d for d in dates if any(cs <= d.start < ce for cs, ce in live)]
        own_dates = [d for d in live_dates if d.value is not None] or [
            d for d in dates if d.value is not None and d.precision != "year"
        ]
        own_dates = _day_of_thing_after(own_dates)
        said = live_dates or dates
        own = own_dates[0] if own_dates else (said[0] if said else None)
        if (
            own is not None
            and own.precision == "day"
            and (_claim_date(self.text, own) or _statement_date(self.text, own))
        ):
            own = own._replace(precision="week")
        return own

    def _group_for(
        self,
        i: int,
        count: int | None,
        refers_back: bool,
        own_date: DateRef | None,
        tolled: bool = False,
    ) -> Group:
        """The group sentence ``i`` belongs to: the open one, or a new one when it counts new
        attacks or states another time; the group's date refined by the sentence's. (A day
        inside the week a claim or statement bounds refines it, unless both the group and the
        sentence state a toll: "police said on Tuesday that three were killed ... On Monday,
        gunmen killed two farmers" tells two attacks.)"""
        g = self.group
        if (
            g is None
            or (count is not None and not refers_back)
            or (not refers_back and self._older_than_told(g, own_date))
            or (
                own_date is not None
                and own_date.value is not None
                and g.date is not None
                and g.date.value is not None
                and (
                    not _same_time(own_date, g.date)
                    or (
                        tolled
                        and own_date.precision == "day"
                        and own_date.value != g.date.value
                        and _has_toll(g)
                    )
                )
            )
        ):
            self.close_group()
            s, e = self.spans[i]
            g = Group(count=count, claim_span=(s, e), claim_sentence=i)
            self.group = g
            if own_date is None and refers_back and count is None:
                # "the strikes on X" in a later passage, undated: the attacks told before,
                # on their day (not the day of whatever the passage goes on to tell)
                g.date = self.attacks_date
        g.last_sentence = i
        if g.date is None or g.date.value is None:
            g.date = own_date if own_date is not None else g.date
        elif (
            own_date is not None
            and own_date.value is not None
            and g.date.precision == "week"
            and own_date.precision == "day"
        ):
            g.date = own_date  # the day of the attack, found after the day of the claim
        if g.date is not None and g.date.value is not None:
            self.attacks_date = g.date
        return g

    def _add_group_toll(
        self, g: Group, tolls: Casualties, count: int | None, live_text: str, refers_back: bool
    ) -> None:
        """A place-less sentence's toll is the group's; with an attack and no claim, it makes
        one place-less attack."""
        self._add_toll(g, tolls, live_text)
        if (
            count is None
            and not g.reports
            and g.count is None
            and classify.is_attack(live_text)
            and not refers_back
        ):
            g.count = 1

    def _segments(
        self, live: list[tuple[int, int]], places: list[tuple[Mention, dict]]
    ) -> list[tuple[int, int, tuple[Mention, dict]]]:
        """Split live clauses among places: each place gets the clauses from its own to the
        next place's; clauses before the first place go with the first. Places listed ("in X
        and Y, killing six", "X, Y and Z") share the clauses of the list's first to its last."""
        if len(places) == 1:
            return [(live[0][0], live[-1][1], places[0])]
        idx = [next(j for j, (cs, ce) in enumerate(live) if cs <= m.start < ce) for m, _ in places]
        heads = [
            k
            for k in range(len(places))
            if k == 0 or not placing.list_gap(self.text, places[k - 1][0].end, places[k][0].start)
        ]
        out = []
        for h, head in enumerate(heads):
            end = heads[h + 1] if h + 1 < len(heads) else len(places)
            j, tail = idx[head], idx[end - 1]
            first = 0 if head == 0 else j
            nxt = idx[end] if end < len(idx) else len(live)
            last = max(tail, nxt - 1)
            out += [(live[first][0], live[last][1], places[k]) for k in range(head, end)]
        return out


_ATTRIBUTION_RANK = {"claimed": 3, "attributed": 2, "suspected": 1, "disputed": 0}


def _refers_back(sentence: str, count: int | None, live_text: str) -> bool:
    """The sentence refers back to the attacks told (``classify.is_anaphoric``), unless it
    points back only to tell another ("in addition to this attack, four guards were killed")."""
    if count is not None and rules.BESIDES_THIS_ATTACK.search(live_text) is not None:
        return False
    return classify.is_anaphoric(sentence)


def _with_weapon_of(report: dict[str, Any], coarse: dict[str, Any] | None) -> dict[str, Any]:
    """The report, with the weapon (and type) of the coarser telling it supersedes when it
    names none itself."""
    if coarse is not None and report["weapon"] == "unknown":
        for key in ("weapon", "event_type", "sub_event_type"):
            report[key] = coarse[key]
    return report


def _attribute(g: Group, perp: str | None, attribution: str) -> None:
    """``perp`` did the group's attacks: the perpetrator of the group and of its reports that
    lacked one (a later sentence naming who did it), or a stronger attribution of the same."""
    if perp is None:
        return
    stronger = _ATTRIBUTION_RANK.get(attribution, -1)
    if not g.perpetrator_id or (
        g.perpetrator_id == perp and stronger > _ATTRIBUTION_RANK.get(g.attribution, -1)
    ):
        g.perpetrator_id, g.attribution = perp, attribution
    weaker = [
        key
        for key in g.by_actor
        if key[0] is None or (key[0] == perp and stronger > _ATTRIBUTION_RANK.get(key[1], -1))
    ]
    for key in weaker:
        moved = g.by_actor.pop(key)
        for r in moved:
            r["perpetrator_id"], r["actor1"], r["attribution"] = perp, perp, attribution
            if r["actor2"] == perp:
                r["actor2"] = None
        g.by_actor.setdefault((perp, attribution), []).extend(moved)


# "Baghdad's Sadr City", "Aleppo's main square": a town's possessive names a part of it,
# unless what it owns is a body ("Mosul's governor", "Basra's provincial council").
_OWNED_BODY = re.compile(
    r"['’]s\s+(?:\w+\s+){0,2}?(?:governor|council|government|mayor|police|security|chief|"
    r"officials?|authorities|leaders?|residents|people|population|spokes\w+|forces|army|"
    r"military|health|operations|directorate|department|office|administration)\b",
    re.IGNORECASE,
)


def _larger(a: dict | None, b: dict | None) -> bool:
    """``a`` is a coarser area than ``b``, or a town of more people. A governorate's seat
    named beside a district of its governorate stands for the governorate ("Madain district
    in southern Baghdad", "the Tarmiyah district of Baghdad": Baghdad holds the district)."""
    if a is None or b is None:
        return False
    if _seat_beside_district(a, b):
        return True
    if _seat_beside_district(b, a):
        return False
    if rank(a) != rank(b):
        return rank(a) > rank(b)
    return (a.get("population") or 0) > (b.get("population") or 0)


_SEAT_CODES = frozenset({"PPLA", "PPLC"})


def _area_named(k: int, pa: dict, pb: dict) -> set[int]:
    """Which of two places to drop when the second is named as the area holding the first
    (``k`` its index): "X town, Y district", "X (Y, Z)": Y is where X lies (the gazetteers may
    disagree on X's district: its governorate decides); "the Mutaibija area, Salah ad Din
    governorate": one venue, the region, unless the gazetteer puts the region in another
    governorate (then the stated one)."""
    same = pa.get("admin1") == pb.get("admin1")
    if same and pb["precision"] != "governorate":
        return {k}
    if _region(pa) and pb["precision"] == "governorate":
        return {k if same else k - 1}
    return set()


def _region_then_governorate(text: str, prev_end: int, start: int, pa: dict, pb: dict) -> bool:
    """A named region, then after a comma the governorate holding it ("Jabal al-Zawiya,
    Idlib"): the governorate is named as the area holding the region (one venue, the region);
    a region of another governorate ("Jabal al-Akrad, Idlib") is not held by it."""
    return (
        _region(pa)
        and pb["precision"] == "governorate"
        and pa.get("admin1") == pb.get("admin1")
        and placing.comma_gap(text, prev_end, start)
    )


def _seat_beside_district(seat: dict, district: dict) -> bool:
    """``seat`` is the seat of a governorate (or the capital) and ``district`` a district of
    that governorate."""
    return (
        seat["precision"] == "town"
        and seat.get("feature_code") in _SEAT_CODES
        and district["precision"] == "district"
        and bool(seat.get("admin1"))
        and seat.get("admin1") == district.get("admin1")
    )


def _possessive_venue(text: str, end: int, place: dict) -> bool:
    """A place name followed by "'s" that still names where something happened."""
    if place["precision"] not in ("town", "district", "governorate"):
        return False
    return _OWNED_BODY.match(text, end, end + 60) is None


# What may end a governorate named by its seat's name after a district: the sentence, the
# chain of areas ("X district, Erbil.", "X district, Erbil, Iraq") or the clause ("X
# district, Erbil, killing two": a lower-case word, not "and" or "or" listing more towns).
_CHAIN_END = re.compile(r"\s*(?:[.;)]|,\s*(?:Iraq\b|Syria\b|(?!and\b|or\b)[a-z])|$)")


def _seat_for_governorate(text: str, prev_end: int, b: Mention, pa: dict, pb: dict) -> bool:
    """``b`` is a governorate's seat named after a district of that governorate, ending the
    chain of areas ("X village in Erbil district, Erbil."): the governorate, no venue (not
    "Khalis district, Baqubah and Muqdadiya": towns listed)."""
    return (
        pa["precision"] == "district"
        and pb.get("feature_code") in _SEAT_CODES
        and pa.get("admin1") == pb.get("admin1")
        and placing.in_named_area(text, prev_end, b.start)
        and _CHAIN_END.match(text, b.end) is not None
    )


def _without_road_ends(text: str, found: list[tuple[Mention, dict]]) -> list[tuple[Mention, dict]]:
    """``found`` without the near ends of roads named by both ends when another town is named
    beside them ("on the Baghdad-Kirkuk highway near X": X); a road alone, or with its area
    only, keeps its near end ("on the Deir ez-Zor - Palmyra road": around Deir ez-Zor)."""
    ends = [placing.road_near_end(text, m.start, m.end) for m, _ in found]
    if not any(ends):
        return found
    # (a town beside them: an area, "(Idleb)", only says where the road runs)
    if not any(
        p["precision"] == "town" for (_, p), end in zip(found, ends, strict=True) if not end
    ):
        return found
    return [f for f, end in zip(found, ends, strict=True) if not end]


# "between X and Y": one stretch named by both ends, the way a road is ("a patrol was ambushed
# between Baiji and Tikrit"): the attack is placed at the first end, with the whole toll.
# (Ends in two governorates stay two places: the text leaves the governorate open.)
_BETWEEN_BEFORE = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:(?:towns?|villages?|cities)\s+of\s+)?$", re.IGNORECASE
)
_BETWEEN_AND = re.compile(r"\s+and\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?")


def _without_far_ends_between(
    text: str, found: list[tuple[Mention, dict]]
) -> list[tuple[Mention, dict]]:
    """``found`` without Y of "between X and Y" (both read as places, in one governorate: a
    stretch across a governorate line leaves the attack's governorate open, and both stay)."""
    far = {
        k
        for k in range(1, len(found))
        if found[k - 1][1].get("admin1") == found[k][1].get("admin1")
        and _BETWEEN_AND.fullmatch(text, found[k - 1][0].end, found[k][0].start)
        and _BETWEEN_BEFORE.search(text, max(0, found[k - 1][0].start - 30), found[k - 1][0].start)
    }
    return [f for k, f in enumerate(found) if k not in far] if far else found


def _without_bodies_found(
    text: str, found: list[tuple[Mention, dict]]
) -> list[tuple[Mention, dict]]:
    """``found`` without the places named as where a body was found, when another place is
    named ("killed a man near X; his body was found on the outskirts of Y": X)."""
    kept = [(m, p) for m, p in found if not placing.discovered(text, m.start)]
    return kept if kept and len(kept) < len(found) else found


def _sources_aside(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the places naming who reports ("Baghdad Today", "our correspondent in
    X") in the role 'source' (no venue)."""
    return [
        m._replace(role="source")
        if m.role is None
        and m.entity_type in _PLACE_TYPES
        and placing.reporting_place(text, m.start, m.end)
        else m
        for m in mentions
    ]


def _firm_heads_aside(text: str, mentions: list[Mention], places: dict[str, dict]) -> list[Mention]:
    """``mentions`` with the places heading a firm's name ("Dana Gas", "the X Oil Company's
    offices") in the role 'firm', and those heading an armed unit's name ("the X Military
    Council") in the role 'unit', and those naming the seat of a victim's office ("a member of
    the X Provincial Council", "the mayor of X") in the role 'office' (no venue), when the
    document names another place finer than a country: the firm, the unit or the official may
    come from anywhere. Alone, such a place is all the text says of where the firm's site, the
    unit or the official is, and stays. (A place closing an Arabic unit's name, "Faylaq
    al-Sham", is no place at all: ``detect``.)"""
    heads = {
        m.start: _aside_role(text, m)
        for m in mentions
        if m.role is None and m.entity_type in _PLACE_TYPES and _aside_role(text, m)
    }
    if not heads or not any(
        m.start not in heads
        and m.role is None
        and (places.get(m.place_id or "") or {}).get("precision", "country") != "country"
        for m in mentions
        if m.entity_type in _PLACE_TYPES
    ):
        return mentions
    return [m._replace(role=heads[m.start]) if m.start in heads else m for m in mentions]


def _aside_role(text: str, m: Mention) -> str | None:
    """'firm', 'unit' or 'office' when the place ``m`` heads a firm's or an armed unit's name or
    names the seat of an office (``_firm_heads_aside``), else None."""
    if placing.firm_head(text, m.end):
        return "firm"
    if placing.unit_head(text, m.end):
        return "unit"
    return "office" if placing.office_seat(text, m.start, m.end) else None


def _no_venue(text: str, m: Mention) -> bool:
    """``m`` names where the fire came from, the attackers went or a victim told before was
    found ("the shells were fired from Y", "the gunmen fled toward Y", "his body was found
    near Y"): never a venue of its own, even alone in its sentence."""
    return placing.origin(text, m.start, m.end) or placing.discovered(text, m.start, True)


def _origin_beside_venue(
    text: str, m: Mention, found: list[tuple[Mention, dict]], spans: list[tuple[int, int]]
) -> bool:
    """``m`` is named as where the fire came from ("shelled X from their positions in Y") or
    where the people struck were going ("pilgrims walking to Y") in a clause that names a
    venue too, or in a clause after one naming the venue, in one sentence ("in X, Y governorate,
    as they walked toward Z", "near X, and killed four drivers from Z"): no venue itself. (In a
    clause of its own before the venue's, "as they were returning from Y, while in Z a bomb
    ...", it may be all the text says of a place.)"""
    if not _came_or_went(text, m):
        return False
    others = [o for o, _ in found if o is not m and not _came_or_went(text, o)]
    if placing.birthplace(text, m.start):
        # a victim's birthplace gives way to a venue anywhere in its sentence ("a police
        # officer, a native of Y, at his post in X")
        return any(
            _SENTENCE_END.search(text, min(o.end, m.end), max(o.start, m.start)) is None
            for o in others
        )
    if placing.fire_origin(text, m.start, m.end):
        # where fire was sent from gives way to any other place of its sentence, in a later
        # clause too ("shells fired from Y hit a farm, south of Z")
        return any(
            _SENTENCE_END.search(text, min(o.end, m.end), max(o.start, m.start)) is None
            for o in others
        )
    clause = next(((cs, ce) for cs, ce in spans if cs <= m.start < ce), None)
    if clause is None:
        return False
    return any(clause[0] <= o.start < clause[1] for o in others) or any(
        o.end <= clause[0] and _SENTENCE_END.search(text, o.end, m.start) is None for o in others
    )


# "Y city" after a name: the city, not its governorate or district.
_CITY_WORD_AFTER = re.compile(r"\s+city\b", re.IGNORECASE)
# A sentence ending between two places ("... in X. Pilgrims from Y"): they are told apart.
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\d\"“]")


def _came_or_went(text: str, m: Mention) -> bool:
    return placing.origin(text, m.start, m.end) or placing.destination(text, m.start)


def _finest(found: list[tuple[Mention, dict]]) -> list[tuple[Mention, dict]]:
    """``found`` without the places holding another of them (and repeats): one place named
    at several levels is its finest ("Sadr City" and "Baghdad": Sadr City)."""
    kept: list[tuple[Mention, dict]] = []
    for m, p in found:
        if any(_holds_here(p, q) or p["place_id"] == q["place_id"] for _, q in kept):
            continue
        kept = [(mm, q) for mm, q in kept if not _holds_here(q, p)]
        kept.append((m, p))
    return kept


# A city's quarters and compounds lie within this many km of its point ("the Green Zone in
# Baghdad", "Baghdad's heavily fortified Green Zone": one place, the Green Zone).
CITY_KM = 15.0
_CITY_CODES = frozenset({"PPLC", "PPLA", "PPLA2"})
# Parts of a city by nature (a quarter, a base, a prison, a camp), never a town of their own.
_PART_CODES = frozenset({"PPLX", "AIRB", "MILB", "PRN", "CMP"})


def _holds_here(coarse: dict, fine: dict) -> bool:
    """``_holds``, or ``coarse`` a city (a governorate's or district's seat, a capital) and
    ``fine`` a quarter or compound of its governorate within ``CITY_KM`` of it (a separate
    town that near, "Baqubah and Buhriz", stays a place of its own)."""
    if _holds(coarse, fine):
        return True
    if fine.get("feature_code") not in _PART_CODES or not _city(coarse):
        return False
    if coarse["precision"] != "town" or fine["precision"] != "town":
        return False
    if coarse.get("admin1") != fine.get("admin1"):
        return False
    apart = placing.km_apart(coarse, fine)
    return apart is not None and apart <= CITY_KM


def _city(place: dict) -> bool:
    """A city: a capital or a seat by its code, or a town (no quarter: Sadr City) of
    ``CITY_POPULATION`` people (the gazetteers code Mosul and Ramadi as plain populated
    places)."""
    code = place.get("feature_code")
    return code in _CITY_CODES or (
        code not in _PART_CODES and (place.get("population") or 0) >= CITY_POPULATION
    )


CITY_POPULATION = 100_000
_AREAS = frozenset({"governorate", "district", "region"})
# Places too coarse to be a later sentence's venue on their own once a story told its attack.
_BACKGROUND_AREAS = frozenset({"governorate", "region", "country"})
# A governorate's seat or the capital: the last name of a bracket of areas may be one
# ("(Mahmoudiya, Baghdad)" names the governorate by its city's name).
_SEAT_CODES = frozenset({"PPLC", "PPLA"})


def _may_lie(place: dict, locator: dict, reach: float) -> bool:
    """Whether ``place`` may lie where ``locator`` puts it: inside it when it is an area
    ("X, in northern Anbar"), else within ``reach`` km of it ("X, 40 km north of Y"). An area
    located by a town ("in Deir ez-Zor province, 100 km east of Palmyra") always may: its
    centre says nothing of where in it the event was."""
    if place["precision"] in _AREAS:
        return True
    if locator["precision"] in _AREAS:
        return _holds(locator, place) or locator.get("admin1") == place.get("admin1")
    apart = placing.km_apart(place, locator)
    return apart is None or apart <= reach


def _namesake(district: dict, town: dict, surface: str) -> bool:
    """The district bears the town's name, as said or as the gazetteer spells it, or the first
    word of it ("the Tuz Khurmatu district": Tooz District, the district holding Tuz
    Khurmatu)."""
    own = name_key(district["name"]).removesuffix(" district")
    said = name_key(surface)
    return own in (said, name_key(town["name"]), said.split(" ", 1)[0])


# How far from a region's representative point a place it is said to hold may lie (km):
# the named mountains, plains and deserts of ``places_curated.csv`` are a few tens of km across.
REGION_KM = 50.0


def _region(place: dict) -> bool:
    """A named region (a mountain, plain, desert, valley), not a governorate or town."""
    return place["precision"] == "region"


def _within_km(a: dict, b: dict, km: float) -> bool:
    apart = placing.km_apart(a, b)
    return apart is not None and apart <= km


def _countrywide(place: dict) -> bool:
    """A region of no one governorate ("northern Syria", "the Kurdistan Region")."""
    return place["precision"] == "region" and not place.get("admin1")


def rank(place: dict) -> int:
    """Size rank of a place (0 = town); a named region inside a governorate ranks with it."""
    if place["precision"] == "region" and place.get("admin1"):
        return rules.PRECISION_RANK["governorate"]
    return rules.PRECISION_RANK.get(place["precision"], 9)


def _holds(coarse: dict, fine: dict) -> bool:
    """``coarse`` is a strictly larger area containing ``fine``."""
    rc, rf = rank(coarse), rank(fine)
    if rc <= rf or coarse.get("country_code") != fine.get("country_code"):
        return False
    if coarse["precision"] == "country":
        return True
    if coarse.get("admin1") != fine.get("admin1"):
        return False
    if coarse["precision"] == "district" and fine.get("admin2"):
        return coarse.get("admin2") == fine.get("admin2")
    return True


def holds(coarse: dict, fine: dict) -> bool:
    """Public alias of the containment rule, shared with deduplication."""
    return _holds(coarse, fine)


_CLAIM_VERB = re.compile(r"\bclaim(?:ed|s|ing)?\b", re.IGNORECASE)
_CLAIM_TO_DATE = re.compile(r"(?:\s+(?:responsibility|late|early|on))*\s*$", re.IGNORECASE)


def _claim_date(text: str, d: DateRef) -> bool:
    """The date belongs to a claim verb: "claimed responsibility on June 5 for", "on Saturday
    claimed", "on Saturday, claiming"."""
    for m in _CLAIM_VERB.finditer(text, max(0, d.start - 40), min(len(text), d.end + 12)):
        if m.end() <= d.start and _CLAIM_TO_DATE.match(text, m.end(), d.start):
            return True
        if d.end <= m.start() and not text[d.end : m.start()].strip(" ,"):
            return True
    return False


# A speaker's day before what was said: "the council said on Monday that ...".
_SAID_ON = re.compile(
    r"(?:\b(?:said|says|announced|stated|reported|confirmed|told\s+[\w-]+(?:\s+[\w-]+)?)"
    r"(?:\s+in\s+an?\s+(?:statement|communiqu[eé]|press\s+release))?|"
    r"\bstatement\s+(?:issued|released|published))(?:\s+(?:late|early))?(?:\s+on)?\s+$",
    re.IGNORECASE,
)
# (not "said on Monday's attack that": a day naming what was spoken of)
_THAT_AFTER = re.compile(r"(?!['’]s\b)")


# A toll's update before its day: "the death toll ... rose to 20 on Tuesday".
_TOLL_ROSE_ON = re.compile(
    r"\btoll\b[^.;]{0,160}?\b(?:rose|risen|climbed|jumped|increased|reached)(?:\s+to)?\s+"
    r"(?:[\w,-]+\s+){1,3}?(?:on\s+)?$",
    re.IGNORECASE,
)


def _statement_date(text: str, d: DateRef) -> bool:
    """The date is the day a statement was made ("the ministry said on Monday that gunmen
    ...") or a toll rose ("the toll rose to 20 on Tuesday"): like a claim's day, it bounds the
    attack told to the week ending on it (a sentence after may give the attack's own day)."""
    if _THAT_AFTER.match(text, d.end) is None:
        return False
    if _SAID_ON.search(text, max(0, d.start - 40), d.start) is not None:
        return True
    return "toll" in text and _TOLL_ROSE_ON.search(text, max(0, d.start - 240), d.start) is not None


_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}


def _at_most(d: DateRef, precision: str) -> DateRef:
    """``d`` no finer than ``precision`` ("the same day" as a month known only by its month)."""
    if d.value is None or _PRECISION_ORDER[precision] <= _PRECISION_ORDER[d.precision]:
        return d
    value = d.value.replace(day=1) if precision == "month" else d.value
    if precision == "year":
        value = value.replace(month=1, day=1)
    return DateRef(d.start, d.end, value, precision, d.method, d.anaphoric)


def _same_time(a: DateRef, b: DateRef) -> bool:
    """Two dates that may be one day: equal, or one inside the other's week (the 7 days
    ending on a week-precision date)."""
    if a.value is None or b.value is None:
        return False
    if a.precision == "week" and b.precision != "week":
        a, b = b, a
    av, bv = a.value, b.value
    if av is None or bv is None:
        return False
    if b.precision == "week" and a.precision == "day":
        return bv - timedelta(days=6) <= av <= bv
    return av == bv


def _inside_after(text: str, d: DateRef, place: int) -> bool:
    """The place starting at ``place`` lies in the thing "N days after" (``d``) names: after it,
    in the same clause."""
    return place > d.end and "," not in text[d.end : place]


def _dated_no_finer_than(r: dict[str, Any], day: date) -> bool:
    """A report dated only to a month or year that holds ``day``."""
    value, precision = r["event_date"], r["date_precision"]
    if value is None or precision not in ("month", "year") or value.year != day.year:
        return False
    return precision == "year" or value.month == day.month


def _as_ref(r: dict[str, Any]) -> DateRef:
    return DateRef(
        0, 0, r["event_date"], r["date_precision"] or "day", r["date_method"] or "", False
    )


def _shift(d: DateRef, offset: int) -> DateRef:
    return DateRef(d.start + offset, d.end + offset, d.value, d.precision, d.method, d.anaphoric)


def extract_document(
    doc: dict[str, Any],
    mentions: list[Mention],
    places: dict[str, dict],
    headline: list[Mention] | tuple[Mention, ...] = (),
) -> list[dict[str, Any]]:
    """Attack reports of one document (rows of EVENT_REPORTS as dicts, event_id None).

    ``mentions`` have spans into ``doc["text"]``; ``headline``'s into ``doc["title"]``: the
    headline is never read for attacks of its own (it restates the story), only for the place
    of a report whose body names none."""
    state = _Doc(doc, mentions, places, headline)
    text = state.text
    # Cheap substring tests first: only sentences holding an attack word are read in full.
    low = state.low[0 : len(text)]
    hits = _find_stems(low, rules.ATTACK_STEMS)
    n_hits, attack_at, h = len(hits), rules.ATTACK.match, 0
    window = rules.CLUSTER_WINDOW
    # A document of one sentence is a note, whatever its punctuation: its line is the report.
    note = len(state.spans) == 1
    for i, (s, e) in enumerate(state.spans):
        while h < n_hits and hits[h] < s:
            h += 1
        if state.group is not None and _TIMESTAMP_HEADING.match(text, s, e):
            state.close_group()  # a live blog's next item: its own passage, dates and all
        read = False
        # A line without closing punctuation is a headline, caption or menu: it restates the
        # story (or is chrome), never a report of its own.
        if h < n_hits and hits[h] < e and (note or _is_prose(text, s, e)):
            k = h
            while k < n_hits and hits[k] < e:
                # The regex anchored where the stem's word starts: cheaper than a sentence scan.
                ws = hits[k]
                while ws > s and text[ws - 1].isalpha():
                    ws -= 1
                if attack_at(text, ws, e):
                    state.total_told_first(i)
                    state.read_sentence(i)
                    read = True
                    break
                k += 1
        # (read_attribution ignores a sentence past the open group's window: test that first)
        g = state.group
        if not read and g is not None and i - g.last_sentence <= window:
            if rules.hit(rules.ATTRIBUTION_STEMS, low[s:e]):
                state.read_attribution(i)
            if rules.hit(rules.CASUALTY_STEMS, low[s:e]) and _is_prose(text, s, e):
                state.read_toll(i)
    state.close_group()
    state.totals_over_parts()
    state.count_totals()
    return state.reports


# A live blog's item heading, a time of day then a dash, colon or bar before its line
# ("08:10 GMT - Ministry says ...", "1.05pm: Strikes confirmed"): the items are told out of
# order (newest first), so no passage, and no date, runs from one item into the next.
_TIMESTAMP_HEADING = re.compile(
    r"\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?\s*)?(?:GMT|UTC|[A-Z]{2,4}T|local\s+time)?"
    r"\s*[-–—:|]\s"
)


def _told_elsewhere(g: Group, place: tuple[Mention, dict] | None, own: Casualties | None) -> bool:
    """The report, with its own toll, lies in another governorate than every report its group
    told so far: a roundup's next attack ("In Idlib, government air strikes killed nine. ...
    In the south, gunmen killed a former rebel commander in Daraa"), not the same one told
    again, so it takes nobody's perpetrator from them (a claim after them still reaches it)."""
    if own is None or _no_toll(own) or place is None or not g.reports:
        return False
    admin1 = place[1].get("admin1")
    return bool(admin1) and all(r["admin1"] and r["admin1"] != admin1 for r in g.reports)


# "since" opening the clause a time stands in, up to it ("held by ISIL since January", "the
# latest killing since the government retook the province last year"): a state's start.
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;.:()]{0,80}$", re.IGNORECASE)


def _since_time(text: str, start: int, d: DateRef) -> bool:
    """``d`` is the time since which something holds ("since January", "since they were
    ousted in 2017"): when a state began, never an attack's day nor one to count from."""
    return _SINCE_BEFORE.search(text, max(start, d.start - 90), d.start) is not None


def _day_of_thing_after(dates: list[DateRef]) -> list[DateRef]:
    """``dates`` with the day told of what an attack came after first, when it stands after
    the span counted back ("came less than a week after a suicide bombing in X last Thursday",
    "less than two weeks after a chemical attack on X on April 4"): the span only bounds that
    thing, its day says when it was. A span told to the day ("came a day after") stays."""
    if not dates or dates[0].method != "other" or dates[0].precision == "day":
        return dates
    day = next((d for d in dates[1:] if d.method != "other" and d.precision == "day"), None)
    return dates if day is None else [day, *(d for d in dates if d is not day)]


def _span_tally(sentence: str) -> bool:
    """The sentence counts the dead of a span of time or of a campaign (``rules.SPAN_TALLY``),
    no attack of its own."""
    low = sentence.lower()
    return rules.hit(rules.SPAN_TALLY_STEMS, low) and rules.SPAN_TALLY.search(sentence) is not None


# A list item's number or letter ("2.", "b)", "(iv)"): no sentence of prose.
_LIST_MARK = re.compile(r"\(?[\dA-Za-z]{1,4}[.)]")


def _is_prose(text: str, s: int, e: int) -> bool:
    """The sentence at [s, e) is prose: it closes with a stop, or goes on a line of prose (a
    paragraph cut short: "... killed ten in X. Gunmen killed four in Y"); a line of its own
    without one is a headline, a caption or a menu."""
    last = text[e - 1]
    if last in ".!?":
        return True
    before = text[text.rfind("\n", 0, s) + 1 : s].rstrip()
    if before and before[-1] in ".!?" and not _LIST_MARK.fullmatch(before):
        return True
    if last in "\"'”’)" and e - 2 >= s and text[e - 2] in ".!?,":
        return True
    # A closed sentence then a bracketed tag the splitter kept with it: a coder's "[size=no
    # report]", an agency's "(Reuters)". The sentence before the tag is prose.
    if last in ")]":
        opener = text.rfind("(" if last == ")" else "[", s, e - 1)
        head = text[s:opener].rstrip() if opener > s else ""
        return bool(head) and head[-1] in ".!?"
    return False


def _find_stems(text: str, stems: tuple[str, ...]) -> list[int]:
    """Sorted distinct positions where one of ``stems`` starts in ``text`` (str.find: cheaper
    than one alternation regex over the whole text)."""
    found: set[int] = set()
    add = found.add
    find = text.find
    for stem in stems:
        k = find(stem)
        while k >= 0:
            add(k)
            k = find(stem, k + 1)
    return sorted(found)
