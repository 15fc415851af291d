"""Killed and wounded counts in a clause, as (low, best, high) ranges.

Contract: ``count_casualties(clause)`` returns ``Casualties(killed, wounded,
perpetrators_killed)``: ``killed`` and ``wounded`` each a ``(low, best, high)`` tuple or None
when the clause states nothing (``high`` None is unbounded, ``best`` None unknown);
``perpetrators_killed`` the attackers among the killed (None when the clause says nothing of
them). ``killed`` counts every death, attackers included (ACLED fatalities, GTD nkill).

Rules (general wording, no list of sentences):
- Victims are the noun phrase before a passive casualty verb ("a soldier and a civilian were
  killed"), before a verb of dying ("three guards died"), before a bare participle after a
  count ("ten dead and 40 wounded", "leaving six killed"), or after an active one ("killed
  three Americans", "the deaths of four people", "the bodies of two men"); a count before a
  noun of death or injury ("15 deaths and 32 injuries", "one death"); a death toll ("the toll
  rose to 9", "claimed 20 lives"). Verbs of killing include "gunned down", "shot and killed",
  "shot to death", "found dead", "assassinated", "burned ... alive"; of wounding, "were left
  injured" and "sustained/suffered injuries" (its subject). Victims named after a passive
  verb add to its subject ("a judge was killed along with two guards", "three were hurt, as
  well as an interpreter"; "the driver was killed, as were three officers"), unless the phrase
  has a predicate of its own ("as well as 20 wounded"). People first taken, then killed, are
  the ones taken ("abducted five drivers and killed them", "two men were seized on Monday,
  and were later executed"), when a count says how many.
- After an active verb, a list closed by "and" counts every item ("killed a judge, his clerk and
  four guards"), unless its items only restate the count before them ("two medics, a Kurd and an
  Arab"); verb phrases of one subject add up ("executed two men and killed a woman").
- Conjuncts are summed ("six policemen and two civilians"), each counted by its leading
  quantity: numerals, number words (compounds too: "fifty-five", "two hundred"), "a"/"an"/
  "another" = 1, qualifiers ("at least 3" and "more than 3" = 3 or more: the stated figure,
  as coders record it; "up to 3" = 0 to 3; "other 40" = 40; "two hundred and twelve" = 212;
  "a couple" = 2), vague words by ACLED's rules
  (``rules.VAGUE_QUANTITIES``), a bare singular noun = 1, a bare plural = 2 or more. A
  number followed by a unit ("2 km", "12-year-old") is no count; a subset ("20 of them
  children", "nine people including four women") is not added to its whole; a bare phrase
  after a count shares it ("12 soldiers and allied militiamen": 12), and so does a "family
  composed of five" (5); a phrase led by "mostly"/"mainly" says who, not how many. A count
  with its own participle is a statement, never an object or a longer phrase ("leaving 4
  killed 9 wounded", "21 dead 15 injured": 4 or 21 killed, 9 or 15 wounded). A dash set
  off by a space ends the phrase after a verb (an aside follows); "her" before a noun is its
  determiner ("her parents": 2), alone a person.
- Attackers are counted among the killed and as ``perpetrators_killed``: a conjunct headed by
  "gunmen", "bombers", "militants" ..., a reflexive death ("blew himself up", "killed himself"),
  "besides the bomber, two shoppers died". "A suicide bomber detonated his vest" implies the
  bomber's death (``bomber_died``), counted only where nothing else states a death
  (``bomber_death``).
- "Casualties" alone is killed or wounded: ``(0, None, n)`` for both, never a death count; so
  is one count for both verbs ("killing and wounding nine", "six were killed or hurt").
- A whole told with its parts counts once: the dead among a count of the hurt ("hurting 35,
  10 of them fatally": killed 10, wounded 25), a total with its breakdown ("among the 28
  victims were ...": 28); a range ("between 10 and 15", "10 to 15") is its lower figure,
  bounded by the upper. Counted people taken or sent to hospital are wounded.
- ``died_of_wounds``: a clause whose dead are the hurt told before ("one of them later died
  of his wounds"): the passage moves them from its wounded to its killed.
- A stated absence is a zero: "no one was hurt", "no casualties", "unharmed", "neither
  injuries nor deaths" (killed and wounded 0); "no one was killed" (killed 0). Any stated toll
  outranks a zero.
- A clause with several statements of one kind keeps the largest (the statements usually
  restate one toll; summing would double count); a statement counting only attackers adds to
  one counting only victims, and one marked as victims on top of those told before it in the
  clause adds to them ("two guards were killed, three more were also found dead": 5; not a
  toll's update, "the toll rose to 9 as two more died": 9), as does a later verb's object
  "N others" ("a bombing killed 40, then a second blast killed 6 others": 46).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from transforms.events import rules
from transforms.events.rules import (
    ATTACKER_NOUNS,
    DEATH_NOUNS,
    DIED,
    EITHER,
    EITHER_NOUNS,
    INJURY_NOUNS,
    KILLED,
    MULTIPLIER_WORDS,
    NOT_COUNT_WORDS,
    NOT_SENTENCED,
    NUMBER_WORDS,
    SELF_DEATH,
    TENS_WORDS,
    TO_DEATH,
    VAGUE_QUANTITIES,
    WOUNDED,
)

Range = tuple[int, int | None, int | None]
# A statement of one kind: its range and how many of it are attackers.
Statement = tuple[Range, int]


class Casualties(NamedTuple):
    killed: Range | None
    wounded: Range | None
    perpetrators_killed: int | None = None
    # "a suicide bomber detonated his vest": the bomber's death, implied, not stated (counted
    # only where the passage states no other death: ``bomber_death``)
    bomber_died: bool = False


_ZERO: Range = (0, 0, 0)

_AUX = r"(?:(?:was|were|are|is|been|have\s+been|has\s+been|had\s+been|got|get)\s+)"
_ADV_WORDS = (
    r"(?:reportedly|also|all|both|later|allegedly|subsequently|critically|seriously|"
    r"badly|slightly|fatally|mortally|lightly|gravely|instantly|immediately|confirmed|left)"
)
_ADV = rf"(?:{_ADV_WORDS}\s+)*"
# Adverbs ending the text before a verb of dying ("three guards later died").
_TRAILING_ADV = re.compile(rf"(?:\s+{_ADV_WORDS})+$", re.IGNORECASE)
# Passive: NP + aux + casualty verb; or NP + verb of dying. The NP is taken back to a boundary.
_PASSIVE = re.compile(
    rf"\b(?:(?P<neg>not\s+|n't\s+|never\s+)?{_AUX}(?P<neg2>not\s+|never\s+)?{_ADV}"
    # "were kidnapped and (later) executed": a first participle, not one of casualty
    rf"(?:(?!(?:{WOUNDED}|killed)\b)\w+ed\s+(?:and|then)\s+{_ADV})?"
    rf"(?:(?P<either>{EITHER})|(?P<verb>{TO_DEATH}|{KILLED}|{WOUNDED})))\b",
    re.IGNORECASE,
)
_DIED = re.compile(rf"\b(?P<died>{DIED})\b", re.IGNORECASE)
# "another sustained injuries", "three guards suffered wounds": the subject was wounded.
_SUSTAINED = re.compile(
    r"\b(?:sustained|suffered|received)\s+(?:(?:serious|severe|minor|light|critical|multiple|"
    r"various|shrapnel|gunshot|bullet)\s+)?(?:injuries|wounds)\b",
    re.IGNORECASE,
)
# Elliptic second passive: "... were killed and others wounded".
_ELLIPTIC = re.compile(
    rf"\band\s+(?P<np>(?:(?!or\b)\w+\s+){{0,3}}?(?!or\b)\w+)\s+(?:(?:was|were|is|are)\s+)?"
    rf"(?P<verb>{WOUNDED}|{KILLED})\b(?!\s+(?:or|and)\s+(?:{WOUNDED}|{KILLED})\b)",
    re.IGNORECASE,
)
# Active: casualty verb + NP; a noun of death + "of" + NP; an act named as a noun + "of" + NP
# ("led to the killing of five", "the martyrdom of two fighters and the wounding of three").
_ACTIVE = re.compile(
    r"\b(?P<verb>(?:killing|wounding|injuring|assassination|execution)\s+of|"
    # (a martyrdom only of a count: "the martyrdom of Imam Hussein" is a feast's name)
    rf"martyrdom\s+of(?=\s+(?:\d|(?:{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\b))|"
    r"martyring|kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|hurt(?:ing|s)?|"
    r"(?:shot|shoots?|shooting)\s+dead|execut(?:ed|ing|es|e)|behead(?:ed|ing|s)?|"
    r"assassinat(?:ed|ing|es)|gun(?:ned|ning|s)\s+down|massacr(?:ed|ing|es)|"
    rf"{TO_DEATH}|"
    r"deaths?\s+of|injur(?:y|ies)\s+of|lives\s+of|(?:bodies|corpses|remains)\s+of)"
    r"\s+(?=(?P<np>[^.;:]{1,140}))",
    re.IGNORECASE,
)
_LEAVING = re.compile(
    rf"\b(?:leaving|left|leaves|leave|resulting\s+in|resulted\s+in)\s+(?P<np>(?:[\w'’-]+\s+){{1,10}}?)"
    rf"(?P<verb>dead|killed|{WOUNDED})\b",
    re.IGNORECASE,
)
# A quantity: an optional qualifier, then a numeral, number word(s) or vague word.
_NUMWORD = "|".join(
    sorted((w for w in NUMBER_WORDS if w not in ("a", "an", "another")), key=len, reverse=True)
)
_QTY = (
    r"(?:(?:at\s+least|more\s+than|over|about|around|approximately|roughly|some|nearly|"
    r"almost|up\s+to|as\s+many\s+as|an\s+estimated|a\s+total\s+of|another|an\s+additional|"
    r"a\s+further)\s+)?"
    rf"(?:\d+[-–]\d+(?![\w-])|\d[\d,]*(?![\w-])|(?:{_NUMWORD})(?:[\s-](?:{_NUMWORD}))?(?:\s+(?:hundred|thousand))?"
    r"|dozens|scores|hundreds|a\s+dozen)"
)
# Bare participle after a count: "ten dead", "more than 50 others injured", not "two gunmen
# killed three people" (an object follows: the count is the killers).
_BARE = re.compile(
    rf"(?:^|(?<=[\s,;:(]))(?<!\bno\s)(?P<np>{_QTY}"
    rf"(?:\s+(?!(?:was|were|is|are|been|has|have|had|and|or|dead|killed|{WOUNDED})\b)[\w'’-]+)"
    rf"{{0,3}}?)\s+(?P<verb>dead|killed|"
    rf"{WOUNDED})\b(?!\s+(?:\d|a\b|an\b|the\b|his\b|her\b|their\b|him\b|them\b|at\s+least\b|"
    rf"(?:{_NUMWORD})\b|dozens\b))",
    re.IGNORECASE,
)
# Counted phrases listed before a bare participle's own count, each with a count, the list
# opening its clause: "7 rebels and 5 soldiers killed", ". 20 HTS, 4 NLF and 12 regime killed"
# (one toll of both sides; not "3 dead and 40 wounded": a participle ends a phrase; nor what a
# word before it governs, "killed 2 and 5 wounded", "4 people die and 11 wounded", "plus two
# attackers and 21 wounded").
_BARE_LIST_BEFORE = re.compile(
    rf"(?:^|(?<=[.;:,(]\s)|(?<=[(]))(?:{_QTY}(?:\s+(?!(?:was|were|is|are|been|has|have|had|and|or|"
    rf"dead|die|dies|plus|{WOUNDED})\b)(?![\w'’-]*(?:ed|ing)\b)[\w'’-]+){{0,3}}?"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+))+$",
    re.IGNORECASE,
)
# A count before a noun of death or injury: "caused 15 deaths and 32 injuries".
_NOUN_COUNT = re.compile(
    rf"(?:^|(?<=[\s,;:(]))(?P<np>{_QTY})\s+(?:(?:other|more|additional|further|civilian|"
    rf"military|confirmed|reported|[\w-]+-related)\s+)?(?P<noun>{DEATH_NOUNS}|{INJURY_NOUNS}|"
    rf"{EITHER_NOUNS})\b",
    re.IGNORECASE,
)
_NOUN_AT = re.compile(rf"\b(?:{DEATH_NOUNS}|{INJURY_NOUNS}|{EITHER_NOUNS})\b", re.IGNORECASE)
# Characters before a verb or noun where the count phrase ending at it may start (a qualifier,
# a number and three words), and after it where a lookahead may read.
_REACH_BACK, _REACH_ON = 90, 30
# "the death toll rose to 12", "a toll of 9"; a time told between the rise and its figure
# ("the toll rose later on Monday to 83"); the rise named as a noun ("documented a rise in the
# death toll of the strikes on X today, Monday, to 12").
_TOLL = re.compile(
    rf"(?:\brise\s+in\s+the\s+(?:death\s+)?toll\b[^.;:]{{0,160}}?\bto|"
    rf"\btoll\b(?:(?:\s+[\w-]+){{0,4}}?\s+(?:to|of|at|reached|hit|was|is|stands\s+at|stood\s+at)|"
    rf"[^.;:]{{0,160}}?\b(?:rose|risen|climbed|jumped|increased|reached|hit)"
    rf"(?:(?:\s+(?:later|again|overnight|further|on|in|by|the|early|late|[A-Z][a-z]+day)){{0,4}}"
    rf"\s+to)?))"
    rf"\s+(?P<np>{_QTY})",
    re.IGNORECASE,
)
# "tortured two men to death": the object of a verb of putting to death (not a court's
# "sentenced three men to death": a sentence, not a death).
_TO_DEATH_ACTIVE = re.compile(
    rf"\b{NOT_SENTENCED}(?:\w+(?:ed|ing)|put|puts)\s+(?P<np>(?:[\w'’-]+\s+){{1,6}}?)"
    r"to\s+death\b",
    re.IGNORECASE,
)
# "a family of five", "a group of 12": the count is the complement's.
_COLLECTIVE = re.compile(
    rf"^(?:an?|the)\s+(?:family|group|total|crowd|number)\s+"
    rf"(?:(?:composed|consisting|made\s+up)\s+)?of\s+(?={_QTY}\b)",
    re.IGNORECASE,
)
# "burned four men alive", "buried 30 villagers alive": put to death by the means.
_ALIVE = re.compile(
    r"\b(?:burn(?:ed|t|ing|s)?|bur(?:ied|y|ies|ying))\s+(?P<np>(?:[\w'’-]+\s+){1,6}?)alive\b",
    re.IGNORECASE,
)
# "shot a civilian dead", "shot two guards dead": the object between the verb and "dead" (not
# "shot at the crowd ... dead", "shot into the air", nor "shot dead by a sniper": no object).
_SHOT_DEAD = re.compile(
    r"\b(?:shot|shoots?|shooting)\s+(?!(?:at|into|in|on|from|by|and|to|with|through|"
    r"near|outside|inside)\b)(?P<np>(?:[\w'’-]+\s+){1,4}?)dead\b",
    re.IGNORECASE,
)
# "the blast claimed 20 lives", "claimed another 12 lives".
_CLAIMED_LIVES = re.compile(
    rf"\bclaim(?:ed|ing|s)?\s+(?P<np>{_QTY})\s+(?:(?:more|other|civilian|innocent)\s+)?lives\b",
    re.IGNORECASE,
)
# One person's death as the outcome: "resulting in his death", "causing the driver's death".
_ONE_DEATH = re.compile(
    r"\b(?:result(?:ed|ing)\s+in|caus(?:ed|ing)|le(?:d|ading)\s+to)\s+"
    r"(?:his|her|the\s+[\w-]+['’]s?)\s+(?:(?:immediate|instant|instantaneous)\s+)?death\b",
    re.IGNORECASE,
)
# One body found: "the body of a young man was found", "the victim's body was recovered",
# "police found the body of a teacher" (one death; "bodies of" counts through _ACTIVE). A
# passive needs its auxiliary ("a governing body found that ..." finds nobody), and "was found
# to" or "not been found" finds no body.
_ONE_BODY = re.compile(
    r"(?:\b(?:the|a|an|one|his|her)\s+(?:[\w-]+\s+)?|[\w-]+['’]s?\s+(?:[\w-]+\s+)?)body\b"
    r"(?:\s+of\s+(?:an?|the|one|his|her|[\w-]+['’]s?)\b[^.;:]{0,80}?)?"
    r"\s+(?:was|has\s+been|had\s+been|is)\s+(?:later\s+|then\s+)?"
    r"(?:found|discovered|recovered|retrieved)\b(?!\s+(?:to|that)\b)|"
    r"\b(?:found|discovered|recovered|retrieved)\s+(?:the|a)\s+(?:[\w-]+\s+)?body\s+of\b",
    re.IGNORECASE,
)
# Counted people taken to hospital were hurt: "12 others were taken to hospital", "sending
# another 29 to hospital", "ten were hospitalised" (not "the bodies were taken to hospital": a
# noun of death is no count of the hurt; nor an uncounted "the wounded were rushed to ...").
_TO_HOSPITAL = re.compile(
    rf"\b(?:{_AUX}|being\s+)(?:{_ADV_WORDS}\s+)*(?:(?:taken|transported|rushed|admitted|brought|"
    r"evacuated|transferred|moved|sent|airlifted|flown)\s+(?:to|into)\s+(?:[\w-]+\s+){0,2}?"
    r"hospitals?|hospitali[sz]ed)\b",
    re.IGNORECASE,
)
_SENT_TO_HOSPITAL = re.compile(
    r"\b(?:send|sends|sending|sent)\s+(?P<np>(?:[\w'’-]+\s+){1,5}?)to\s+(?:[\w-]+\s+){0,2}?"
    r"hospitals?\b",
    re.IGNORECASE,
)
_HOSPITAL_PEOPLE = re.compile(
    rf"{_QTY}(?:\s+(?:more|other|others|people|persons|civilians|children|women|men|victims|"
    r"soldiers|policemen|police|officers|fighters|members|residents|students|workers|pilgrims|"
    r"worshippers|passengers|guards|troops|bystanders))*",
    re.IGNORECASE,
)
# A total with its breakdown: "among the 28 victims were 24 soldiers and 4 civilians", "the 12
# dead included three children" (the total counts once; "victims" are the dead where the
# clause counts the hurt apart, else killed or wounded).
_TOTAL_BROKEN_DOWN = re.compile(
    rf"\b(?:among\s+(?:the\s+)?(?P<np>{_QTY})\s+(?:(?:people|persons)\s+)?"
    r"(?P<noun>dead|killed|victims|fatalities|wounded|injured|casualties)\s+(?:were|was|are|is)|"
    rf"the\s+(?P<np2>{_QTY})\s+(?P<noun2>dead|killed|victims|fatalities|wounded|injured|"
    r"casualties)\s+(?:included|include|includes|were\s+(?:mostly|mainly)))\b",
    re.IGNORECASE,
)
# Between two active verb phrases of one subject: "executed two men and (also) killed a woman".
_NEXT_VERB = re.compile(r"[\s,]*(?:and\s+)?(?:(?:also|then|later|subsequently)\s+)?", re.IGNORECASE)
# A list item that counts people: "six other officials", "a guard", "his brother".
_LIST_ITEM = re.compile(rf"\s*(?:{_QTY}|an?|another|his|her|their|its)\b", re.IGNORECASE)
_MAX_NP_WORDS = 16
_VERB_AFTER = re.compile(
    rf"\b(?:(?P<k>{TO_DEATH}|{KILLED}|{DIED})|(?P<w>{WOUNDED}))\b", re.IGNORECASE
)
# Victims counted on top of ones already told: "two drivers were also killed", "another three
# died", "4 more were wounded" ("more than 5" is no more).
_ADDITIVE = re.compile(
    rf"\b(?:another|an\s+additional|a\s+further|additional|further)\s+(?:{_NUMWORD}|\d)|"
    rf"\b(?:{_NUMWORD}|\d+)\s+more(?!\s+than)\b|"
    r"\b(?:was|were|have\s+been|has\s+been|had\s+been)\s+also\b|\balso\s+(?:died|killed|wounded|injured)\b",
    re.IGNORECASE,
)
_ADDITIVE_STEMS = ("another", "additional", "further", " more", "also")
# Within one clause, a verb's object "N others" after a clause break adds too ("53 were killed
# in a car bombing, followed by a second blast which killed 8 others": 61; not a list, "a
# commander and 3 others"); of a passage told before, it is no marker (``adds_to_earlier``).
_ADDED_OTHERS = re.compile(
    rf"\b(?:kill|wound|injur)(?:ed|ing|es|s)?\s+(?:at\s+least\s+)?(?:{_NUMWORD}|\d+)\s+others\b",
    re.IGNORECASE,
)
_SPLIT_STEMS = (*_ADDITIVE_STEMS, " others")
_CLOSED_PAREN = re.compile(r"\s*\([^()]{0,80}\)$")
_INCLUDING = re.compile(r"\s+(?:including|among\s+them|among\s+whom)\b", re.IGNORECASE)
# A conjunct of adjectives and a plural noun, with no count or determiner of its own: it
# shares the count before it ("12 soldiers and allied militiamen": 12 in all).
_BARE_PLURAL = re.compile(
    r"^\s*(?!(?:the|his|her|their|its|this|that|these|those|other|others|some|several|many|all|"
    r"both|each|every|most|few|no)\b)(?:[a-z][\w'’-]*\s+){0,2}"
    r"[a-z][\w'’-]*(?:men|people|children|police|personnel|[^s]s)\s*$",
    re.IGNORECASE,
)
_SELF = re.compile(SELF_DEATH, re.IGNORECASE)
# One suicide bomber setting off the charge: the bomber died, though no word says so.
_SUICIDE_BLAST = re.compile(
    r"\b(?:an?|the)\s+suicide\s+(?:car\s+|truck\s+)?bomber\b[^.;]{0,60}?"
    r"\b(?:detonat(?:ed|ing)|blew\s+up|blowing\s+up|exploded|exploding|set\s+off)\b",
    re.IGNORECASE,
)
# Stated absences: nobody / no casualties / unharmed.
_NONE_KILLED = re.compile(
    rf"\b(?:no\s+one|no-one|nobody|none)\b(?:\s+\w+){{0,3}}?\s+(?:{_AUX})?(?:{KILLED})\b|"
    rf"\bno\s+(?:(?:immediate|reported|other|further)\s+)?(?:deaths|fatalities|dead)\b",
    re.IGNORECASE,
)
_NONE_ANY = re.compile(
    rf"\b(?:no\s+one|no-one|nobody|none)\b(?:\s+\w+){{0,3}}?\s+(?:{_AUX})?(?:{WOUNDED}|harmed)\b|"
    r"\bno\s+(?:(?:immediate|reported|other|further|human)\s+)?(?:casualties|injuries|victims|"
    r"injured|wounded)\b|\bneither\s+(?:injuries|casualties|deaths|fatalities)\s+nor\b|"
    r"\bwithout\s+(?:causing\s+)?(?:any\s+)?(?:casualties|injuries|victims)\b|"
    r"\b(?:unharmed|unhurt|unscathed)\b",
    re.IGNORECASE,
)
# Where a noun phrase stops (going forward after an active verb).
_NP_STOP = re.compile(
    r"\s+(?:and\s+(?:at|in|on|by)|in|on|at(?!\s+least)|near|during|when|while|after|before|by|"
    r"due\s+to|because\s+of|owing\s+to|"
    r"with|as|since|who|which|including|among|of\s+whom|most\s+of|"
    r"and\s+(?:(?:also|then|later|subsequently)\s+)?(?:wound|injur|hurt|kill|left|leav|caus|sent|send|"
    r"execut|behead|shot|shoot|gun|assassin|massacr|burn|buri|tortur)\w*|outside|inside|amid|following|"
    r"across|throughout|from|but|was|were|is|are|had|has|have|"
    r"and\s+(?:the\s+)?(?:injur|death|wound)\w*)\b|[,\"“”(]|"
    # a dash set off by a space, or a long dash: an aside begins ("two guards - both off duty")
    r"\s*[–—]|(?<=\w)-(?=\s)|\s-\s",
    re.IGNORECASE,
)
# Where a noun phrase starts (going backward from a passive verb).
# (a dash between spaces before a capital or a digit ends a dateline: "DAMASCUS - Fifteen"; a
# relative "which" starts its clause: "clashes in which 13 soldiers and eight attackers died")
_NP_START = re.compile(
    r"(?:^|[,;:\"“”(]|(?<=\s)[-–—](?=\s+(?-i:[A-Z0-9]))|\b(?:that|said|says|saying|where|when|after|"
    r"while|which|confirmed|"
    r"reported|stated|stating|and\s+that|leaving|left|leaves|with|but|whereas|"
    r"killing|wounding|injuring|hurting|bringing)\b)\s*",
    re.IGNORECASE,
)
# A subset of the phrase before it: "27 people, 20 of them children, were killed".
_SUBSET = re.compile(
    r"^\s*(?:[\w-]+\s+){1,3}of\s+(?:them|whom)\b|^\s*(?:including|among\s+them|mostly|mainly)\b",
    re.IGNORECASE,
)
# "besides the bomber, two shoppers died": a phrase added to the one after it.
# (not a thing pointed back to: "in addition to this attack, four guards were killed")
_BESIDES = re.compile(
    r"\b(?:besides|apart\s+from|aside\s+from|in\s+addition\s+to|along\s+with|together\s+with)"
    r"\s+(?!(?:this|that|these|those)\b)(?P<np>[^,;]{1,60}?)\s*,\s*$",
    re.IGNORECASE,
)
# "the driver was killed, as were three police officers".
_AS_WERE = re.compile(r"\s*,?\s*as\s+(?:was|were)\s+(?P<np>[^,;.]{1,80})", re.IGNORECASE)
# A phrase added after the verb: "a reporter was killed along with two guards", "three soldiers
# were wounded, as well as their interpreter", "20 were killed, in addition to the two
# assailants" (victims of the same verb, on top of its subject).
_ALONG_WITH = re.compile(
    r"\s*,?\s*(?:along\s+with|together\s+with|as\s+well\s+as|in\s+addition\s+to|besides)\s+"
    r"(?P<np>[^;.]{1,120})",
    re.IGNORECASE,
)
# A phrase that is the subject of a statement of its own ("as well as 20 were wounded", "along
# with 12 others killed"), not one more victim of the verb before it.
_OWN_PREDICATE = re.compile(
    rf"^\s*(?:{_AUX}|{_ADV_WORDS}\b)|\b(?:dead|{KILLED}|{WOUNDED}|{DIED})\b", re.IGNORECASE
)
# An opening phrase of time, place or attacks before the subject, no comma after it ("In other
# attacks at least 8 people were killed", "On Monday 12 people were killed", "Elsewhere three
# soldiers were wounded"): the count after it leads the noun phrase, not the opening's words.
_OPENING = re.compile(
    r"(?:in|on|at(?!\s+(?:least|most)\b)|during|near|nearby|inside|outside|across|elsewhere|"
    r"meanwhile|separately|overall|"
    r"altogether|later|earlier)\b",
    re.IGNORECASE,
)
# ... a count that is the opening's own: a year, a day of a month, a count of attacks or of time
# ("In two attacks at least 8 people", "On 12 May 3 people", "in 2014").
_OPENING_COUNT = re.compile(
    r"(?:19|20)\d\d\b|[\w-]+\s+(?:" + rules.MONTH_NAMES + r"|separate|other|attacks?|assaults?|"
    r"bombings?|blasts?|explosions?|incidents?|raids?|strikes?|airstrikes?|clashes|ambush(?:es)?|shootings?|days?|hours?|"
    r"weeks?|months?|years?|villages?|towns?|areas?|places?|districts?|provinces?|cities)\b",
    re.IGNORECASE,
)


def _past_opening(np: str) -> int:
    """Where the counted subject starts after an opening phrase (``_OPENING``), 0 when ``np``
    opens with none or no count follows it."""
    if not _OPENING.match(np):
        return 0
    for m in _COUNT_LED.finditer(np, 1):
        if not _OPENING_COUNT.match(np, m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))):
            return m.start()
    return 0


# Characters before a passive verb scanned first for where its noun phrase starts.
_NP_WINDOW = 64
_CONJ = re.compile(
    r",\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+plus\s+|\s+(?:besides|aside\s+from|"
    r"apart\s+from|in\s+addition\s+to|along\s+with|together\s+with)\s+",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(
    r"^(?:(?P<q>at\s+least|more\s+than|over|about|around|approximately|roughly|nearly|almost|"
    r"some|up\s+to|as\s+many\s+as|an\s+estimated)\s+)?"
    r"(?:(?:a\s+total\s+of|an\s+additional|a\s+further|additional|further)\s+)?"
    r"(?:(?P<another>another)\s+(?=\d|[a-z]+\b))?"
    r"(?P<n>\d[\d,]*(?P<tail>[\w%-]*)|[a-z]+(?:-[a-z]+)?(?:\s+(?:hundred|thousand|dozen|few|"
    r"one|two|three|four|five|six|seven|eight|nine)\b)?)",
    re.IGNORECASE,
)
# "the two soldiers", "all five": a determiner before the count.
_DETERMINER = re.compile(
    r"^(?:all\s+|both\s+)?(?:the|these|those|his|her|their|its|our)\s+(?=\S)|^all\s+(?=\S)"
)
_NONE_WORDS = frozenset(["no", "none", "nobody", "no-one"])
# Compiled once (the module-level re cache lookup per call shows in a profile).
_VICTIM_HEADS = re.compile(
    r"\b(?:civilians?|soldiers?|members?|personnel|officers?|policem[ae]n|guards?|people)\b",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[a-z]+")
# A conjunct led by a number ("150 soldiers"), and a bare noun with no determiner ("policemen").
_NUMBER_LED = re.compile(
    r"(?:(?:at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to|as\s+many\s+as)"
    rf"\s+)?(?:\d|(?:{_NUMWORD})\b)",
    re.IGNORECASE,
)
# A relative pronoun ending the phrase before a passive verb, and a count starting a word.
_RELATIVE_WHO = re.compile(r"\s+(?:who|whom)$", re.IGNORECASE)
_COUNT_LED = re.compile(rf"(?<![\w-]){_NUMBER_LED.pattern}", re.IGNORECASE)
# ... which heads a noun phrase: a count, three words, an "of" phrase ("two officers of the
# border guard"), no verb between ("two reporters met guards who": no count of the guards)
_COUNTED_PHRASE = re.compile(
    r"[\w-]+(?:\s+[\w'’-]+){0,3}(?:\s+of\s+[\w'’-]+(?:\s+[\w'’-]+){0,4})?", re.IGNORECASE
)
_BARE_NOUN = re.compile(r"^\s*[a-z][\w-]*\s*$")
_PREPOSITION = re.compile(r"\s(?:of|from|in|at|with|for|on)\s", re.IGNORECASE)
_COUNTED = re.compile(
    rf"(?:{_QTY}|a|an|another|one|the\s+(?:{_NUMWORD}|\d))\b|(?:him|her)(?:self)?\b", re.IGNORECASE
)
_KILLED_VERB = re.compile(
    rf"(?i){TO_DEATH}|{KILLED}|{DIED}|kill|shot|shoot|dead|martyr|execut|behead|death|lives|"
    r"bodies|corpses|"
    r"remains|assassin|gun|massacr"
)
# Lower-case substrings one of which every match of the pattern holds: a pattern is scanned
# only where one occurs (most casualty clauses lack "leaving", many an active verb).
_PASSIVE_VERB_STEMS = (
    "killed",
    "dead",
    "died",
    "slain",
    "martyred",
    "executed",
    "beheaded",
    "lives",
    "wounded",
    "injured",
    "hurt",
    "maimed",
    "perished",
    "succumbed",
    "die",
    "to death",
    "gunned down",
    "assassinated",
)
_PASSIVE_AUX_STEMS = ("was", "were", "are", "is", "been", "got", "get")
_DIED_STEMS = (" die", "perish", "lives", "succumb")
_ELLIPTIC_STEMS = ("and",)
_LEAVING_STEMS = ("leav", "left", "result")
_ACTIVE_STEMS = (
    "kill",
    "wound",
    "injur",
    "hurt",
    "dead",
    "execut",
    "behead",
    " of ",
    "assassinat",
    " down",
    "massacr",
    "to death",
    "martyr",
)
_BARE_STEMS = ("dead", "killed", "wounded", "injured", "hurt", "maimed")
_NOUN_STEMS = ("death", "fatalit", "bodies", "corpse", "injur", "casualt")
_NONE_STEMS = (
    "no ",
    "nobody",
    "no-one",
    "none",
    "neither",
    "without",
    "unharmed",
    "unhurt",
    "unscathed",
)
_SELF_STEMS = ("himself", "herself", "themselves")
_PRONOUN_ONE = frozenset(["him", "her", "himself", "herself"])
# Words saying what most of the victims were, never how many ("mostly civilians").
_DESCRIPTIVE = frozenset(["mostly", "mainly", "largely", "chiefly", "primarily", "predominantly"])
# "a couple", "the elderly couple", "a couple of farmers": two people (not "a couple of dozen").
_COUPLE = re.compile(r"^(?:an?|the)\s+(?:[a-z]+\s+)?couple\b(?!\s+of\s+(?:dozens?|hundreds?|\d))")
# "other 42" (the count after "other"): the count.
_OTHER_COUNT = re.compile(rf"^other\s+(?=\d|(?:{_NUMWORD})\b)")
_SKIP_HEAD = frozenset(
    [
        "the",
        "his",
        "her",
        "their",
        "its",
        "who",
        "which",
        "that",
        "it",
        "them",
        "they",
        "this",
        "these",
        "those",
        "in",
        "on",
        "themselves",
        "people's",
    ]
)
_VERBISH = re.compile(
    r"\b(?:\w+ed|exploded|struck|hit|hits|went|blew|was|were|is|are|has|had|have|opened|took|"
    r"kills?|shoots?|wounds|injures|strikes|attacks)\b",
    re.IGNORECASE,
)
_FINITE = frozenset(["was", "were", "is", "are", "had", "has", "have"])
_PARTICIPLE_ADJ = frozenset(
    ["armed", "unidentified", "masked", "detained", "kidnapped", "unnamed", "suspected"]
)
# ... unless a verb follows the count (not a participle of a passive: "wanted by police"): the
# count is that verb's subject, the relative's antecedent its object ("two reporters met guards
# who", "three medics treated soldiers who").
_ANOTHER_VERB = re.compile(
    rf"\s(?:(?!(?:{'|'.join(_PARTICIPLE_ADJ)})\b)\w+ed|met|saw|told|found|spoke|heard|led|fought|"
    r"brought|gave|sent|knew|became|came|ran|sought|caught|held|took|left|chose|paid)"
    r"(?!\s+by\b)\s",
    re.IGNORECASE,
)


def _word_number(tok: str) -> int | None:
    """ "fifty-five" 55, "two hundred" 200, "seven" 7 (None: no number word)."""
    parts = tok.replace("-", " ").split()
    if not parts or parts[0] not in NUMBER_WORDS or parts[0] in ("another", "single", "lone"):
        return None
    n = NUMBER_WORDS[parts[0]]
    rest = parts[1:]
    if rest and parts[0] in TENS_WORDS and rest[0] in NUMBER_WORDS and NUMBER_WORDS[rest[0]] < 10:
        n += NUMBER_WORDS[rest[0]]
        rest = rest[1:]
    if rest and rest[0] in MULTIPLIER_WORDS:
        n *= MULTIPLIER_WORDS[rest[0]]
    return n


def _conjunct_range(conj: str) -> tuple[Range, bool] | None:
    """A conjunct's count and whether it names attackers (None: no count of people)."""
    conj = conj.strip().strip("\"“”'").strip()
    if not conj or _NOUN_AT.search(conj):
        return None  # "one death and six injured": a noun of death counts in its own rule
    attacker = bool(ATTACKER_NOUNS.search(conj)) and not _VICTIM_HEADS.search(conj)
    low_conj = conj.lower()
    first = low_conj.split()[0]
    if first in _PRONOUN_ONE and (first != "her" or low_conj == "her"):
        return (1, 1, 1), first in ("himself", "herself")  # not "her parents": a determiner
    if _COUPLE.match(low_conj):
        return (2, 2, 2), attacker
    if low_conj in ("them both", "both of them"):
        return (2, 2, 2), attacker
    if first in _NONE_WORDS or low_conj.startswith("no one"):
        return _ZERO, attacker
    if first in ("a", "an", "the"):
        low_conj = _COLLECTIVE.sub("", low_conj)
    elif first == "other":
        low_conj = _OTHER_COUNT.sub("", low_conj)
    m = _QUALIFIER.match(_DETERMINER.sub("", low_conj))
    q = (m.group("q") or "").lower() if m else ""
    tok = m.group("n").lower() if m else ""
    rest = _DETERMINER.sub("", low_conj)[m.end() :].split() if m else []
    n: int | None = None
    if tok[:1].isdigit():
        tail = m.group("tail") if m else ""
        upper = _RANGE_TAIL.fullmatch(tail)
        if (tail and upper is None) or (rest and rest[0] in NOT_COUNT_WORDS):
            return None  # "12-year-old", "5th", "2 km": no head count
        n = int(tok[: len(tok) - len(tail)].replace(",", ""))
        if upper is not None:  # "10-15": the lower figure, as ACLED codes a range
            high = int(upper.group(1))
            return ((n, n, high) if high > n else (n, n, n)), attacker
    elif tok not in VAGUE_QUANTITIES:
        n = _word_number(tok)
        if n is not None and rest and rest[0] in NOT_COUNT_WORDS and n > 1:
            return None
    if n is None and m and m.group("another"):
        n = 1
    if n is None:
        key = tok if tok in VAGUE_QUANTITIES else (tok.split()[0] if tok else "")
        if key in VAGUE_QUANTITIES:
            return VAGUE_QUANTITIES[key], attacker
        if q == "some":
            return VAGUE_QUANTITIES["some"], attacker
        if first in {"them", "they", "who", "which", "it", "those"}:
            return None
        words = _LETTERS.findall(low_conj)
        if not words:
            return None
        # The head of a phrase without a quantity: "of" starts a complement ("members of X").
        head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
        if head in _SKIP_HEAD or head in NOT_COUNT_WORDS:
            return None
        if head.endswith(("men", "people", "children", "police", "personnel")) or (
            head.endswith("s") and not head.endswith("ss")
        ):
            return (2, 2, None), attacker
        return (1, 1, 1), attacker
    if q in ("at least", "more than", "over"):
        # "more than 60" is coded 60, as coders do (GTD, ACLED: the stated figure is the
        # conservative count), with no upper bound: the same range as "at least 60".
        return (n, n, None), attacker
    if q in ("about", "around", "nearly", "almost", "approximately", "roughly", "an estimated"):
        return (max(n - 1, 0) if q in ("nearly", "almost") else n, n, n), attacker
    if q in ("up to", "as many as"):
        return (0, n, n), attacker
    return (n, n, n), attacker


def _looks_like_np(conj: str) -> bool:
    """A conjunct away from the verb is summed only if it is a noun phrase ("six policemen
    and two civilians"), not a clause ("the bomb exploded and two died", "and damaging a
    car")."""
    words = conj.split()
    if words and words[0].lower().endswith("ing"):
        return False
    return all(w.lower() in _PARTICIPLE_ADJ for w in _VERBISH.findall(conj))


def _inside_pp(conjs: list[str]) -> list[str]:
    """Drop a conjunct with no count of its own that continues the previous one: its
    prepositional phrase ("four students from the Faculty of Law and Jurisprudence":
    "Jurisprudence" is no victim) or its count ("150 soldiers and policemen": 150 in all)."""
    out = conjs[:1]
    for prev, conj in zip(conjs, conjs[1:], strict=False):
        if not _COUNTED.match(conj.strip()) and (
            _PREPOSITION.search(prev)
            or (
                _NUMBER_LED.match(prev.strip())
                and (_BARE_NOUN.match(conj) or _BARE_PLURAL.match(conj))
            )
        ):
            continue
        out.append(conj)
    return out


def _np_range(np: str, forward: bool = False) -> Statement | None:
    """A noun phrase's count: its conjuncts summed (attackers among them counted apart),
    from the one next to the verb outwards (``forward``: the phrase follows the verb)."""
    if np.lstrip().split(" ", 1)[0].lower() in _DESCRIPTIVE:
        return None  # "mostly women and children": who they were, no count
    total_low, total_best, total_high, attackers = 0, 0, 0, 0
    seen = False
    best_known, high_known = True, True
    conjs = _inside_pp(_CONJ.split(np))
    for k, conj in enumerate(conjs if forward else reversed(conjs)):
        if k and not _looks_like_np(conj):
            break
        got = _conjunct_range(conj)
        if got is None:
            continue
        r, attacker = got
        seen = True
        total_low += r[0]
        if r[1] is None:
            best_known = False
        else:
            total_best += r[1]
            attackers += r[1] if attacker else 0
        if r[2] is None:
            high_known = False
        else:
            total_high += r[2]
    if not seen:
        return None
    return (
        (total_low, total_best if best_known else None, total_high if high_known else None),
        attackers,
    )


def _value(r: Range) -> int:
    return r[1] if r[1] is not None else r[0]


def _add(a: Range, b: Range) -> Range:
    best = None if a[1] is None or b[1] is None else a[1] + b[1]
    high = None if a[2] is None or b[2] is None else a[2] + b[2]
    return (a[0] + b[0], best, high)


def larger(a: Statement | None, b: Statement | None) -> Statement | None:
    """Two statements of one toll: the larger, or the sum when one counts only attackers and
    the other none ("the bomber blew himself up" and "killing five")."""
    if a is None:
        return b
    if b is None:
        return a
    only_a = a[1] > 0 and a[1] == _value(a[0])
    only_b = b[1] > 0 and b[1] == _value(b[0])
    if only_a != only_b and (a[1] == 0 or b[1] == 0):
        return _add(a[0], b[0]), a[1] + b[1]
    return a if _value(a[0]) >= _value(b[0]) else b


def _near(pattern: re.Pattern[str], anchor: re.Pattern[str], clause: str, group: str) -> list:
    """Matches of ``pattern`` whose ``group`` is at a match of ``anchor``, scanned only near
    each anchor (a scan of the whole clause tries a quantity at every word)."""
    out, seen = [], set()
    for a in anchor.finditer(clause):
        lo, hi = max(0, a.start() - _REACH_BACK), min(len(clause), a.end() + _REACH_ON)
        for m in pattern.finditer(clause, lo, hi):
            if m.start(group) == a.start() and m.span() not in seen:
                seen.add(m.span())
                out.append(m)
    return out


def _larger_high(r: Range | None, high: int) -> Range:
    """A count of killed-or-wounded: (0, unknown, the largest count)."""
    return (0, None, high if r is None or r[2] is None else max(r[2], high))


def _np_start(before: str, window: int = _NP_WINDOW) -> int:
    """Where the noun phrase before a passive verb starts: the end of the last _NP_START match
    in ``before`` (0 when none). The last match of a scan ends where the rightmost possible
    match does (a match can only start inside another as "that" in "and that", ending with it),
    so scanning the tail finds it whenever the tail holds one."""
    end = -1
    if len(before) > window:
        for m in _NP_START.finditer(before, len(before) - window):
            end = m.end()
        if end >= 0:
            return end
    for m in _NP_START.finditer(before):
        end = m.end()
    return max(end, 0)


def _kind(verb: str) -> str:
    return "killed" if _KILLED_VERB.match(verb) else "wounded"


def _passive_np(clause: str, at: int) -> Statement | None:
    """The statement whose noun phrase ends at ``at`` (before a passive verb)."""
    before = clause[:at].rstrip(" ,")
    if "ly" in before[-14:] or "also" in before[-6:] or "all" in before[-5:]:
        before = _TRAILING_ADV.sub("", before)
    if before.endswith(")"):  # "two fighters (both from the 5th brigade) were killed"
        before = _CLOSED_PAREN.sub("", before)
    start = _np_start(before)
    np = before[start:]
    opened = _past_opening(np)
    start, np = start + opened, np[opened:]
    rel = _RELATIVE_WHO.search(np) if np.endswith(("who", "whom")) else None
    if rel is not None:
        # "mourns two officers who were killed": the counted phrase the relative follows
        led = [m.start() for m in _COUNT_LED.finditer(np, 0, rel.start())]
        phrase = np[led[-1] : rel.start()] if led else ""
        if led and _ANOTHER_VERB.search(phrase):
            return None  # "two reporters met guards who were killed": the count met them
        if _COUNTED_PHRASE.fullmatch(phrase) and _looks_like_np(phrase):
            start += led[-1]
            np = phrase
    if _SUBSET.match(np) and start > 0:
        # "27 people, 20 of them children, were killed": the whole is before the subset.
        head = before[:start].rstrip(" ,;:(")
        start = _np_start(head)
        np = head[start:]
    part = _INCLUDING.search(np)
    if part is not None and _COUNTED.match(np.lstrip()) and _looks_like_np(np[part.end() :]):
        np = np[: part.start()]  # "nine people including two children": the whole
    if not 0 < len(np.split()) <= 14:
        return None
    found = _np_range(np)
    extra = _BESIDES.search(before, max(0, start - 80), start)
    if found is not None and extra is not None and _looks_like_np(np):
        more = _np_range(extra.group("np"))
        if more is not None:
            found = (_add(found[0], more[0]), found[1] + more[1])
    return found


# Victims first held, then killed: a verb of taking people ("kidnapped five drivers") and a
# later verb of killing whose object is "them", or whose subject is the first verb's ("three
# men were abducted on Monday, and were later executed").
_CAPTURE = re.compile(
    r"\b(?:kidnapp(?:ed|ing)|abduct(?:ed|ing)|captur(?:ed|ing)|seiz(?:ed|ing)|"
    r"detain(?:ed|ing)|rounded\s+up|took|taken)\s+(?=(?P<np>[^.;:]{1,140}))",
    re.IGNORECASE,
)
_THEM = re.compile(r"them\b", re.IGNORECASE)
# A count and a participle ("9 wounded", "3 others dead") after an active verb: a statement.
_ENDS_IN_PARTICIPLE = re.compile(
    rf"\s*{_QTY}(?:\s+[\w-]+)?\s+(?:dead|killed|{WOUNDED})\s*$", re.IGNORECASE
)
_AND_BEFORE = re.compile(r",?\s*\band\s+$", re.IGNORECASE)
_CAPTURED = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:kidnapped|abducted|captured|seized|detained|taken)\b",
    re.IGNORECASE,
)


def _captives(clause: str, at: int) -> Statement | None:
    """The count of the people the clause tells taken before ``at`` ("abducted five drivers
    and later killed them": five), None when it counts none."""
    taken = [m for m in _CAPTURE.finditer(clause, 0, at) if m.end() < at]
    np = clause[taken[-1].end() : at] if taken else ""
    if not _NUMBER_LED.match(_DETERMINER.sub("", np.lower())):
        return None  # "captured the town and killed them": no count of people taken
    return _forward_np(np)[0]


def _held_subject(clause: str, at: int) -> Statement | None:
    """The subject of a passive of taking people before ``at``, shared by the passive at
    ``at`` ("three brothers were abducted by gunmen, and were later shot dead": three)."""
    held = [m for m in _CAPTURED.finditer(clause, 0, at)]
    return _passive_np(clause, held[-1].start()) if held else None


def _list_end(np: str, at: int) -> int | None:
    """Where a list of counted noun phrases that goes on past the comma at ``at`` ends ("a
    judge, his clerk and four guards"), None unless it closes with "and" (an appositive, "a
    judge, a father of three,", is no list)."""
    closed = False
    end, start = None, at
    while not closed and at < len(np) and np[at] == ",":
        stop = _NP_STOP.search(np, at + 1)
        seg_end = stop.start() if stop else len(np)
        seg = np[at + 1 : seg_end].strip()
        body = seg[4:] if seg.lower().startswith("and ") else seg
        if not body or not _LIST_ITEM.match(body) or not _looks_like_np(body):
            break
        closed = body is not seg or " and " in body
        end, at = seg_end, seg_end
    if not closed or end is None:
        return None
    first, items = _np_range(np[:start]), _np_range(np[start + 1 : end])
    if first and items and (first[0][1] or 0) > 1 and first[0][1] == items[0][1]:
        return None  # "two fighters, a Briton and a Slovenian": the two, named
    return end


def _forward_np(text: str) -> tuple[Statement | None, int]:
    """The statement of the noun phrase at the start of ``text`` (after an active verb), and
    how many characters of ``text`` it takes."""
    np = " " + text
    stop = _NP_STOP.search(np)
    end = stop.start() if stop else len(np)
    if stop and stop.group(0) == "," and _LIST_ITEM.match(np, 1):
        end = _list_end(np, end) or end
    np = np[:end]
    if stop and stop.group(0).strip().lower() in _FINITE:
        # "killed one and another 8 were injured": the last conjunct is the next subject.
        parts = _CONJ.split(np)
        np = " ".join(parts[:-1]) if len(parts) > 1 else np
    if not np.split() or len(np.split()) > _MAX_NP_WORDS:
        return None, end - 1
    return _np_range(np, forward=True), end - 1


# A verb of the other kind joined to an active one before its object ("killing and wounding
# nine", "killed or injured 30"): the object counts either.
_JOINED_VERB = re.compile(
    r"\b(?:kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|hurt(?:ing)?)\s+(?:and|or|and/or)\s+$",
    re.IGNORECASE,
)
# The object of an active "hurt" or a present "execute" is people only when counted or
# someone's ("hurt three guards", "hurt his mother", "execute a fighter"; not "hurt the
# economy", "hurt morale", "execute the order").
_PEOPLE_OBJECT = re.compile(
    rf"(?:{_COUNTED.pattern}|(?:his|her|their)\s|(?:them|several|many|numerous|scores)\b)",
    re.IGNORECASE,
)
# "N of them" after an active verb: the victims are some of the noun phrase just named ...
_OF_THEM = re.compile(r"[\w-]+\s+of\s+them\b", re.IGNORECASE)
# ... attackers, when they are the object that ends the verb phrase before ("our forces
# confronted the attackers and killed three of them", "clashed with the gunmen, killing two of
# them"; not "the gunmen stormed the post and killed three of them": the post's men).
_ATTACKERS_JUST_NAMED = re.compile(
    rf"{ATTACKER_NOUNS.pattern}\s*(?:,\s*)?(?:and\s+)?$", re.IGNORECASE
)


def _active_statements(clause: str, low: str) -> list[tuple[str, Statement]]:
    """Statements of active verbs and their objects ("killed three guards", "tortured two men
    to death", "burned four men alive"), each kind's statements summed where one verb phrase
    follows another with the same subject ("executed two men and killed a woman": three); a
    verb joined to one of the other kind before its object counts "either" ("killing and
    wounding nine")."""
    found: list[tuple[int, int, str, Statement | None]] = []
    for m in _ACTIVE.finditer(clause) if rules.hit(_ACTIVE_STEMS, low) else ():
        if m.group("np").lower().startswith(("and ", "or ")):
            continue  # "were killed and three others wounded": the elliptic rule's case
        if m.group("verb")[-2:].lower() == "ed" and clause[
            max(0, m.start() - 6) : m.start()
        ].lower().endswith(("the ", "those ")):
            continue  # "the killed employees": an adjective
        st, used = _forward_np(m.group("np"))
        verb = m.group("verb").lower()
        if (
            st is not None
            and (verb[:4] == "hurt" or verb == "execute")
            and not _PEOPLE_OBJECT.match(m.group("np"))
        ):
            continue  # "the sanctions hurt the economy", "execute the order": no one harmed
        if _ENDS_IN_PARTICIPLE.match(m.group("np"), 0, max(used, 0)):
            continue  # "leaving 4 killed 9 wounded": "9 wounded" is a statement, no object
        if st is None and _THEM.match(m.group("np")):
            st = _captives(clause, m.start())  # "abducted five drivers and killed them"
        if st is not None and _OF_THEM.match(m.group("np")) and _ATTACKERS_JUST_NAMED.search(
            clause, 0, m.start()
        ):
            st = (st[0], _value(st[0]))  # "fought the attackers and killed three of them"
        kind = _kind(m.group("verb"))
        if _JOINED_VERB.search(clause, max(0, m.start() - 24), m.start()):
            kind = "either"  # "killing and wounding nine": one count of both
        found.append((m.start(), m.start("np") + used, kind, st))
    for pat, stem in ((_TO_DEATH_ACTIVE, "to death"), (_ALIVE, "alive"), (_SHOT_DEAD, "dead")):
        if stem in low:
            found += (
                (m.start(), m.end(), "killed", _np_range(m.group("np")))
                for m in pat.finditer(clause)
            )
    out: list[tuple[str, Statement]] = []
    last: dict[str, int] = {}  # kind -> end of its last statement, where a run may go on
    for start, end, kind, st in sorted(found, key=lambda f: f[0]):
        if st is None:
            continue
        k = last.get(kind)
        if k is not None and out and _NEXT_VERB.fullmatch(clause, k, start):
            i = max(j for j, (kk, _) in enumerate(out) if kk == kind)
            prev = out[i][1]
            out[i] = (kind, (_add(prev[0], st[0]), prev[1] + st[1]))
        else:
            out.append((kind, st))
        last[kind] = end
    return out


# A comma grouping a number's thousands ("1,700", "12,000,000"): not a list's comma ("2,3").
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


# A coder's toll field: "Fatalities: 4", "Fatalities: 3 civilians" (its colon may reach here as
# the comma that joins a sentence's clauses); group 1: what follows the capitalised label up to
# the clause's end or a stop.
_TOLL_FIELD = re.compile(
    r"\b(?:Fatalities|FATALITIES)\s*[:,]\s*(\d+(?:\s+[a-z][\w-]*){0,3})(?=\s*(?:[.;)\n]|$))"
)


# "two hundred and twelve", "one hundred and five": hundreds and the rest, one number.
_HUNDRED_AND = re.compile(
    rf"\b((?:{_NUMWORD})\s+hundred)\s+and\s+((?:{_NUMWORD})(?:[\s-](?:{_NUMWORD}))?)\b",
    re.IGNORECASE,
)


def _hundred_and(m: re.Match[str]) -> str:
    hundreds, rest = _word_number(m.group(1).lower()), _word_number(m.group(2).lower())
    if hundreds is None or rest is None or rest >= 100:
        return m.group(0)
    return str(hundreds + rest)


# The dead among a count of hurt people: "hurting 35, 10 of them fatally", "of them 10 dead",
# "wounding 30, five of whom later died".
_FATAL_SUBSET = re.compile(
    rf"(?:^|(?<=[\s,;:(]))(?:(?P<n>{_QTY})\s+of\s+(?:them|whom)\s+|of\s+(?:them|whom)\s+(?P<m>{_QTY})\s+)"
    r"(?:(?:later|subsequently|since|have|has|had|were|was|reportedly)\s+)*"
    r"(?:fatal(?:ly)?|mortally|died|dead|killed|succumbed|perished)\b",
    re.IGNORECASE,
)
# The last casualty word before such a subset says what its whole counts.
_HARM_WORD = re.compile(r"\b(?:wound|injur|hurt|casualt|kill|dead|died|death|fatal)\w*", re.I)


# The hurt told before who died of their wounds: "one of them later died of his wounds", "a
# policeman succumbed to his injuries", "two of the wounded died in hospital" (not a toll's
# update: "the toll rose to 9 as two of the wounded died").
_OF_WOUNDS = re.compile(
    r"\b(?:died|dies|dying)\s+(?:later\s+)?(?:of|from)\s+(?:his|her|their|the|its)\s+"
    r"(?:wounds|injuries)\b|\bsuccumb(?:ed|s|ing)\s+to\s+(?:his|her|their|the)\s+"
    r"(?:wounds|injuries)\b|(?P<named>\b(?:of|among)\s+the\s+(?:wounded|injured)\b)"
    r"(?=[^.;]{0,40}?\b(?:died|dead|succumbed|perished)\b)",
    re.IGNORECASE,
)


# A range of counts: "between 10 and 15", "10 to 15" (the figures read as one token, "10-15",
# whose lower figure counts, as ACLED codes a range; the upper bounds it). ("5 or 25" is two
# figures in conflict: the first stands, as before.)
_RANGE_NUM = rf"\d+(?![\d,.:/-])|(?:{_NUMWORD})(?![\w-])"
_RANGE = re.compile(
    # (not a change: "the toll rose from 5 to 9" is 9)
    rf"(?<![\w-])(?<!\bfrom\s)(?:between\s+(?P<a>{_RANGE_NUM})\s+and|(?P<c>{_RANGE_NUM})\s+to)"
    rf"\s+(?P<b>{_RANGE_NUM})",
    re.IGNORECASE,
)
_RANGE_TAIL = re.compile(r"[-–](\d+)")


def _as_range(m: re.Match[str]) -> str:
    low_text = (m.group("a") or m.group("c")).lower()
    low = int(low_text) if low_text.isdigit() else _word_number(low_text)
    high_text = m.group("b").lower()
    high = int(high_text) if high_text.isdigit() else _word_number(high_text)
    if low is None or high is None or high <= low:
        return m.group(0)
    return f"{low}-{high}"


# Where the statement holding an additive marker starts: the last clause break before it.
_CLAUSE_BREAK = re.compile(r"[,;]\s*|\s+(?:and|while|but|whereas)\s+", re.IGNORECASE)


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)  # repeated clauses; the result is immutable
def count_casualties(clause: str) -> Casualties:
    """Killed and wounded stated in one clause (see the module docstring for the rules)."""
    at = _additive_start(clause) if rules.hit(_SPLIT_STEMS, clause.lower()) else None
    if at is None:
        return _statements(clause)
    before, after = _statements(clause[:at]), count_casualties(clause[at:])
    return Casualties(
        _sum(before.killed, after.killed),
        _sum(before.wounded, after.wounded),
        (before.perpetrators_killed or 0) + (after.perpetrators_killed or 0) or None,
        before.bomber_died or after.bomber_died,
    )


def _noun_statements(clause: str) -> list[tuple[str, Statement]]:
    """Counts before a noun of death or injury ("15 deaths and 32 injuries"), each with its
    kind ("either" for "casualties")."""
    out = []
    for m in _near(_NOUN_COUNT, _NOUN_AT, clause, "noun"):
        st = _np_range(m.group("np"))
        noun = m.group("noun").lower()
        if st is not None:
            kind = "either" if noun == "casualties" else "killed"
            out.append(("wounded" if noun.startswith("injur") else kind, st))
    return out


def _additive_start(clause: str) -> int | None:
    """Where a statement of victims on top of ones the clause told before it starts ("two
    officers were killed, three more were also found dead": 2 and 3), None when there is
    none. A toll's update is no such statement ("the toll rose to 9 as two more died")."""
    markers = (*_ADDITIVE.finditer(clause), *_ADDED_OTHERS.finditer(clause))
    for m in sorted(markers, key=lambda m: m.start()):
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(clause, 0, m.start())]
        if not breaks:
            continue
        before = clause[: breaks[-1]]
        if "toll" in before.lower() or _no_statement(_statements(before)):
            continue
        return breaks[-1]
    return None


def _no_statement(got: Casualties) -> bool:
    return got.killed is None and got.wounded is None


def _sum(a: Range | None, b: Range | None) -> Range | None:
    return a if b is None else b if a is None else _add(a, b)


def _normalised(clause: str) -> str:
    """The clause with its numbers written as one token each, and a coder's toll field as a
    statement."""
    if "," in clause:  # "1,700 people": one number, not "1" and a list going on with "700"
        clause = _THOUSANDS.sub("", clause)
    if "hundred and" in clause.lower():  # "two hundred and twelve": one number, not a list
        clause = _HUNDRED_AND.sub(_hundred_and, clause)
    if " to " in clause or "etween" in clause:
        clause = _RANGE.sub(_as_range, clause)  # "between 10 and 15 people": "10-15 people"
    if "atalities" in clause:  # a coder's field "Fatalities: 4 civilians": "4 civilians killed"
        clause = _TOLL_FIELD.sub(r"\1 killed", clause)
    return clause


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)
def _bare_statements(clause: str) -> list[tuple[str, Statement | None]]:
    """Counts before a bare participle ("ten dead", "7 SNA and 5 SDF fighters killed": the
    counted list opening the clause before the participle's own count too)."""
    out = []
    for m in _BARE.finditer(clause):
        listed = _BARE_LIST_BEFORE.search(clause, max(0, m.start() - 120), m.start("np"))
        start = listed.start() if listed else m.start("np")
        out.append((_kind(m.group("verb")), _np_range(clause[start : m.end("np")])))
    return out


def _statements(clause: str) -> Casualties:
    """Killed and wounded stated in a clause with no victims added on top of others: each
    kind's largest statement."""
    clause = _normalised(clause)
    low = clause.lower()
    bomber = "suicide" in low and _SUICIDE_BLAST.search(clause) is not None
    if not rules.hit(rules.CASUALTY_STEMS, low):
        return Casualties(None, None, None, bomber)
    found: dict[str, Statement | None] = {"killed": None, "wounded": None}

    def note(kind: str, st: Statement | None) -> None:
        found[kind] = larger(found[kind], st)

    either: Range | None = None
    passive = rules.hit(_PASSIVE_VERB_STEMS, low) and rules.hit(_PASSIVE_AUX_STEMS, low)
    matches = list(_PASSIVE.finditer(clause)) if passive else []
    if rules.hit(_DIED_STEMS, low):
        matches += _DIED.finditer(clause)
    if "sustained" in low or "suffered" in low or "received" in low:
        for m in _SUSTAINED.finditer(clause):
            note("wounded", _passive_np(clause, m.start()))
    for m in matches:
        died = m.re is _DIED
        if not died and (m.group("neg") or m.group("neg2")):
            continue  # "were not hurt": the absence rules read it
        st = _passive_np(clause, m.start())
        if not died and _AND_BEFORE.search(clause, 0, m.start()):
            st = _held_subject(clause, m.start()) or st  # "were seized ..., and were killed"
        if not died and m.group("either"):
            if st is not None and st[0][2] is not None:
                either = _larger_high(either, st[0][2])
            continue
        verb = m.group("died") if died else m.group("verb")
        k = _kind(verb)
        if st is not None:
            more = _added_after(clause, m.end(), k == "killed")
            if more is not None:
                st = (_add(st[0], more[0]), st[1] + more[1])
        note(k, st)
    if "hospital" in low:
        for kind_st in _hospital_statements(clause):
            note("wounded", kind_st)
    if rules.hit(_BARE_STEMS, low):
        for kind, st in _bare_statements(clause):
            note(kind, st)
    for pat, stems in ((_ELLIPTIC, _ELLIPTIC_STEMS), (_LEAVING, _LEAVING_STEMS)):
        if not rules.hit(stems, low):
            continue
        for m in pat.finditer(clause):
            note(_kind(m.group("verb")), _np_range(m.group("np")))
    statements = _active_statements(clause, low)
    if "lives" in low:
        for m in _CLAIMED_LIVES.finditer(clause):
            note("killed", _np_range(m.group("np")))
    if "death" in low and _ONE_DEATH.search(clause):
        note("killed", ((1, 1, 1), 0))
    if "body" in low and _ONE_BODY.search(clause):
        note("killed", ((1, 1, 1), 0))
    if rules.hit(_NOUN_STEMS, low):
        statements += _noun_statements(clause)
    for kind, st in statements:
        if kind != "either":
            note(kind, st)
        elif st[0][2] is not None:
            either = _larger_high(either, st[0][2])
    if "toll" in low:
        for m in _TOLL.finditer(clause):
            note("killed", _np_range(m.group("np")))
    if rules.hit(_SELF_STEMS, low):
        for m in _SELF.finditer(clause):
            if m.group("self").lower() != "themselves":
                note("killed", ((1, 1, 1), 1))
                continue
            subject = _passive_np(clause, m.start())
            if subject is not None and subject[0][1]:
                note("killed", (subject[0], subject[0][1]))
    if "among" in low or "includ" in low or "were m" in low:
        either = _broken_down(clause, found, either)
    if "of them" in low or "of whom" in low:
        either = _fatal_subset(clause, found, either)
    if either is not None:
        for k in ("killed", "wounded"):
            if found[k] is None:
                found[k] = (either, 0)
    if rules.hit(_NONE_STEMS, low):
        if _NONE_ANY.search(clause):
            for k in ("killed", "wounded"):
                found[k] = found[k] or (_ZERO, 0)
        if _NONE_KILLED.search(clause):
            found["killed"] = found["killed"] or (_ZERO, 0)
    told = _OF_WOUNDS.search(clause) if found["killed"] and "the " in low else None
    if told is not None and told.group("named"):
        found["wounded"] = None  # "two of the wounded died": the hurt told before, no new count
    killed, wounded = found["killed"], found["wounded"]
    return Casualties(
        killed[0] if killed else None,
        wounded[0] if wounded else None,
        killed[1] if killed and killed[1] else None,
        bomber,
    )


def _broken_down(
    clause: str, found: dict[str, Statement | None], either: Range | None
) -> Range | None:
    """A total told with its breakdown (``_TOTAL_BROKEN_DOWN``): the total is a statement of
    its kind; updates ``found``, returns the clause's count of either kind."""
    for m in _TOTAL_BROKEN_DOWN.finditer(clause):
        st = _np_range(m.group("np") or m.group("np2"))
        noun = (m.group("noun") or m.group("noun2")).lower()
        if st is None:
            continue
        if noun in ("victims", "casualties") and found["wounded"] is None:
            if st[0][2] is not None:
                either = _larger_high(either, st[0][2])
            continue
        kind = "wounded" if noun in ("wounded", "injured") else "killed"
        found[kind] = larger(found[kind], st)
    return either


def died_of_wounds(clause: str) -> bool:
    """The clause's dead are people told hurt before, who died of their wounds
    (``_OF_WOUNDS``): they move from the wounded to the killed."""
    low = clause.lower()
    if "toll" in low or not ("wound" in low or "injur" in low):
        return False
    return _OF_WOUNDS.search(clause) is not None


def _fatal_subset(
    clause: str, found: dict[str, Statement | None], either: Range | None
) -> Range | None:
    """The dead told as some of a count of people hurt ("hurting 35 people, 10 of them
    fatally", "of them 10 dead", "35 casualties, 10 of them fatal"): killed the part, wounded
    the rest of the whole (25), the whole counted once. Updates ``found``; returns the
    clause's count of either kind, none left when the whole was one."""
    for m in _FATAL_SUBSET.finditer(clause):
        harm = [h.group(0).lower() for h in _HARM_WORD.finditer(clause, 0, m.start())]
        if not harm or not harm[-1].startswith(("wound", "injur", "hurt", "casualt")):
            continue  # "killing 30, 12 of them dead on arrival": no whole of the hurt
        part = _np_range(m.group("n") or m.group("m"))
        whole = found["wounded"][0] if found["wounded"] else either
        size = None if whole is None else (whole[1] if whole[1] is not None else whole[2])
        if part is None or size is None or _value(part[0]) > size:
            continue
        dead = _value(part[0])
        rest: Range = (size - dead, size - dead, size - dead)
        if found["wounded"] is None:  # the whole was "casualties": known now
            either = None
        elif whole is not None:
            high = None if whole[2] is None else whole[2] - dead
            rest = (max(whole[0] - dead, 0), size - dead, high)
        found["wounded"] = (rest, 0)
        found["killed"] = larger(found["killed"], (part[0], 0))
    return either


def _hospital_statements(clause: str) -> list[Statement]:
    """Counted people taken or sent to hospital: the hurt (``_TO_HOSPITAL``)."""
    out = []
    for m in _TO_HOSPITAL.finditer(clause):
        st = _people_count(clause[max(0, m.start() - _NP_WINDOW) : m.start()])
        out += [st] if st is not None else []
    for m in _SENT_TO_HOSPITAL.finditer(clause):
        st = _people_count(m.group("np"))
        out += [st] if st is not None else []
    return out


def _people_count(text: str) -> Statement | None:
    """The count of people ending ``text`` ("... resulting in 12 other people", "another 29"),
    None unless a count of people ends it ("two ambulances" count no one hurt)."""
    text = text.rstrip(" ,")
    for m in re.finditer(r"(?:^|(?<=\s))\S", text):
        if _HOSPITAL_PEOPLE.fullmatch(text, m.start()):
            return _np_range(text[m.start() :])
    return None


def _added_after(clause: str, end: int, killed: bool) -> Statement | None:
    """Victims of the passive verb ending at ``end`` named after it: "the driver was killed, as
    were three officers" (of killing only: "as were" may restate another verb's), "a reporter
    was killed along with two guards", "three were wounded, as well as an interpreter"; none
    when the phrase has a predicate of its own ("along with 12 others wounded")."""
    also = _AS_WERE.match(clause, end) if killed else None
    if also is not None:
        return _forward_np(also.group("np"))[0]
    added = _ALONG_WITH.match(clause, end)
    if added is None or added.group("np").split(None, 1)[0].lower().endswith("ing"):
        return None  # "as well as damaging two cars": another verb
    st, used = _forward_np(added.group("np"))
    np = added.group("np")
    if _OWN_PREDICATE.search(np[:used]) or _OWN_PREDICATE.match(np[used:]):
        return None
    return st


def adds_to_earlier(clause: str, got: Casualties) -> tuple[bool, bool]:
    """Whether the clause's killed and its wounded count victims on top of ones the passage
    already told ("Two drivers were also killed", "Another 3 died", "4 more were hurt"): they
    add to them rather than restate them. A marker counts for the toll whose verb follows it.
    "Others" is no marker: "three officers were among the dead, while 8 others were hurt" are
    others than the officers, not more wounded."""
    killed = wounded = False
    for m in _ADDITIVE.finditer(clause):
        verb = _VERB_AFTER.search(clause, m.start(), m.end() + _REACH_BACK)
        if verb is not None:
            killed = killed or (verb.group("k") is not None and got.killed is not None)
            wounded = wounded or (verb.group("w") is not None and got.wounded is not None)
    return killed, wounded


def bomber_death(killed: Range | None, perps: int, implied: bool) -> tuple[Range | None, int]:
    """A passage's toll with the implied death of a suicide bomber ("a suicide bomber detonated
    his vest, wounding ten"): one dead, the attacker, where it states no other death. A stated
    toll stays as stated: coders record the figure the text gives (the bomber is added only
    where the text says he died: "blew himself up, killing six" is seven)."""
    if implied and killed is None:
        return (1, 1, 1), 1
    return killed, perps
