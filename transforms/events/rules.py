"""Tunables and lexicons of attack extraction, named in one place.

Every rule here is general English news wording about armed violence, not a copy of any seed
article's lines. Word lists are matched case-insensitively on word boundaries.
"""

from __future__ import annotations

import re

# --- extraction -----------------------------------------------------------------------------

# A claim of "two attacks" is followed by the sentences that detail them; a detail sentence
# joins the open claim (its date, perpetrator, attribution) if it comes within this many
# sentences of the last sentence about the same attacks.
CLUSTER_WINDOW = 3
# "N attacks" with N above this is an aggregate (a tally), never N separate events.
MAX_LISTED_ATTACKS = 3
# Confidence of a report: a base plus one bonus per field the text itself supports.
CONFIDENCE_BASE = 0.4
CONFIDENCE_BONUS = {"place": 0.2, "date": 0.15, "perpetrator": 0.15, "casualties": 0.1}
# A report whose text states no date is dated by its document's publication (ACLED: the event
# happened on or shortly before the report) at this precision: 'week' is the 7 days ending on
# the date (the same span a claim's day gives), so a stated day inside it still merges.
PUBLICATION_PRECISION = "week"
# A coder's row with no publication date is dated by its event date (ingest's
# ``published_date_method``): a report with no date in its text takes that day itself
# (``date_method = 'coded'``).
CODED_PUBLICATION = "event_date"
# Entries kept per memoised text function (dates, tolls, clause reasons of a sentence or
# clause): wire copies and rewrites repeat sentences across articles; each entry is a short
# string and a small immutable result.
TEXT_CACHE_SIZE = 16_384

# --- deduplication --------------------------------------------------------------------------

# ACLED merges on the same day. A report whose date was resolved from an anaphoric relative
# expression ("the day before") may be one day off the event's; within this many days it still
# merges, and the disagreement is recorded as a date conflict instead of silently dropped.
RELATIVE_DATE_TOLERANCE_DAYS = 1
# ... but only into an event already reported by this many documents (corroborated), so two
# lone reports never chain each other across days.
NEAR_MIN_DOCUMENTS = 2
# Places ordered from finest to coarsest; a report at a coarser level merges into an event at
# a finer level inside it ("Deir ez-Zor province" holds "Mayadin").
PRECISION_RANK = {"town": 0, "district": 1, "governorate": 2, "region": 3, "country": 4}
# ACLED geo_precision codes for events.
GEO_PRECISION = {"town": "1", "district": "2", "governorate": "3", "region": "3", "country": "3"}

# --- vague quantities (ACLED's conservative coding) -----------------------------------------

# word -> (low, best, high); high None means unbounded. ACLED codes "several"/"many" as 10 when
# no figure is given, "dozens" as 12, "hundreds" as 100; low is what the word guarantees.
VAGUE_QUANTITIES: dict[str, tuple[int, int | None, int | None]] = {
    "a few": (2, 3, 5),
    "few": (2, 3, 5),
    "several": (3, 10, None),
    "many": (3, 10, None),
    "numerous": (3, 10, None),
    "some": (2, 3, None),
    "others": (2, 2, None),
    "dozens": (12, 12, None),
    "scores": (20, 20, None),
    "hundreds": (100, 100, None),
    "a dozen": (12, 12, 12),
    "dozen": (12, 12, 12),
}

# The months' names, as one regex alternation (every pattern that names a month reads them).
MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "another": 1, "single": 1, "lone": 1,
    "two": 2, "both": 2, "pair": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# Tens that take a unit after them ("fifty-five", "twenty one"), and words that multiply the
# number before them ("two hundred", "a thousand").
TENS_WORDS = frozenset(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
)
MULTIPLIER_WORDS = {"hundred": 100, "thousand": 1000, "dozen": 12}

# --- lexicons -------------------------------------------------------------------------------


def words(text: str) -> str:
    """A regex alternation of whitespace-separated phrases (underscores stand for spaces)."""
    return "|".join(w.replace("_", r"\s+") for w in text.split())


def hit(stems: tuple[str, ...], low: str) -> bool:
    """Whether lower-cased ``low`` holds one of ``stems`` (the gate before a regex)."""
    for stem in stems:  # noqa: SIM110 - a plain loop: cheaper than any() over a generator
        if stem in low:
            return True
    return False


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# A predicate saying an attack happened (verbs and nouns, every inflection): ACLED's political
# violence (battles, explosions and remote violence, violence against civilians). Each
# alternative starts with one of ATTACK_STEMS (the regex is tried where a stem's word starts).
# "Massacre" only as a verb: the noun mostly names a past event ("survivors of the Halabja
# massacre"), and a massacre reported as news states its killing.
ATTACK = rx(
    r"\b(?:(?:counter-?)?attack(?:s|ed|ing)?|assault(?:s|ed|ing)?|ambush(?:es|ed|ing)?|"
    r"target(?:s|ed|ing)|opened\s+(?:their\s+|his\s+)?fire|fired\s+(?:on|at|upon)|shot|"
    r"shoot(?:s|ing|ings)?|gunm[ae]n|gunfire|gunned\s+down|stabb(?:ed|ing)|"
    r"bomb(?:s|ed|ing|ings|ers?)?|blasts?|explosions?|explod(?:ed|es|ing)|detonat\w+|"
    r"(?:VB)?IEDs?|explosives?\s+(?:devices?|charges?|belts?|vests?)|booby[\s-]trapped|"
    r"improvised\s+explosive|"
    r"blew\s+(?:(?:him|her|them)sel(?:f|ves)\s+)?up|went\s+off|land[\s-]?mines?|"
    # (the anchored read starts at the stem "mine" of "land mine")
    r"(?<=\bland[\s-])mines?|grenades?|"
    r"car\s+bomb|suicide\s+bomber|shell(?:ed|ing|s)?|mortars?|rockets?|missiles?|"
    r"air\s*strikes?|(?:drone|UAV|unmanned\s+aerial\s+vehicle)s?\s+(?:strikes?|struck|hit|dropped)|"
    # the arms as the agent ("Russian jets struck X", "regime artillery hit X"): an attack
    # whatever follows; the same arms hit ("the jets were hit") or flying over are none
    # (their fire and where it came from between: "artillery fire from Syrian territory hit X")
    r"(?:war\s*planes?|(?:fighter\s+)?jets?|aircraft|helicopters?|gunships?|artillery|"
    r"howitzers?)(?:\s+fire)?(?:\s+from(?:\s+[\w'’-]+){1,3}?)?\s+"
    r"(?:struck|hit|pounded|bombarded|bombed)|bombard(?:ed|s|ing)|"
    # drones sent at a target ("launched drones at the base"); an armed side's strike ("Russian
    # forces struck a cave"; not "struck a deal")
    r"(?:(?<=\blaunched\s)|(?<=\bfired\s))(?:drones?|UAVs?)\s+(?:at|on|against|towards?)\b|"
    r"(?:(?<=\bforces\s)|(?<=\btroops\s)|(?<=\bcoalition\s))struck\b"
    r"(?!\s+(?:an?\s+)?(?:deal|agreement|truce|ceasefire|accord|blow|bargain)\b)|"
    r"UAV\s+attacks?|kidnapp\w+|abduct\w+|hostages?|assassinat\w+|"
    r"raid(?:s|ed|ing)?|stormed|massacr(?:ed|ing)|murder(?:s|ed|ing)?|"
    r"execut(?:ed|es|ing|ions?)|(?<!\bto\s)execute|behead\w*|stoned\s+to\s+death|"
    r"burn(?:ed|t|s|ing)?\s+(?:\w+\s+){0,4}?(?:alive|to\s+death)|buried\s+(?:\w+\s+){0,3}?alive|"
    r"clash(?:es|ed|ing)?|battl(?:ed|es|ing)|fought|firefights?|exchanged\s+"
    r"(?:(?:heavy|artillery|mortar|rocket|sniper|machine[\s-]?gun)\s+){0,2}fire|"
    r"exchanges?\s+of\s+fire|repel(?:led|s|ling)?|infiltrat\w+|"
    r"(?:seized|captured|took|regained|wrested)\s+(?:full\s+)?control|"
    r"recaptur(?:ed|es|ing)|retook|overran|"
    r"rap(?:ed|es|ing)|sexual(?:ly)?\s+(?:assault\w*|violence|abuse\w*)|"
    r"bod(?:y|ies)\s+(?:of\s+)?(?:\w+\s+){0,6}?(?:(?:was|were)\s+)?(?:found|discovered|recovered)|"
    r"found\s+(?:shot\s+)?dead|(?:was|were)\s+killed|kill(?:s|ed|ing)|incidents?)\b"
)
# Lower-case substrings one of which every ATTACK match holds (a cheap test before the regex).
ATTACK_STEMS = (
    "attack", "assault", "ambush", "fire", "shot", "shoot", "gunm", "gunned", "stabb", "bomb",
    "blast", "explo", "detonat", "ied", "booby", "improvised", "blew", "went off", "mine",
    "grenade", "shell", "mortar",
    "rocket", "missile", "airstrike", "air strike", "drone", "uav", "unmanned", "kidnap",
    "warplane", "war plane", "jet", "aircraft", "helicopter", "gunship", "artiller", "howitzer",
    "abduct", "hostage",
    "assassin", "raid", "storm",
    "massacr", "murder", "execut", "behead", "stoned", "burn", "buried", "clash", "battl",
    "fought", "exchange", "repel", "infiltrat", "seiz", "captur", "took", "regain", "wrest",
    "overran", "rape", "raping", "sexual", "bod", "found", "kill", "incident", "target",
    "opened", "struck",
)  # fmt: skip
# A claim of N attacks: "claimed responsibility for two attacks", "two new attacks".
# A count of attacks, in two steps (cheaper than one pattern): the noun, then a count word at
# most three words before it ("claimed two attacks", "two new attacks", "another attack").
COUNT_NOUN = rx(r"\b(?:attacks?|assaults?|ambush(?:es)?|bombings?|operations?|raids?|incidents?)\b")
COUNT_BEFORE = rx(
    r"\b(an|another|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a\s+series\s+of|"
    r"multiple|dozens\s+of)\s+"
    r"(?:(?!(?:for|of|in|on|at|by|and|or|to|from|with|the|a|an)\b|\d)[\w-]+\s+){0,3}$"
)
# Another attack than the one just told ("a second car bomb", "another bombing", "two more
# bombs", "in a separate attack"): its own attack, whose toll adds to the first's instead of
# updating it. Group ``n`` holds the count when it is not one.
ADDITIONAL_STEMS = (
    "another", "second", "third", "fourth", "fifth", "sixth", "separate", "further",
    "additional", " new ", " more ",
)  # fmt: skip
ADDITIONAL = rx(
    r"\b(?:another|an?\s+(?:second|third|fourth|fifth|sixth|separate|further|additional|new)|"
    r"(?P<n>two|three|four|five|six|\d+)\s+(?:more|other|further|additional|separate))\s+"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|assaults?|bombings?|bombs?|blasts?|explosions?|(?:suicide\s+)?bombers?|"
    r"shootings?|incidents?|IEDs?|ambush(?:es)?|strikes?|airstrikes?)\b"
)
# A sentence opening a new item of the story ("Separately, a roadside bomb hit a patrol near X",
# "Meanwhile, shells fell on Y", "Elsewhere, ..."): an attack of its own, on the story's day,
# never one of the open passage's (whose time may be a background's: "last month").
NEW_ITEM = rx(
    r"^\W*(?:separately|meanwhile|elsewhere|in\s+(?:a\s+)?separate\s+(?:incident|attack|"
    r"development)|in\s+(?:another|other)\s+(?:incident|development|attack|news))\b"
)
# Attacks uncounted but told as others than the ones before ("A number of other attacks took
# place in X and Y, killing five"): attacks of their own after one attack's toll, never parts of
# it (nor sharing it); after a toll of several attacks, the rest of them ("A string of bombings
# killed 33. ... Other bombings in X and Y killed 10": parts of the 33).
OTHER_ATTACKS = rx(
    r"\b(?:other|separate)\s+(?:[\w-]+\s+){0,2}?(?:attacks|assaults|bombings|bombs|blasts|"
    r"explosions|shootings|incidents|ambushes|strikes|airstrikes)\b"
)
# "In addition to this attack, four guards were killed when gunmen ...": points back to the
# attack told to tell another, always one of its own.
BESIDES_THIS_ATTACK = rx(
    r"\bin\s+addition\s+to\s+(?:this|that|the)\s+(?:[\w-]+\s+)?(?:attack|assault|bombing|"
    r"blast|explosion|shooting|incident|ambush|strike)\b"
)
# The nouns of one series of attacks ("a series of", "a wave of").
SERIES_NOUNS = r"(?:series|string|wave|spate|chain)"
# Several attacks told together ("a string of car bombings", "attacks across the country"): a
# toll stated with them is a series' total, to share, never one attack's.
SEVERAL_ATTACKS = rx(
    r"\b(?:attacks|assaults|bombings|bombs|blasts|explosions|shootings|strikes|airstrikes|"
    rf"raids|incidents|ambushes)\b|\b(?:{SERIES_NOUNS}|rash)\s+of\b"
)
# Definite reference back to attacks already described ("the attacks come amid ..."), and
# whatever a named group is said to be behind or blamed for ("officials said IS was behind the
# roadside bomb": who did the attack told before, not a new one).
ANAPHORA = rx(
    r"\b(?:the|these|those|both|this|that)\s+(?:latest\s+|recent\s+|two\s+|deadly\s+|"
    r"cowardly\s+)?(?:attacks?|incidents?|strikes?|bombings?|blasts?|explosions?|ambush(?:es)?|"
    r"assaults?|shelling|raids?|(?:killings?|assassinations?)(?!\s+of\b))\b|"
    r"\b(?:(?:was|were|is|are)\s+behind|responsib(?:le|ility)\s+for|blamed\s+for)\s+"
    r"(?:the|these|those|both|this|that)\b"
)
ANAPHORA_STEMS = (
    "attack", "incident", "strike", "bombing", "blast", "explosion", "ambush", "assault",
    "shelling", "raid", "behind", "responsib", "blamed", "killing", "assassination",
)  # fmt: skip

# Attacks over a named land: "attacks across Iraq", "across the Anbar desert".
ACROSS_PLACE = rx(r"\bacross\s+(?:the\s+)?[A-Z]\w+")
# A clause opening with a series, its subject: "A series of bombings struck X".
SERIES_OPENS = rx(rf"\s*(?:a|another)\s+(?:new\s+)?{SERIES_NOUNS}\s+of\b")
# Attacks counted or named as one series ("four car bombs", "six explosions", "a series of
# bombs"): with a toll, across a named place they are one day's series ("four car bombs across
# Baghdad killed 17"), not a tally ("attacks across Iraq have killed hundreds": none counted).
COUNTED_SERIES = rx(
    r"\b(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:(?!(?:in|at|on|of|by|from|and|or|were|was|people|killed|dead|wounded|injured)\b)"
    r"[\w-]+\s+){0,2}?"
    r"(?:attacks|bombs|bombings|blasts|explosions|shootings|strikes|airstrikes|raids|ambushes)|"
    rf"{SERIES_NOUNS}\s+of)\b"
)
# A spell of violence over a land, its attacks uncounted ("Violence across Iraq killed at least
# 23 people on Tuesday", "bloodshed across the north left 40 dead"): a roundup's total told
# first, as "attacks across Iraq" is, never one day's series of its own (a wire roundup then
# tells each attack in a paragraph of its own: the total is theirs, not the first one's).
VIOLENCE_ACROSS = rx(r"\b(?:violence|bloodshed|unrest)\s+across\b")
# "across" one named place: a capitalised name (case-sensitive), neither a conflict country
# nor the first of several places ("across Baghdad and other cities": the country).
ACROSS_ONE_PLACE = re.compile(
    r"\bacross\s+(?!(?:Iraq|Syria)\b)[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\b(?![\w-]|\s*(?:,|and\b))"
)

# A spell of violence counted, not one attack (read on the whole sentence: its commas set off
# what the spell was): "1,300 people were killed in the violence", "were killed in violence in
# June", "The violence in X, which pitted A against B, killed more than 1,400"; near-daily
# fighting's toll ("where near-daily clashes have killed hundreds"); a year's count ("were
# killed in explosions in the north in 2022").
VIOLENCE_STEMS = ("violence", "daily", "killed in")
VIOLENCE_TALLY = rx(
    r"\bkilled\s+in\s+(?:the\s+)?(?:(?:recent|latest|ensuing|sectarian|communal)\s+)?"
    r"violence\b|\bin\s+an?\s+(?:\w+\s+)?(?:wave|spate|outbreak)\s+of\s+(?:\w+\s+)?"
    r"violence\b|"
    r"\bthe\s+violence(?:\s+in\s+[\w'’-]+(?:\s+[\w'’-]+)?)?(?:\s*,[^,.;]{1,90},)?\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:killed|claimed|left)\b|"
    r"\b(?:near|almost)[- ]daily\s+[^.;]{0,60}?\b(?:has|have|had)\s+killed\b|"
    r"\bkilled\s+in\s+(?:\w+\s+)?(?:explosions|attacks|bombings|airstrikes|strikes|"
    r"clashes|shelling)\b[^.;]{0,80}?\bin\s+(?:19|20)\d\d\b(?!\s*,?\s*(?:when|as|after)\b)"
)

# A toll over a span, not one attack (read on the whole sentence, as VIOLENCE_TALLY): a
# campaign's toll in the perfect ("The government offensive on X, which began in April, has
# killed more than 950 civilians", "the bombardment has left 200 dead"), the dead of a war
# ("More than 40,000 people have been killed in the conflict"), a year's count ("8,000 people
# were killed in Iraq last year"). "The offensive killed 12 on Monday" and "a car bomb has
# killed 12 in X" stay, and so does "were killed in X last month" (one attack recalled).
SPAN_TALLY_STEMS = ("has ", "have ", "last year", "this year", "past year")
SPAN_TALLY = rx(
    r"\b(?:offensive|campaign|war|conflict|insurgency|bombardment|siege)\b[^,.;]{0,60}?"
    r"(?:\s*,[^,.;]{1,90},)?\s+(?:has|have)\s+(?:now\s+|so\s+far\s+)?(?:killed|claimed|left)\b|"
    r"\b(?:has|have)\s+been\s+killed\s+(?:\w+\s+){0,3}?in\s+the\s+(?:war|conflict|insurgency|"
    r"offensive|fighting)\b|"
    r"\b(?:were|have\s+been)\s+killed\s+(?:in\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+)?"
    r"(?:last|this|the\s+past)\s+year\b"
)

# Reasons that hold only for a clause stating no toll.
NOT_ATTACK_UNLESS_TOLL = frozenset({"arrest", "habit"})
# Reasons that hold only for a clause stating no one killed or wounded (``HARMED``): "two guards
# were wounded and transferred to hospital" (or "evacuated") tells casualties, not a
# relocation or a withdrawal.
NOT_ATTACK_UNLESS_HARMED = frozenset({"relocation", "withdrawal"})
# Clause-level reasons a sentence is not an attack report, checked in this order.
NOT_ATTACK: list[tuple[str, tuple[str, ...], re.Pattern[str]]] = [
    (
        "foiled",
        ("foil", "thwart", "prevent", "averted", "disrupted", "intercepted", "attempt"),
        rx(
            r"\b(?:foil(?:ed|s)?|thwart(?:ed|s)?|prevent(?:ed|s)|averted|disrupted|"
            r"intercepted\s+before|(?:survived|escaped)\s+\w*\s*(?:assassination\s+)?attempts?)\b"
        ),
    ),
    (
        "aggregate",
        (
            "since",
            "so far",
            "to date",
            "recent",
            "over the past",
            "continue",
            "campaign",
            "carried out",
            "this year",
            "risen",
            "increased",
            "surged",
            "doubled",
            "grown",
            "one of",
            "part of",
            "responsible for",
            "-year",
            "recorded",
            "documented",
            "counted",
            "registered",
            "witness",
            "alone",
            "acts of violence",
            "has killed",
            "have killed",
            "in its",
            "latest",
            "newest",
        ),
        rx(
            # (a summary's closing line: "This was one of two suicide attacks in X on this
            # date", "The attack was one of several in Y governorate that week")
            r"\b(?:was|is)\s+(?:one|part)\s+of\s+(?:the\s+)?(?:two|three|four|five|six|seven|"
            r"eight|nine|ten|several|multiple|many|numerous|\d+|a\s+(?:series|string|wave|"
            r"number)\s+of)\s+(?:\w+\s+){0,3}?(?:attacks|bombings|incidents|explosions|blasts|"
            r"strikes|assaults|ambushes|shootings)|"
            # "The attack is the latest in a series of ISIS operations in the desert"
            rf"\b(?:latest|newest)\s+(?:\w+\s+)?in\s+(?:a|the)\s+(?:long\s+)?{SERIES_NOUNS}\s+of\b|"
            r"\b(?:attack|incident|bombing|explosion|blast|strike|assault)\s+was\s+one\s+of\s+"
            r"(?:several|multiple|many|numerous|two|three|four|five|six|seven|eight|nine|ten|\d+)|"
            r"\bsince\s+(?!then\b)\w+|\b(?:so\s+far|this\s+year|"
            r"(?:have|has)\s+(?:risen|increased|surged|doubled|grown)|"
            r"to\s+date|in\s+recent\s+(?:days|months|weeks|years)|over\s+the\s+past|"
            r"continue[sd]?\s+to\s+carry\s+out|campaign\s+of|"
            r"has\s+carried\s+out\s+(?:several|many|dozens|\w+\s+attacks)|"
            # a toll over years: "has been responsible for the deaths of more than 40,000
            # people", "in its 35-year campaign"
            r"(?:has|have|had)\s+been\s+responsible\s+for\s+(?:the\s+)?(?:deaths|killing)|"
            r"\d+-year(?:-long)?\s+(?:[\w-]+\s+){0,2}?(?:campaign|insurgency|war|conflict)|"
            # a war's toll: "Syria's conflict, now in its seventh year, has killed about
            # 400,000 people"; a month's count: "1,000 Iraqis were killed in acts of violence
            # in April alone"
            r"\b(?:war|conflict|insurgency)(?:\s*,[^,.]{1,40},)?\s+(?:has|have|had)\s+"
            r"(?:killed|claimed|left)\b|\bnow\s+in\s+its\s+\w+\s+year\b|"
            r"\bin\s+acts\s+of\s+(?:violence|terrorism)\b|"
            r"\b(?:in\s+[A-Z][a-z]+|(?:last|this)\s+(?:month|week|year))\s+alone\b|"
            # a state of affairs: "Daraa is witnessing a security chaos of assassinations",
            # "the area has witnessed a wave of attacks"
            r"(?:is|are|has|have)\s+(?:been\s+)?witness(?:ing|ed)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:chaos|escalation|waves?|spate|series|surge|rise|increase|deterioration)|"
            # a monitor's tally: "recorded 34 assassination operations in April"
            r"(?:recorded|documented|counted|registered)\s+(?:(?:the\s+)?(?:killing|deaths?)\s+of\s+)?"
            r"(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+)?\d+\s+(?:[\w-]+\s+){0,2}?"
            r"(?:attacks|operations|assassinations|killings|incidents|bombings|explosions|"
            r"violations|deaths|cases|civilians|people|persons|children))\b"
        ),
    ),
    # attacks over a named land ("attacks across Iraq"), unless one day's series (below)
    ("aggregate", ("across",), ACROSS_PLACE),
    (
        # a natural disaster or a disease, not an attack: "the earthquake that struck northern
        # Syria killed more than 50,000", "floods killed 12 in Duhok" (unless an attack is told
        # in the same clause: "a car bomb killed 12 in a town hit by the earthquake"; drowning
        # is none: it is also a way of executing)
        "disaster",
        ("quake", "flood", "storm", "landslide", "avalanche", "wildfire", "tremor", "epidemic",
         "cholera", "pandemic", "covid", "coronavirus", "heatwave"),
        rx(
            r"(?s)^(?!.*\b(?:bomb|attack|shell|gunm[ae]n|rocket|missile|drone|air\s*strike|"
            r"strike|execut|mortar|explosive|suicide|ambush|sniper|militant|fighters|troops|"
            r"forces)).*"
            r"\b(?:earthquakes?|quakes?|tremors?|floods?|flooding|flash\s+floods|storms?|"
            r"landslides?|avalanches?|wildfires?|heatwaves?|epidemic|pandemic|cholera|covid|"
            r"coronavirus)\b"
        ),
    ),
    (
        "threat",
        (
            "call",
            "urg",
            "vow",
            "threat",
            "must",
            "incit",
            "warn",
            "will",
            "plan",
            "plot",
            "could",
            "might",
            "may ",
            "would",
            "possible",
            "potential",
        ),
        rx(
            r"\b(?:call(?:s|ed|ing)?\s+(?:for|on)|urg(?:ed|es|ing)|vow(?:s|ed|ing)|"
            r"threat(?:en|ens|ened)|must\s+fight|incit\w+|warn(?:s|ed)?\s+of|"
            r"will\s+(?:attack|strike)|plan(?:ned|s|ning)?\s+to\s+attack|"
            r"plot(?:ted|s|ting)?\s+to|(?:a|the)\s+plot\s+to|"
            # what may yet be done: "could launch a ground operation", "possible targets"
            # (not what was stopped: "killed before they could attack")
            r"(?<!before they )(?<!before he )(?<!before she )(?<!before it )"
            r"(?:could|might|may|would)\s+(?:soon\s+|yet\s+|still\s+)?(?:launch|attack|strike|"
            r"target|carry\s+out|begin|start|invade|bomb|shell)|"
            r"(?:possible|potential|likely)\s+targets?)\b"
        ),
    ),
    (
        "offensive",
        ("announc", "launch", "offensive", "phase"),
        rx(
            r"\b(?:announc\w+\s+(?:the\s+)?(?:start|launch)|launch(?:ed|es)?\s+(?:a|an|the)\s+"
            r"(?:new\s+)?(?:offensive|campaign|phase)|offensive\s+operations|"
            r"military\s+offensives?|new\s+phase)\b"
        ),
    ),
    (
        "withdrawal",
        ("withdr", "departed", "pull", "evacuat", "redeploy"),
        rx(
            r"\b(?:withdr[ae]w\w*|withdrawal|departed|pull(?:ed|s|ing)?\s+out|"
            r"evacuat\w+|redeploy\w*)\b"
        ),
    ),
    (
        "escape",
        ("escap", "jailbreak", "prison", "broke", "fled"),
        # A prison break, not victims "trying to escape" an attack.
        rx(
            r"\b(?:jailbreak|prison\s+break|broke\s+out\s+of|(?:prisoners|inmates|detainees)"
            r"\s+(?:\w+\s+)?escaped|escaped\s+from\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:prison|jail|camp)|"
            r"fled\s+(?:the\s+)?(?:prison|camp))\b"
        ),
    ),
    (
        # a raid that arrested people or seized arms, with no toll (a clause with one is still
        # read: "killed two militants and arrested three": ``NOT_ATTACK_UNLESS_TOLL``)
        "arrest",
        ("arrest", "apprehend", "rounded up", "custody", "seized", "confiscat"),
        rx(
            r"\b(?:arrest(?:ed|s|ing)?|apprehend(?:ed|s|ing)?|rounded\s+up|into\s+custody|"
            r"(?:seized|confiscated)\s+(?:\w+\s+){0,3}?(?:weapons|explosives|explosive\s+belts|"
            r"belts|rifles|ammunition|arms|caches?|detonators|devices))\b"
        ),
    ),
    (
        # a habit told as background, with no toll: "U.S. forces have previously struck
        # positions of the group in X", "the militants have repeatedly shelled Y"
        "habit",
        ("previously", "repeatedly", "frequently", "regularly", "routinely", "in the past",
         "often", "only"),
        rx(
            r"\b(?:has|have|had)\s+(?:previously|repeatedly|frequently|regularly|routinely|"
            r"often|in\s+the\s+past)\s+(?:been\s+)?\w+|"
            # ... or in the present: "it frequently targets positions of the PKK in X"
            r"\b(?:frequently|regularly|routinely|often|repeatedly)\s+(?:targets|strikes|"
            r"shells|bombs|attacks|raids|hits|carries\s+out)\b|"
            # ... or a side's word on whom it strikes: "Damascus says it targets only
            # terrorists", "the army said it had only targeted militants" ("the strike only
            # targeted the basement, killing two" is no one's word: it stays)
            r"\b(?:says?|said|insists?|insisted|maintains?|maintained)\s+(?:that\s+)?(?:it|they|"
            r"its\s+(?:forces|jets|warplanes)|the\s+army)\s+(?:(?:had|has|have|was|were|is|are)\s+)?"
            r"(?:only\s+(?:targets?|targeted|targeting|strikes?|struck|hits?|attacks?)|"
            r"(?:targets?|targeted|targeting|strikes?|struck|hits?|attacks?)\s+only)\b"
        ),
    ),
    (
        "relocation",
        ("relocat", "transferr", "repatriat"),
        rx(r"\b(?:relocat\w+|transferr\w+|repatriat\w+)\b"),
    ),
    (
        "judicial",
        ("trial", "convict", "acquit", "verdict", "indict", "prosecut", "court", "sentenced"),
        rx(
            r"\b(?:(?:on|stood|stand|faces?|facing)\s+trial|trial\s+of|convict(?:ed|ing)|"
            r"acquitted|verdict|indicted|prosecut\w+|court\s+(?:heard|ruled|found|convicted|"
            r"sentenced|hearing|case)|(?<!who\shad\s)(?<!who\s)sentenced\s+(?:[\w-]+\s+){0,4}?to\s+"
            r"(?:death|life|prison|"
            r"\w+\s+years))\b"
        ),
    ),
    (
        "commemoration",
        ("anniversar", "commemorat", "since", "after", "years ago"),
        # (a time counted from an earlier attack: "a week after a deadly bombing in X")
        rx(
            r"\b(?:anniversar\w+|commemorat\w+|years\s+(?:since|after|ago)|"
            r"^\s*(?:a|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?)\s+"
            r"(?:since|after))\b"
        ),
    ),
    (
        # someone reacting to an attack told already: "the governor condemned the attack",
        # "residents said they heard the blast", "mourners buried the victims"
        "reaction",
        ("condemn", "denounc", "deplor", "condolence", "mourn", "heard", "buried", "funeral"),
        rx(
            r"\b(?:condemn(?:ed|s|ing)?|denounc(?:ed|es|ing)|deplor(?:ed|es|ing)|"
            r"(?:offered|expressed|sent)\s+(?:his\s+|her\s+|their\s+|its\s+)?condolences|"
            r"mourn(?:ed|s)\b|heard\s+(?:the\s+|an?\s+)?(?:\w+\s+)?(?:blasts?|explosions?|"
            r"gunfire|shots|shooting|bangs?)|buried\s+(?:the\s+)?(?:dead|victims|bodies)|"
            r"funerals?\s+(?:was|were)\s+held)\b"
        ),
    ),
    (
        # graves found or dug up: the dead of attacks long past, no attack of their own ("200
        # mass graves holding 12,000 bodies have been found", "teams began exhuming a mass
        # grave near X"); "IS shot 40 men and dumped them in a mass grave" stays
        "graves",
        ("grave", "exhum"),
        rx(
            r"\bmass\s+graves?\b[^.;]{0,80}?\b(?:found|discovered|uncovered|unearthed|"
            r"exhum\w+)\b|\bexhum\w+\s+(?:\w+\s+){0,3}?(?:graves?|bodies|remains)\b"
        ),
    ),
    (
        "history",
        (
            "overr",
            "caliphate",
            "territorially",
            "used to",
            "once controlled",
            "broke with",
            "overthr",
        ),
        rx(
            r"\b(?:overr[au]n|proclaim\w*\s+a\s+.?caliphate|territorially\s+defeated|"
            r"used\s+to\s+control|once\s+controlled|broke\s+with|overthr[eo]w\w*)\b"
        ),
    ),
]
# A clause dated (at any precision) in a year more than this many years before publication's
# is history, whatever its verbs: news reports what happened days or weeks before.
HISTORY_YEARS_BEFORE = 1

# A habit or a background, not the news of the moment: "has attacked the village repeatedly".
BACKGROUND = rx(
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|en|ught|ot)\b|\b(?:repeatedly|often|"
    r"frequently|regularly|usually|routinely|used\s+to|tends?\s+to|known\s+for)\b"
)

# Claims: the perpetrator itself says it did it.
# The actor itself saying it did it: "its fighters had carried out the attack".
OWN_FORCES = (
    r"\bits\s+(?:forces|fighters|militants|men|members|units|troops|jets|aircraft)\s+"
    r"(?:had\s+)?(?:carried\s+out|conducted|launched|attacked|targeted|struck)\b"
)
# "claimed by both Baghdad and Erbil" (land two sides claim), "claimed the lives of five":
# no claim of an attack.
_NOT_A_CLAIM = r"(?!\s+by\s+both\b|\s+(?:the\s+|\w+\s+)?lives\b)"
CLAIM = rx(
    r"\b(?:claim(?:s|ed|ing)?" + _NOT_A_CLAIM + r"|said\s+(?:that\s+)?it\s+had|"
    # "the Guards said on Sunday they had fired missiles at ...": their own act ("police said
    # they had found the bodies": no act of theirs)
    r"said\s+(?:(?:on|late|early)\s+\w+\s+)?(?:that\s+)?(?:it|they)\s+had\s+(?:fired|"
    r"launched|carried\s+out|conducted|targeted|struck|attacked|shelled|bombed|hit)|"
    r"asserted\s+that\s+its|statement\s+released\s+(?:by|via)|news\s+(?:agency|outlet)|"
    # a group's own outlet ("an IS-affiliated Telegram channel"), not its members ("a
    # PKK-affiliated group attacked": no claim)
    r"affiliated\s+(?:\w+\s+){0,2}?(?:news|media|channels?|outlets?|agency|accounts?|"
    r"websites?|sites?|platforms?))\b|" + OWN_FORCES
)
# A claim strong enough to make a state actor named in the sentence the claimant.
CLAIM_STRONG = rx(r"\bclaim(?:s|ed|ing)?\b" + _NOT_A_CLAIM + "|" + OWN_FORCES)
# A sentence about an attack already described that says when it happened ("The attack took
# place the day before"): its day beats a claim's day (which only bounds the attack).
ATTACK_TIME = rx(
    r"\b(?:took\s+place|happened|occurred|(?:was|were)\s+(?:carried\s+out|launched|staged)|"
    # a charge told before going off: "the car exploded on Monday"
    r"exploded|went\s+off|detonated)\b"
)
# Words of a sentence that says who did an attack already described.
ATTRIBUTION_STEMS = (
    "claim", "responsib", "suspect", "blame", "accuse", "attribut", "its ", "behind",
    "planted by", "left by", "laid by", "fired by", "launched by", "carried out by",
    "perpetrator", "hallmark",
)  # fmt: skip
# Lower-case substrings one of which every match of the pattern of that name holds.
CLAIM_STEMS = ("claim", "said", "asserted", "statement", "news", "affiliated", "its")
SUSPECTED_STEMS = (
    "suspect", "believed", "likely", "presumed", "allegedly", "attributed", "hallmark",
)  # fmt: skip
DISPUTED_STEMS = ("deni", "disputed", "rejected")
SUSPECTED = rx(
    r"\b(?:suspect(?:ed)?|believed\s+to\s+(?:be|have)|likely|presumed|allegedly|"
    r"attributed\s+(?:\w+\s+){0,3}?to|"
    # an inference from the attack's manner: "the attack bore the hallmarks of IS"
    r"hallmarks?\s+of)\b"
)
# "no group claimed responsibility", "nobody has yet claimed": a claim denied, not made.
NO_CLAIM = rx(
    r"(?:\b(?:no(?:\s+\w+)?|nobody|none|not(?:\s+yet)?(?:\s+been)?|never)|(?<=\w)n['’]t)\s+"
    r"(?:(?:has|have|had|yet|immediately|publicly)\s+)*claim(?:s|ed)?\b"
)
DISPUTED = rx(r"\b(?:denied|denies|disputed|rejected\s+responsibility)\b")
ATTRIBUTED = rx(r"\b(?:blam(?:ed|es)|accus(?:ed|es)|attribut(?:ed|es)|held\s+responsible|by)\b")
# A sentence read for who did the attacks told before is read whole, as a claim: it must say
# so in words, not only hold a stem ("units of the PMF" and "in its neighbourhoods" hold
# "its ", "a province claimed by both Baghdad and Erbil" "claim"): a claim (``CLAIM``, "its
# fighters carried out"), a suspicion, a denial, a charge, a group behind it, an act by it or
# the attackers' group ("the gunmen belonged to IS").
SAYS_WHO = rx(
    r"\b(?:responsib|blam|accus|attribut|behind\b|perpetrat|(?:planted|placed|left|laid|set|"
    r"hidden|buried|rigged|fired|launched|detonated|carried\s+out)\s+by\b|"
    r"belong(?:ed|s)?\s+to\b)"
)
# A count of people or things, as news writes it: "one", "12", "at least five", "dozens of".
_COUNT = (
    r"(?:(?:at\s+least|more\s+than|over|about|some|nearly|up\s+to)\s+)?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|"
    r"several|some|many|dozens|scores|hundreds)"
)
# Words describing a group between its article and its name: "the Kurdish YPG", "the
# Iranian-backed Kataib Hezbollah", "Turkish Peshmerga forces".
_GROUP_ADJECTIVES = (
    r"(?:(?:Kurdish|Turkish|Iraqi|Syrian|Iranian|Russian|American|US|Arab|Shiite|Shia|Sunni|"
    r"Yazidi|Assyrian|rebel|opposition|jihadist|[\w-]+-(?:led|backed|allied|aligned|linked|"
    r"affiliated|supported))\s+){0,2}"
)
# An armed-group mention right after these words is the target (the other side), not the
# perpetrator: a preposition of the target ("strikes on IS") or the object of an attack verb
# ("regime forces battled the Islamic State", "gunmen shot dead a Peshmerga fighter").
TARGET_BEFORE = rx(
    r"(?:\b(?:on|against|targeting|targeted|at|from|attack(?:s|ed|ing)|ambush(?:ed|es|ing)|"
    r"battl(?:ed|es|ing)|fought|fighting|shell(?:ed|ing|s)|struck|bomb(?:ed|ing|s)|"
    r"kill(?:ed|s|ing)|wound(?:ed|s|ing)|injur(?:ed|es|ing)|execut(?:ed|es|ing)|"
    r"kidnapp(?:ed|ing)|abduct(?:ed|s|ing)|assassinat(?:ed|es|ing)|hit(?:s|ting)?|"
    r"rammed(?:\s+into)?|raid(?:ed|s|ing)|shot(?:\s+dead)?|shoot(?:s|ing)?(?:\s+dead)?|stormed|seized|captured|recaptured|overran|"
    r"neutrali[sz](?:ed|es|ing)[\"'’]?|(?:cleared|rid|purged)\s+of|"
    # whose dead were counted: "resulting in the death of an SDF commander"
    r"(?:deaths?|killing|injur(?:y|ies)|wounding|martyrdom)\s+of|"
    # where the blast was ("near an Asayish checkpoint"), who held the post hit ("a
    # checkpoint manned by the Peshmerga"; who holds a town is no party: CONTROLLER_BEFORE)
    r"near|beside|outside|inside|in\s+front\s+of|close\s+to|"
    r"(?:manned|guarded|defended|operated)\s+by|"
    # one of the dead told beside another: "a journalist was killed along with a PMF commander"
    r"(?:killed|wounded|injured|died)\s+(?:along|together)\s+with|"
    # whom a vehicle hit carried: "a bomb went off near a vehicle carrying Asayish members"
    r"(?:vehicles?|cars?|bus(?:es)?|minibus(?:es)?|trucks?|convoys?)\s+(?:carrying|transporting)|"
    r"(?:clash(?:ed|es|ing)?|fighting|fought|battles?|firefights?)\s+with)\s+"
    r"(?:(?:the|a|an|" + _COUNT + r")\s+)?" + _GROUP_ADJECTIVES +
    # what of the group was hit: "an airstrike on a hideout of ISIS", "struck positions of the PKK"
    r"(?:(?:[\w-]+\s+)?(?:hideouts?|positions?|posts?|outposts?|bases?|headquarters|sites?|camps?|"
    r"tunnels?|dens?|nests?|gatherings?|groups?|convoys?|vehicles?|cars?|patrols?|checkpoints?|barracks|"
    r"offices?|cent(?:er|re)s?|compounds?|buildings?)\s+(?:of|belonging\s+to|used\s+by)\s+"
    r"(?:the\s+)?" + _GROUP_ADJECTIVES + r")?)$"
)
# A group named only to describe the one named next: "the al-Qaeda-linked HTS", "the
# Iran-backed Kataib Hezbollah", "the al-Qaeda affiliated group Hurras al-Din".
DESCRIBES_NEXT = rx(
    r"(?:\s*-\s*|\s+)(?:linked|affiliated|aligned|backed|allied|inspired|sponsored|funded)"
    r"(?:\s+(?:jihadist|armed|rebel|militant|Islamist|extremist|terrorist)?\s*"
    r"(?:group|faction|militia|organi[sz]ation|alliance|coalition|outfit))?\s+(?:the\s+)?"
)
# A group named as the owner of a place that cannot act, before it: "an Asayish checkpoint",
# "the SDF's base", "Islamic State positions", "an IS-held village": what was hit, or whose
# ground it was, never who attacked ("a YPG patrol opened fire": a patrol acts).
OWNER_AFTER = rx(
    r"(?:\s*\([^()]{1,30}\))?(?:['’]s?)?(?:-(?:held|controlled|run)\b|\s+(?:checkpoints?|"
    r"positions?|posts?|outposts?|bases?|headquarters|barracks|offices?|cent(?:er|re)s?|"
    r"compounds?|hideouts?|strongholds?|facilit(?:y|ies)|depots?|prisons?)\b)"
)
# ... or after it: "a vehicle of the SDF was shot at", "the headquarters of the PMF".
OWNED_BEFORE = rx(
    r"\b(?:vehicles?|cars?|checkpoints?|positions?|posts?|outposts?|bases?|headquarters|"
    r"barracks|offices?|cent(?:er|re)s?|compounds?|hideouts?|depots?|prisons?|homes?|houses?)"
    r"\s+(?:of|belonging\s+to)\s+(?:the\s+)?" + _GROUP_ADJECTIVES + "$"
)
TARGET_WINDOW = 70  # characters before a mention searched for TARGET_BEFORE
VICTIM_MEMBERS_WINDOW = 80  # ... and for VICTIM_MEMBERS_BEFORE
# ... except after an attacker noun ("gunmen from Daesh") or as what was repelled ("repelled
# an ISIS attack"): then it is the one who attacked.
ATTACKER_FROM = rx(
    r"(?:\b(?:gunm[ae]n|militants?|fighters?|members?|elements?|cells?|attackers?|assailants?|"
    r"insurgents?|jihadists?|bombers?)\s+(?:from|of)|"
    # ... or as the one blamed: "the attack was blamed on IS", "believed to be from IS"
    r"\b(?:blam(?:ed|es|ing)|pinned|accused)\s+on|"
    r"\b(?:believed|thought|said|suspected|presumed)\s+to\s+(?:be|have\s+come)\s+from)"
    r"\s+(?:the\s+)?" + _GROUP_ADJECTIVES + "$"
)
# What joins members to their group, before the group's name: "of", "from the", "of the
# Kurdish-led".
_MEMBERS_OF = (
    r"\s+(?:of|from|in|belonging\s+to|affiliated\s+with|linked\s+to|with)\s+(?:the\s+|an?\s+)?"
    r"(?:[\w-]+['’]s\s+)?(?:[\w-]+-(?:led|backed)\s+)?$"
)
# ... unless those members are the ones an attack hit: "killed three fighters of the SDF",
# "wounded two members of the Peshmerga" (the SDF, the Peshmerga: attacked).
VICTIM_MEMBERS_BEFORE = rx(
    r"\b(?:kill(?:ed|s|ing)|wound(?:ed|s|ing)|injur(?:ed|es|ing)|execut(?:ed|es|ing)|"
    r"kidnapp(?:ed|ing)|abduct(?:ed|s|ing)|assassinat(?:ed|es|ing)|shot(?:\s+dead)?|"
    r"target(?:ed|ing|s)|"
    r"neutrali[sz](?:ed|es|ing)[\"'’]?)\s+"
    r"(?:(?:the|a|an|" + _COUNT + r")\s+)*"
    r"(?:(?:local|senior|former|prominent)\s+)?(?:fighters?|members?|soldiers?|troops|"
    r"officers?|officials?|commanders?|leaders?|elements?|personnel|employees?|workers?)"
    + _MEMBERS_OF
)
# ... and those the sentence says were hit, in the passive: "three members of the SDF were
# killed", "two Peshmerga fighters were wounded", "members of the PMF were among the dead"
# (the group named before the verb lost them; "IS militants killed three soldiers" is the
# agent). Before the mention: its members; after it: their noun, then the passive verb.
_VICTIM_NOUNS = (
    r"(?:fighters?|members?|soldiers?|troops|officers?|officials?|commanders?|leaders?|"
    r"elements?|personnel|employees?|workers?|guards?|policemen|militiamen|volunteers|forces)"
)
VICTIM_PASSIVE_BEFORE = rx(
    r"(?:" + _VICTIM_NOUNS + _MEMBERS_OF + r"|\b" + _COUNT + r"(?:\s+other)?\s+$)"
)
# A name that ends in its people ("US troops", "Iraqi soldiers"): the passive may follow it.
VICTIM_NOUN_END = rx(r"\b" + _VICTIM_NOUNS + r"$")
_PASSIVE_HIT = (
    # others hit with them ("five Peshmerga fighters and a civilian were killed"), a comma
    r"(?:\s+(?:and|as\s+well\s+as)\s+[^,.;]{1,40}?)?,?"
    r"(?:\s+(?:in|at|near|from)\s+[A-Z][\w'’-]+)?"  # where they were: "members of the SDF in X"
    r"\s+(?:(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:killed|wounded|"
    r"injured|hurt|kidnapped|abducted|executed|shot|martyred|neutrali[sz]ed|targeted|"
    r"ambushed)|died|(?:were|was)\s+(?:later\s+)?found\s+(?:dead|killed|executed|murdered|beheaded)|"
    # a participle alone ("four US soldiers killed in a rocket attack"), or ending its clause
    # as a coder's toll does ("1 SDF member killed.", "2 Asayish killed, 4 civilians
    # wounded"; not "IS fighters killed three soldiers", "killed and wounded five")
    r"(?:killed|wounded|injured)(?:\s+(?:in|by|when|during|after|while|on)\b|"
    r"(?=\s*(?:[,.;(]|$)|\s+and\s+(?:\d|an?\b|one\b|two\b|three\b|four\b|five\b)))|"
    r"(?:were|was)\s+among\s+the\s+(?:dead|killed|wounded|casualties|victims))\b"
)
# (one more victim may be named before the verb: "a commander in the PMF and one of his guards
# were killed")
VICTIM_PASSIVE_AFTER = rx(
    r"(?:\s*\([^()]{1,30}\))?(?:\s+and\s+(?:an?|one|two|three|his|her|their)\s+[^.;,()]{1,40}?)?"
    + _PASSIVE_HIT
)
VICTIM_NOUN_PASSIVE_AFTER = rx(r"(?:\s*\([^()]{1,30}\))?\s+" + _VICTIM_NOUNS + _PASSIVE_HIT)
# The side whose dead are counted: "four Peshmerga deaths", "heavy IS casualties".
VICTIM_DEATHS_AFTER = rx(
    r"(?:\s*\([^()]{1,30}\))?(?:(?:\s+" + _VICTIM_NOUNS + r")?\s+(?:deaths|casualties|"
    r"fatalities)|\s+" + _VICTIM_NOUNS + r"\s+dead)\b"  # "left four Peshmerga fighters dead"
)
# A named actor blaming or accusing: the accuser, not the one who attacked ("HTS blamed cells
# loyal to Damascus", "HTS, the main group there, blamed ..."); not the accused ("IS, blamed
# for the attack", "the group was blamed for"), nor one denying (the accused, ``disputed``).
ACCUSER_AFTER = rx(
    r"(?:\s*,[^,.]{1,60},)?(?:\s+\w+){0,2}?\s+(?:blam(?:ed|es)|accus(?:ed|es))\s+"
    r"(?!for\b|of\b|by\b)|(?:\s+\w+){0,2}?\s+held\s+(?!responsible)[^.]{1,50}?\bresponsible\b"
)
# A named actor saying something (outside a claim): who spoke ("the SDF said two of its
# members were killed": the SDF lost them).
SPEAKER_AFTER = rx(
    r"\)?(?:['’]s(?:\s+[\w-]+){1,2}?|\s*,[^,.]{1,60},)?(?:\s+\w+)?\s+"
    r"(?:said|says|stated|reported|announced|told)\b"
    r"(?!\s+(?:\w+\s+){0,2}?responsib)"  # "announced responsibility for": a claim
)
# The group holding the place struck is no party to the attack told: "a car bomb exploded in
# the city, which is under the control of the SNA", "in the town, held by the SDF"; nor is the
# one the attackers passed themselves off as ("gunmen dressed as members of the PMF").
CONTROLLER_BEFORE = rx(
    r"\b(?:under\s+(?:the\s+)?(?:control|rule|administration)\s+of|(?:controlled|held|run|"
    r"administered|dominated)\s+by|(?:dressed|disguised|posing)\s+(?:up\s+)?as(?:\s+an?)?"
    r"(?:\s+(?:members?|fighters?|soldiers?|officers?|policemen)\s+of)?)\s+(?:the\s+)?"
    r"(?:[\w-]+-(?:led|backed)\s+)?$"
)
# A force that backs the one acting is no party to the act told: "NSAG fighters backed by
# Turkish artillery attacked", "regime forces, supported by Russian airstrikes, advanced"
# (the one backed acts; a "Turkish-backed" faction is ``DESCRIBES_NEXT``'s).
SUPPORTER_BEFORE = rx(
    r"\b(?:(?:backed|supported|aided|assisted|covered)\s+by|with\s+the\s+(?:\w+\s+)?"
    r"(?:support|backing|help)\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$"
)
REPELLED_BEFORE = rx(
    r"\b(?:repel(?:led|s|ling)?|foil(?:ed|s)?|thwart(?:ed|s)?)\s+(?:an?\s+|the\s+)?$"
)
# ... and the one who repelled it (with a partner: "the PMF and the army repelled an IS
# attack") is the side attacked, not the attacker.
DEFENDER_AFTER = rx(
    r"(?:\s+(?:and|with)\s+[^.,;]{1,40}?)?\s+(?:(?:have|has|had)\s+)?(?:repel(?:led|s)|"
    r"repulsed|foil(?:ed|s)|thwart(?:ed|s)|fended\s+off|fought\s+off)\b"
)
# Forces killing or stopping the attackers themselves are the side answering, not the one
# attacking: "security forces killed four suicide bombers while a fifth ...", "troops shot
# dead the attacker" (not "forces killed five IS militants": an operation of theirs).
ANSWERING_AFTER = rx(
    r"(?:\s+(?:forces|troops|soldiers|units))?\s+(?:killed|shot(?:\s+dead)?|arrested|"
    r"intercepted|stopped|captured)\s+(?:(?:the|a|an|" + _COUNT + r")\s+)*(?:would-be\s+)?"
    r"(?:suicide\s+)?(?:bombers?|attackers?|assailants?)\b"
)
# A charge going off as a group passed or entered is what it hit: "an IED went off as a
# patrol of the PMF passed", "detonated a bomb as Peshmerga fighters entered the village"
# (before the group: the blast, then "as"/"when"/"while" in its clause; after it: the
# passing). "IS fighters entered the village and opened fire" has no blast before.
PASSING_BEFORE = rx(
    r"\b(?:exploded|detonated|went\s+off|blew\s+up|blast|explosion)\b[^.;]{0,60}?"
    r"\b(?:as|when|while)\s+[^.;,]{0,70}$"
)
PASSING_AFTER = rx(
    r"[^.;,]{0,40}?\b(?:passed|passing|entered|entering|drove|driving|crossed|crossing|"
    r"travell?ed|travell?ing|arrived|arriving)\b"
)
# "clashes between A and B", "A and B clashed": both named sides are parties (ACLED's actor1
# and actor2, in the order written when the text does not say who attacked).
CLASH_BETWEEN = rx(
    r"\b(?:clash(?:es|ed)?|fighting|battles?|firefights?|exchanges?\s+of\s+fire|"
    r"confrontations?)\s+(?:\w+\s+){0,2}?between\b"
)
CLASH_STEMS = ("clash", "fight", "battl", "exchange", "confront")
# Two actors told as a clash's pair: joined by "and" (a word or two of theirs between), then
# the clash's verb ("the SDF and the SNA exchanged shelling", "KDP Peshmerga and PKK fighters
# clashed"); "IS and its allies attacked" names one side acting, and "the SDF and coalition
# forces clashed with IS" allies against a third.
SIDES_AND = rx(r"(?:\s+[\w-]+){0,2}?\s+and\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?")
SIDES_VERB = rx(
    r"(?:\s+(?:fighters|forces|militants|factions|troops|units|members))?\s+(?:clashed|"
    r"exchanged\s+(?:\w+\s+)?(?:fire|shelling|shells|attacks)|fought\s+each\s+other)\b"
    r"(?!\s+with\b)"
)
# An actor right after "by" is the agent of what is named before it ("a failed ambush by IS").
AGENT_BY = rx(r"\bby\s+(?:the\s+)?$")

# A state actor (army, ministry, coalition) is a perpetrator only as the agent of the attack:
# right before an attack verb, or after "by"/"blamed".
STATE_AGENT_AFTER = rx(
    r"\s*(?:forces\s+|troops\s+|military\s+|army\s+|jets\s+|aircraft\s+|drones?\s+)?"
    r"(?:(?:has|have|had|reportedly|also)\s+)*(?:carried\s+out|launched|conducted|attacked|"
    r"shelled|struck|bombed|killed|fired|opened\s+fire|targeted|raided|ambushed|hit|clashed|"
    r"battled|fought|repelled|exchanged\s+fire|recaptured|retook|stormed|executed|"
    r"shot(?!\s+down))\b"
)
STATE_AGENT_BEFORE = rx(r"\b(?:by|blamed|accused)\s+(?:the\s+)?$")
STATE_TYPES = frozenset({"government", "state", "international"})
# A state's forces named by their nationality and their arms ("a Turkish drone strike",
# "Israeli warplanes", "the Turkish occupation army"): that state's army is the agent when the
# sentence names no actor ("Syrian Democratic Forces", "Iraqi Kurdistan": no arms, no match).
STATE_ARMS = rx(
    r"\b(Turkish|Israeli|Russian|American|U\.S\.|US|Iraqi|Syrian)(?:-led)?\s+"
    r"(?:(?:army|military|air\s+force|government|regime)\s+)?(?:[A-Z]{1,3}-?\d{1,3}\s+)?"
    r"(?:drone\s+strikes?|air\s*strikes?|strikes?|drones?|warplanes|(?:fighter\s+)?jets|aircraft|"
    r"artillery|shelling|missiles?|bombardment|occupation\s+(?:army|forces|drones?))\b"
)
# The state's forces named without their state ("regime forces shelled", "government
# shelling killed", "government troops", "a regime sniper shot", "a regime suicide drone
# struck", "a regime Krasnopol shell hit": a weapon's model name may stand before its kind):
# the army of the country the sentence's place is in ("regime": Syria's); not
# "government-held villages", a place, nor "the government said drones ...".
STATE_FORCES_UNNAMED = rx(
    r"\b(regime|government|pro-government)(?:'s|’s)?\s+(?:(forces|troops|soldiers|snipers?)|"
    r"(?-i:[A-Z][\w-]+\s+)?(?:shelling|artillery|warplanes|jets|aircraft|air\s*strikes?|"
    r"helicopters|bombardment|barrel\s+bombs|(?:suicide\s+)?drones?|shells?|rockets?|"
    r"missiles?|mortars?)|"
    # the regime itself the agent: "the regime shelled X" (a government that "targeted" may
    # be a policy's)
    r"(?<=regime\s)(?:shelled|bombed|bombarded|pounded|struck|attacked))\b"
)
ARMY_OF_COUNTRY = {"SY": "ent:sy_army", "IQ": "ent:iq_army"}
# ... unless those arms are what was hit: "shot down a Turkish drone", "a strike on ...".
ARMS_HIT_BEFORE = rx(
    r"\b(?:shot\s+down|downed|intercepted|destroyed|seized|captured)\s+"
    r"(?:(?:a|an|the|two|three|\d+)\s+)?$"
)
STATE_ARMS_OF = {
    "turkish": "ent:tr_army", "israeli": "ent:idf", "russian": "ent:ru_army",
    "american": "ent:us_military", "u.s.": "ent:us_military", "us": "ent:us_military",
    "iraqi": "ent:iq_army", "syrian": "ent:sy_army",
}  # fmt: skip

# Weapon -> (weapon, event_type, sub_event_type); first match wins (most specific first).
WEAPONS: list[tuple[tuple[str, ...], re.Pattern[str], str, str | None, str | None]] = [
    (
        ("chemical", "chlorine", "sarin"),
        rx(r"\bchemical|chlorine|sarin\b"),
        "chemical",
        "Explosions/Remote violence",
        "Chemical weapon",
    ),
    (
        ("suicide", "blew"),
        rx(
            r"\bsuicide\s+(?:bomb\w*|attack\w*|vest|car)|\bblew\s+(?:him|her|them)sel(?:f|ves)\s+up"
        ),
        "explosives",
        "Explosions/Remote violence",
        "Suicide bomb",
    ),
    (
        ("air", "drone", "warplane", "aircraft", "helicopter", "uav", "unmanned"),
        rx(
            r"\b(?:air\s*strikes?|drone|warplanes?|aircraft|helicopter|airstrike|UAVs?|"
            r"unmanned\s+aerial)\b"
        ),
        "aerial",
        "Explosions/Remote violence",
        "Air/drone strike",
    ),
    (
        ("shell", "mortar", "artillery", "rocket", "missile"),
        rx(r"\b(?:shell(?:ed|ing|s)?|mortars?|artillery|rockets?|missiles?)\b"),
        "explosives",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (("grenade",), rx(r"\bgrenades?\b"), "explosives", "Explosions/Remote violence", "Grenade"),
    (
        (
            "ied",
            "improvised",
            "bomb",
            "mine",
            "blast",
            "explo",
            "detonat",
            "went off",
            "blew",
            "booby",
        ),
        rx(
            r"\b(?:(?:VB)?IEDs?|improvised\s+explosive|roadside\s+bomb|landmines?|mines?|"
            r"car\s+bomb|booby[\s-]trapped|explosives?\s+(?:devices?|charges?)|bomb(?:s|ed|ing|ings)?|blasts?|explosions?|explod(?:ed|es|ing)|"
            r"detonat\w+|went\s+off|blew\s+up)\b"
        ),
        "explosives",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    (
        ("pistol", "gun", "rifle", "kalashnikov", "fire", "shot", "shoot", "sniper", "ambush"),
        rx(
            r"\b(?:pistols?|guns?|gunm[ae]n|gunfire|rifles?|machine[\s-]guns?|kalashnikov|"
            r"opened\s+fire|shot|shoot\w*|sniper|firearms?|ambush\w*)\b"
        ),
        "firearms",
        None,
        None,
    ),
    (
        ("knife", "knives", "stabb", "machete", "behead"),
        rx(r"\b(?:knife|knives|stabb\w+|machete|beheaded)\b"),
        "melee",
        None,
        None,
    ),
    (
        ("arson", "fire", "torch", "burn", "incendiary", "molotov"),
        rx(r"\b(?:arson|set\s+fire|torched|burned|incendiary|molotov)\b"),
        "incendiary",
        None,
        None,
    ),
    (
        ("kidnap", "abduct"),
        rx(r"\b(?:kidnapp\w+|abduct\w+)\b"),
        "unknown",
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
]

# Wordings that fix the ACLED (event_type, sub_event_type) whatever the weapon, first match
# wins: an execution of captives is violence against civilians even by firing squad, taking or
# retaking ground is a battle, and an explosive or remote weapon (WEAPONS) only comes after
# these three; a clash names a battle when no explosive weapon is named.
TYPE_CUES_FIRST: list[tuple[tuple[str, ...], re.Pattern[str], str, str]] = [
    (
        ("execut", "behead", "stoned", "burn", "buried", "firing squad"),
        rx(
            r"\b(?:execut(?:ed|es|ing|ions?)|behead\w*|stoned\s+to\s+death|firing\s+squads?|"
            r"burn(?:ed|t|s|ing)?\s+(?:\w+\s+){0,4}?(?:alive|to\s+death)|"
            r"buried\s+(?:\w+\s+){0,3}?alive)\b"
        ),
        "Violence against civilians",
        "Attack",
    ),
    (
        ("rape", "raping", "sexual"),
        rx(r"\b(?:rap(?:ed|es|ing)|sexual(?:ly)?\s+(?:assault\w*|violence|abuse\w*))\b"),
        "Violence against civilians",
        "Sexual violence",
    ),
    (
        ("recaptur", "retook", "regain", "liberat"),
        rx(
            r"\b(?:recaptur(?:ed|es|ing)|retook|regained\s+(?:full\s+)?control|"
            r"liberat(?:ed|es|ing))\b"
        ),
        "Battles",
        "Government regains territory",
    ),
    (
        ("seiz", "captur", "took", "wrest", "overran"),
        rx(
            r"\b(?:(?:seized|captured|took|wrested)\s+(?:full\s+)?control|overran|"
            r"(?:seized|captured)\s+(?:the\s+)?(?:town|village|city|district|area|base|"
            r"airport|positions?|hill|checkpoint)s?)\b"
        ),
        "Battles",
        "Non-state actor overtakes territory",
    ),
]
TYPE_CUES_AFTER_WEAPON: list[tuple[tuple[str, ...], re.Pattern[str], str, str]] = [
    (
        ("clash", "battl", "fought", "fight", "exchange", "repel", "infiltrat"),
        rx(
            r"\b(?:clash(?:es|ed|ing)?|battl(?:ed|es|ing)|fought|fighting|firefights?|"
            r"exchanged\s+(?:(?:heavy|artillery|mortar|rocket|sniper|machine[\s-]?gun)\s+){0,2}"
            r"fire|exchanges?\s+of\s+fire|repel(?:led|s|ling)?|infiltrat\w+)\b"
        ),
        "Battles",
        "Armed clash",
    ),
    (
        ("kidnap", "abduct", "hostage"),
        rx(r"\b(?:kidnapp\w+|abduct\w+|hostages?)\b"),
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
]

# Target category, first match wins.
TARGETS: list[tuple[str, tuple[str, ...], re.Pattern[str]]] = [
    (
        "officials",
        ("minister", "governor", "mayor", "official", "judge", "president", "employee", "servant"),
        rx(
            r"\b(?:ministers?|governor|mayor|officials?|judge|president|"
            r"ministry\s+employee|civil\s+servants?)\b"
        ),
    ),
    (
        "security forces",
        ("police", "security", "patrol", "checkpoint", "guard", "intelligence"),
        rx(
            r"\b(?:police\w*|security\s+forces?|internal\s+security|"
            r"patrols?|checkpoints?|border\s+guards?|intelligence)\b"
        ),
    ),
    (
        "military",
        (
            "soldier",
            "army",
            "troops",
            "military",
            "personnel",
            "officer",
            "servicem",
            "battalion",
            "division",
            "base",
        ),
        rx(
            r"\b(?:soldiers?|army|troops|military|personnel|officers?|servicem[ae]n|"
            r"battalion|division|base)\b"
        ),
    ),
    (
        "foreign forces",
        ("coalition", "americans", "troops", "soldiers", "foreign"),
        rx(
            r"\b(?:coalition\s+forces|americans|u\.?s\.?\s+(?:troops|soldiers)|"
            r"foreign\s+forces)\b"
        ),
    ),
    (
        "civilians",
        (
            "civilian",
            "villager",
            "resident",
            "worship",
            "children",
            "women",
            "shepherd",
            "farmer",
            "passers",
            "people",
        ),
        rx(
            r"\b(?:civilians?|villagers?|residents?|worshipp?ers|children|women|"
            r"shepherds?|farmers?|passers-by|people)\b"
        ),
    ),
]

# Casualty words: every clause stating a toll (or its absence) holds one of these stems
# ("martyred": Syrian and Iraqi state media's and Arabic outlets' word for killed).
CASUALTY_STEMS = (
    "hospital",
    "kill",
    "dead",
    "died",
    " die",
    "death",
    "fatalit",
    "casualt",
    "slain",
    "martyred",
    "martyring",
    "martyrdom",
    "gunned down",
    "assassinat",
    "execut",
    "behead",
    "lives",
    "perish",
    "bodies",
    "body",
    "corpse",
    "remains",
    "toll",
    "wound",
    "injur",
    "hurt",
    "maim",
    "harm",
    "unscathed",
    "themselves",
    "himself",
    "herself",
    "alive",
)
# The same at a word's start, where a stem decides something rather than gating a parser:
# "skilled", "pharmacy", "deadline", "the talks remain" and "he lives in" are no toll words.
CASUALTY_WORD = rx(
    r"\b(?:kill|dead(?!line)|died|dies?\b|death|fatalit|casualt|slain|martyred|gunned\s+down|"
    r"assassinat|"
    r"execut|behead|"
    r"(?:their|his|her)\s+lives|perish|bodies|corpses?|remains\s+of|toll\b(?!\s+roads?)|wound|"
    r"injur|hurt|maim|harm|unscathed|themselves|himself|herself|alive)"
)


def has_casualty_word(low: str) -> bool:
    """Whether lower-cased ``low`` holds a casualty word (``CASUALTY_WORD``), cheaply."""
    return hit(CASUALTY_STEMS, low) and CASUALTY_WORD.search(low) is not None


KILLED = (
    r"(?:killed|dead|died|slain|martyred|shot\s+dead|shot\s+and\s+killed|gunned\s+down|"
    r"assassinated|"
    r"found\s+(?:dead|killed|murdered|executed|beheaded)|executed|beheaded|lost\s+their\s+lives)"
)
WOUNDED = r"(?:wounded|injured|hurt|maimed)"
# People harmed as the clause tells them ("three guards were wounded and evacuated", "two
# died on the way"; not "after an offensive that killed dozens": the harm of another act).
HARMED = rx(rf"\b(?:(?:was|were|been)\s+(?:\w+\s+)?(?:{KILLED}|{WOUNDED})|died|perished)\b")
# Verbs whose subject died, with no auxiliary ("three guards died", "the driver perished").
DIED = (
    r"(?:died|dies|die|perished|lost\s+(?:their|his|her)\s+lives?|"
    r"succumbed\s+to\s+(?:their|his|her)\s+\w+)"
)
# Killed or wounded, not saying which ("11 people were killed or wounded", "three civilians
# were killed and injured": one count for both): a casualty count.
EITHER = (
    rf"(?:(?:either\s+)?(?:killed|dead)\s+(?:or|and)\s+{WOUNDED}|"
    rf"{WOUNDED}\s+(?:or|and)\s+killed)"
)
# A court's sentence is no death: "sentenced three men to death", "condemned to death" (before
# a verb of putting to death).
NOT_SENTENCED = r"(?!(?:sentenc|condemn)\w*\s)"
# Put to death by a named means: "beaten to death", "burned them to death".
TO_DEATH = rf"(?:{NOT_SENTENCED}\w+(?:ed|en|nt)|shot)\s+to\s+death"
# Nouns that count the dead, the wounded, or either ("15 deaths", "32 injuries", "10 casualties").
# (the singular counts one: "at least one death"; "death squads" and "death row" count nobody)
DEATH_NOUNS = (
    r"(?:deaths?(?!\s+(?:squads?|row|threats?|sentences?|penalty|certificates?))|fatality|"
    r"fatalities|bodies|corpses)"
)
INJURY_NOUNS = r"(?:injur(?:y|ies))"
EITHER_NOUNS = r"(?:casualties)"
# An attacker's own death, stated reflexively ("blew himself up", "detonated themselves").
SELF_DEATH = (
    r"(?:blew|blow|blows|blowing|detonated|detonating|exploded|killed|killing)\s+"
    r"(?P<self>himself|herself|themselves)"
)
# Words after a number that make it no head count: units of distance, weight, money, time.
NOT_COUNT_WORDS = frozenset([
    "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres",
    "meters", "metre", "meter", "m", "kg", "kilos", "kilograms", "kilogram", "pounds", "lbs",
    "tons", "tonnes", "dollars", "usd", "percent", "per", "cent", "hours", "hour", "minutes",
    "minute", "days", "day", "weeks", "week", "months", "month", "years", "year", "am", "pm",
    "times", "rounds", "shells", "rockets", "missiles", "mortars", "bombs", "attacks", "vehicles",
    "cars", "houses", "homes", "buildings", "villages", "towns",
])  # fmt: skip
# Heads of noun phrases that name attackers (counted as perpetrators when killed).
ATTACKER_NOUNS = rx(
    r"\b(?:attackers?|assailants?|gunm[ae]n|militants?|insurgents?|jihadists?|bombers?|"
    r"terrorists?|perpetrators?|kidnappers?|infiltrators?)\b"
)

# How many days before publication the day a story is about may lie, for an attack it tells
# later without a day of its own to take that day (a week: "on Wednesday" of a Thursday story).
STORY_DAYS = 6
