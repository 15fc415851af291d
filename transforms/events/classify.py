"""Clause classification: attack or not (and why not), ACLED type, weapon, target, attribution.

Contract: pure functions of a clause's text (and its resolved dates); lexicons live in
``rules.py``. A clause is an attack report only if it states an attack predicate and none of
the reasons in ``rules.NOT_ATTACK`` applies: aggregates ("six attacks since ..."), natural
disasters and diseases ("the earthquake killed 50,000"), foiled plots,
threats and calls, announced offensives, withdrawals, prison escapes, relocations and history
(or a year well before publication) are never attacks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import date

from transforms.events import rules
from transforms.events.dates import DateRef


def not_attack_reason(
    clause: str, dates: list[DateRef], published: date | None, low: str | None = None
) -> str | None:
    """Why ``clause`` does not report an attack (a rules.NOT_ATTACK name or 'history'), or None.
    ``low`` is ``clause.lower()`` when the caller has it already."""
    del low  # the clause's own wording is read (and memoised) by wording_reason
    reason = wording_reason(clause)
    if reason is not None:
        return reason
    if is_history(dates, published):
        return "history"
    return None


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)
def wording_reason(clause: str) -> str | None:
    """The reasons read from the words alone (all but a clause's dates), in rule order."""
    low = clause.lower()
    for name, stems, pat in rules.NOT_ATTACK:
        for stem in stems:  # rules.hit inlined: this runs for every clause of a read sentence
            if stem in low:
                if pat.search(clause) and not (
                    (name in rules.NOT_ATTACK_UNLESS_TOLL and rules.has_casualty_word(low))
                    or (name in rules.NOT_ATTACK_UNLESS_HARMED and rules.HARMED.search(clause))
                    or (pat is rules.ACROSS_PLACE and _one_days_series(clause, low))
                ):
                    return name
                break
    n = attack_count(clause)
    if n is not None and n > rules.MAX_LISTED_ATTACKS and not rules.has_casualty_word(low):
        # A tally ("carried out 12 attacks"); "five bombings in the city killed 17" is news,
        # and so is a series the clause opens with ("A series of bombings struck X, killing
        # 3"); "killed in a series of attacks in X" is a total its parts may follow
        return None if rules.SERIES_OPENS.match(clause) else "aggregate"
    return None


def _one_days_series(clause: str, low: str) -> bool:
    """Whether attacks across a named place are no tally: the clause names no attacks of its
    own ("six explosions, ..., across Baghdad targeted a cafe": a clause before counted them),
    or a series counted or named ("four car bombs", "a series of bombs") across one place, not
    a country, does the toll that follows ("four car bombs across Baghdad killed 17"; a
    counted one may leave the toll to the next clause). Violence across a land ("Violence
    across Iraq killed 23 on Tuesday", ``rules.VIOLENCE_ACROSS``) sums attacks too. A tally
    names attacks uncounted ("attacks across Iraq killed hundreds"); a toll told first ("six
    were killed in a spate of attacks across Baghdad") sums the attacks told after it."""
    if not names_several(clause):
        return rules.VIOLENCE_ACROSS.search(clause) is None
    series, toll = rules.COUNTED_SERIES.search(clause), rules.CASUALTY_WORD.search(low)
    if series is None or rules.ACROSS_ONE_PLACE.search(clause) is None:
        return False
    if toll is None:  # "three car bombs went off across Mosul, killing 22": the toll after
        return series.group("n") is not None
    return series.start() < toll.start()


def _old_year(d: DateRef, published: date | None) -> bool:
    """A date (of any precision: "in 2014", "in February 1982", "on 3 June 2014") in a year
    well before publication: what an article recalls, not what it reports."""
    return (
        published is not None
        and d.value is not None
        and d.value.year < published.year - rules.HISTORY_YEARS_BEFORE
    )


def is_history(dates: list[DateRef], published: date | None) -> bool:
    """Dated only in years well before publication ("overran the city in 2014", "the massacre
    of February 1982")."""
    return any(_old_year(d, published) for d in dates) and not any(
        d.value is not None and not _old_year(d, published) for d in dates
    )


def _count_word(tok: str) -> int:
    tok = " ".join(tok.lower().split())
    if tok.isdigit():
        return int(tok)
    if tok in ("several", "a series of", "multiple", "dozens of"):
        return rules.MAX_LISTED_ATTACKS + 1
    return rules.NUMBER_WORDS.get(tok, 1)


_COUNT_NOUNS = ("attack", "assault", "ambush", "bombing", "operation", "raid", "incident")


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)
def attack_count(clause: str) -> int | None:
    """N in "claimed two attacks", "another attack" (1); None when no count is stated."""
    if not rules.hit(_COUNT_NOUNS, clause.lower()):
        return None
    for noun in rules.COUNT_NOUN.finditer(clause):
        m = rules.COUNT_BEFORE.search(clause, max(0, noun.start() - 60), noun.start())
        if m:
            return _count_word(m.group(1))
    return None


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)
def additional_attacks(clause: str) -> int | None:
    """N in "two more bombs exploded", 1 in "a second car bomb", "another bombing", "in a
    separate attack": attacks besides the ones already told; None when none is named."""
    if not rules.hit(rules.ADDITIONAL_STEMS, clause.lower()):
        return None
    m = rules.ADDITIONAL.search(clause)
    if m is None:
        return None
    return _count_word(m.group("n")) if m.group("n") else 1


def other_attacks(clause: str, after_several: bool) -> bool:
    """The clause tells attacks, uncounted, as others than the ones told before ("in addition
    to this attack"; "other attacks took place in X" unless ``after_several``: a toll of
    several attacks told before, which other attacks are the rest of)."""
    if rules.BESIDES_THIS_ATTACK.search(clause) is not None:
        return True
    return not after_several and rules.OTHER_ATTACKS.search(clause) is not None


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)
def names_several(clause: str) -> bool:
    """The clause tells several attacks together ("a wave of bombings", "two blasts")."""
    return rules.SEVERAL_ATTACKS.search(clause) is not None


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)
def is_attack(clause: str) -> bool:
    return rules.ATTACK.search(clause) is not None


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)
def is_anaphoric(clause: str) -> bool:
    """The clause only refers back to attacks already described ("the attacks come amid")."""
    return rules.hit(rules.ANAPHORA_STEMS, clause.lower()) and (
        rules.ANAPHORA.search(clause) is not None
    )


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)
def weapon_of(text: str) -> tuple[str, str | None, str | None]:
    """(weapon, event_type or None, sub_event_type or None) by the first lexicon match."""
    low = text.lower()
    for stems, pat, weapon, etype, sub in rules.WEAPONS:
        if rules.hit(stems, low) and pat.search(text):
            return weapon, etype, sub
    return "unknown", None, None


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)
def target_of(text: str) -> str | None:
    low = text.lower()
    for name, stems, pat in rules.TARGETS:
        if rules.hit(stems, low) and pat.search(text):
            return name
    return None


def _first_cue(
    cues: list[tuple[tuple[str, ...], re.Pattern[str], str, str]], text: str, low: str
) -> tuple[str, str] | None:
    for stems, pat, etype, sub in cues:
        if rules.hit(stems, low) and pat.search(text):
            return etype, sub
    return None


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)
def type_cues(text: str) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """The wordings that fix an ACLED type: (one that beats the weapon, one that comes after
    it), each (event_type, sub_event_type) or None (``rules.TYPE_CUES_*``)."""
    low = text.lower()
    return (
        _first_cue(rules.TYPE_CUES_FIRST, text, low),
        _first_cue(rules.TYPE_CUES_AFTER_WEAPON, text, low),
    )


def event_type_of(
    weapon: tuple[str, str | None, str | None],
    target: str | None,
    cues: tuple[tuple[str, str] | None, tuple[str, str] | None] = (None, None),
) -> tuple[str, str]:
    """ACLED (event_type, sub_event_type): an execution, sexual violence or taking ground by
    its wording; explosive and remote weapons by their kind; then a clash or an abduction by
    its wording; else direct violence against armed targets is a clash, against civilians (or
    no armed party) an attack."""
    first, after = cues
    if first is not None:
        return first
    _, etype, sub = weapon
    if etype and sub and weapon[0] != "unknown":
        return etype, sub
    if after is not None:
        return after
    if etype and sub:
        return etype, sub
    if target in (None, "civilians", "officials"):
        return "Violence against civilians", "Attack"
    return "Battles", "Armed clash"


@functools.lru_cache(maxsize=rules.TEXT_CACHE_SIZE)
def attribution_of(text: str, has_perpetrator: bool) -> str:
    """'claimed' | 'suspected' | 'disputed' | 'attributed' | 'unattributed' for a clause."""
    if not has_perpetrator:
        return "unattributed"
    low = text.lower()
    if rules.hit(rules.DISPUTED_STEMS, low) and rules.DISPUTED.search(text):
        return "disputed"
    if rules.hit(rules.SUSPECTED_STEMS, low) and rules.SUSPECTED.search(text):
        return "suspected"
    if rules.hit(rules.CLAIM_STEMS, low) and rules.CLAIM.search(text) and not is_no_claim(text):
        return "claimed"
    return "attributed"


def says_who(text: str) -> bool:
    """The sentence says in words who did an attack (claimed it, is suspected, denied it,
    was blamed, was behind it), not only holds one of ``ATTRIBUTION_STEMS``; a claim denied
    ("IS has not claimed the attack") says no one."""
    if any(p.search(text) for p in (rules.SAYS_WHO, rules.SUSPECTED, rules.DISPUTED)):
        return True
    return rules.CLAIM.search(text) is not None and not is_no_claim(text)


def is_no_claim(text: str) -> bool:
    """The text says nobody claimed the attack ("no group claimed responsibility")."""
    return "claim" in text.lower() and rules.NO_CLAIM.search(text) is not None


def target_position(text: str, start: int) -> bool:
    """True when a mention starting at ``start`` is the object of an attack ("strikes on IS",
    "forces battled the Islamic State"), not when it names attackers ("gunmen from Daesh") or
    what was repelled ("repelled an ISIS attack")."""
    before = text[max(0, start - rules.TARGET_WINDOW) : start]
    if rules.TARGET_BEFORE.search(before) is None:
        wider = text[max(0, start - rules.VICTIM_MEMBERS_WINDOW) : start]
        return rules.VICTIM_MEMBERS_BEFORE.search(wider) is not None
    return rules.ATTACKER_FROM.search(before) is None and not repelled(text, start)


def passive_victim(text: str, start: int, end: int) -> bool:
    """The mention at [start, end) names the side the sentence says was hit, in the passive
    ("three members of the SDF were killed", "two Peshmerga fighters were wounded")."""
    stop = min(len(text), end + 80)
    if rules.VICTIM_NOUN_PASSIVE_AFTER.match(text, end, stop):
        return True
    if rules.VICTIM_DEATHS_AFTER.match(text, end, stop):
        return True  # "four Peshmerga deaths"
    before = rules.VICTIM_PASSIVE_BEFORE.search(text, max(0, start - 60), start)
    people = before is not None or rules.VICTIM_NOUN_END.search(text, start, end) is not None
    return people and rules.VICTIM_PASSIVE_AFTER.match(text, end, stop) is not None


def describes_next(text: str, end: int, next_start: int) -> bool:
    """The actor mention ending at ``end`` only describes the actor named next, at
    ``next_start`` ("the al-Qaeda-linked Hayat Tahrir al-Sham", "the Iran-backed Kataib
    Hezbollah", "the al-Qaeda linked group Hurras al-Din"): that one is the actor."""
    if next_start - end > 40:
        return False
    return rules.DESCRIBES_NEXT.fullmatch(text, end, next_start) is not None


def owner_of_target(text: str, start: int, end: int) -> bool:
    """The actor mention at [start, end) owns a place or a thing that cannot act ("an Asayish
    checkpoint", "Islamic State positions", "an IS-held village", "a vehicle of the SDF"):
    what was hit, or whose ground it was, never the attacker (though the fire came from it:
    "shells fired from positions of the army")."""
    if rules.OWNER_AFTER.match(text, end, min(len(text), end + 40)) is not None:
        return True
    before = text[max(0, start - 60) : start]
    owned = rules.OWNED_BEFORE.search(before)
    return owned is not None and not before[: owned.start()].rstrip().lower().endswith("from")


def _forces(
    pattern: re.Pattern[str],
    text: str,
    spans: list[tuple[int, int]],
    hit: re.Pattern[str] | None = None,
) -> Iterator[tuple[re.Match[str], int]]:
    """The matches of ``pattern`` in the spans (with their span's end) that are not what was
    hit: neither ``TARGET_BEFORE`` nor ``hit`` right before them."""
    for s, e in spans:
        for m in pattern.finditer(text, s, e):
            lo = max(s, m.start() - rules.TARGET_WINDOW)
            if rules.TARGET_BEFORE.search(text, lo, m.start()) or supporter(text, m.start()):
                continue
            if hit is None or not hit.search(text, lo, m.start()):
                yield m, e


def unnamed_state_forces(text: str, spans: list[tuple[int, int]]) -> str | None:
    """'regime' or 'government' when the spans name a state's forces without the state
    ("regime forces shelled ...", "government shelling killed ..."), not as the target."""
    for m, e in _forces(rules.STATE_FORCES_UNNAMED, text, spans, rules.ARMS_HIT_BEFORE):
        # people ("regime forces"), unlike arms, only as the agent: "27 regime forces were
        # killed", "the victims were government soldiers" name the side hit; "shelling by
        # the regime forces" names the agent
        if (
            not m.group(2)
            or (
                rules.STATE_AGENT_AFTER.match(text, m.end(), e)
                # "2 regime soldiers killed.": a coder's toll, not soldiers killing
                and not rules.VICTIM_PASSIVE_AFTER.match(text, m.end(), e)
            )
            or rules.STATE_AGENT_BEFORE.search(text, max(0, m.start() - 12), m.start())
        ):
            return m.group(1).lower()
    return None


def state_by_arms(text: str, spans: list[tuple[int, int]]) -> str | None:
    """The state army whose arms the spans name by nationality ("a Turkish drone strike":
    the Turkish Armed Forces), none when no such arms are named or they are the target
    ("a strike on a Turkish drone", "shot down a Turkish drone")."""
    for m, _e in _forces(rules.STATE_ARMS, text, spans, rules.ARMS_HIT_BEFORE):
        if m.group(1)[0].isupper():  # not a pronoun ("told us shelling ..."): a nation
            return rules.STATE_ARMS_OF.get(m.group(1).lower())
    return None


def accuser(text: str, end: int) -> bool:
    """The actor mention ending at ``end`` blames or accuses ("HTS blamed ..."): it names who
    spoke, not who attacked."""
    return rules.ACCUSER_AFTER.match(text, end, min(len(text), end + 80)) is not None


def speaker(text: str, end: int) -> bool:
    """The actor mention ending at ``end`` says something ("the SDF said ..."): in a sentence
    that claims nothing, it names who spoke, not who attacked."""
    return rules.SPEAKER_AFTER.match(text, end, min(len(text), end + 80)) is not None


def supporter(text: str, start: int) -> bool:
    """The mention starting at ``start`` backs the one acting ("fighters backed by Turkish
    artillery attacked"): no party to the act told."""
    return rules.SUPPORTER_BEFORE.search(text[max(0, start - 50) : start]) is not None


def controller(text: str, start: int) -> bool:
    """The mention names who holds the place struck ("the town, under the control of the
    SDF"): no party to the attack."""
    return rules.CONTROLLER_BEFORE.search(text[max(0, start - 50) : start]) is not None


def side_hit(text: str, start: int, end: int) -> bool:
    """The actor mention at [start, end) is the side the attack hit or that answered it, not
    its agent: in a target's position, the passive's victim, the owner of the place hit, the
    one repelling or answering, or passing as the charge went off."""
    return (
        target_position(text, start)
        or passive_victim(text, start, end)
        or owner_of_target(text, start, end)
        or defender(text, end)
        or answering(text, end)
        or passing_victim(text, start, end)
    )


def defender(text: str, end: int) -> bool:
    """The actor mention ending at ``end`` repelled an attack ("the PMF repelled an IS
    attack"): the side attacked."""
    return rules.DEFENDER_AFTER.match(text, end, min(len(text), end + 80)) is not None


def answering(text: str, end: int) -> bool:
    """The actor mention ending at ``end`` killed or stopped the attackers themselves
    ("security forces killed four suicide bombers"): the side answering."""
    return rules.ANSWERING_AFTER.match(text, end, min(len(text), end + 80)) is not None


def passing_victim(text: str, start: int, end: int) -> bool:
    """The mention at [start, end) names those a charge went off beside as they passed ("a
    bomb went off as a patrol of the PMF passed")."""
    before = rules.PASSING_BEFORE.search(text, max(0, start - 150), start)
    return (
        before is not None
        and rules.PASSING_AFTER.match(text, end, min(len(text), end + 50)) is not None
    )


def repelled(text: str, start: int) -> bool:
    """The mention names what was repelled or foiled ("repelled an ISIS infiltration")."""
    return rules.REPELLED_BEFORE.search(text[max(0, start - 20) : start]) is not None


WORD = re.compile(r"\w+")
