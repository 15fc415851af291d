"""Events under construction during a merge: each a compact summary of its reports, found by index.

Grain: one ``Cluster`` per event being built; one signature per distinct way its reports read.

A report's *signature* is what the merge rule reads of it besides its document: type, whether
its weapon is known, perpetrator, place, date with precision and method, target and place
wording. A thousand copies of one report are one signature. A cluster keeps its distinct
signatures (each with its first report's id and position), a few aggregates (the earliest
publication of its documents, the latest start of its dates, documents counted, the narrowest
toll its reports allow), its report rows as positions, and per document the places, days and
sentences that document gave it.

Whether a report may join a cluster (``best``) is then decided signature by signature: under
complete link every report of one signature agrees with a new report or disagrees alike, except
through its document (the publication bounds, decided from the aggregates, and the
same-document rule, decided per document). The result is the one a report-by-report comparison
gives, including which report a merge names and why (the first report of the best signature is
the first best report), at a cost that grows with signatures, not copies.
"""

from __future__ import annotations

from array import array
from datetime import date, timedelta
from typing import Any, NamedTuple

from transforms.events import rules
from transforms.events.extract import holds, rank

# The fields of a report that the merge rule reads, besides its document (see ``signature``).
SIGNATURE = (
    "event_type",
    "weapon",  # only known or not: "unknown" is kept, any other weapon reads as "known"
    "perpetrator_id",
    "place_id",
    "event_date",
    "date_precision",
    "date_method",
    "target",
    "location_text",
)


def signature(r: dict) -> tuple:
    """What the merge rule reads of ``r`` besides its document, as a hashable key."""
    return (
        r.get("event_type"),
        "unknown" if r.get("weapon") == "unknown" else "known",
        r.get("perpetrator_id"),
        r.get("place_id"),
        r.get("event_date"),
        r.get("date_precision"),
        r.get("date_method"),
        r.get("target"),
        r.get("location_text"),
    )


def area_of(place_id: str | None, places: dict[str, dict]) -> str:
    """The area a report at ``place_id`` is compared within: its governorate (a place up to a
    governorate), the place itself when coarser, '' without a place. Reports of different areas
    are never compared, so every area merges on its own."""
    p = places.get(place_id or "")
    if p is None:
        return "" if place_id is None else f"id:{place_id}"
    if p.get("admin1") and rank(p) <= rules.PRECISION_RANK["governorate"]:
        return f"{p.get('country_code')}:{p['admin1']}"
    return f"id:{p['place_id']}"


def span(d: date, precision: str | None) -> tuple[date, date]:
    if precision == "month":
        nxt = date(d.year + d.month // 12, d.month % 12 + 1, 1)
        return d.replace(day=1), nxt - timedelta(days=1)
    if precision == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if precision == "week":  # the 7 days ending on the date (a claim's day and the days before)
        return d - timedelta(days=6), d
    return d, d


def date_relation(a: dict, b: dict) -> str | None:
    """'same' | 'within' (coarser holds finer) | 'near' (relative, within tolerance) | None."""
    da, db = a.get("event_date"), b.get("event_date")
    if da is None or db is None:
        return None
    pa_, pb = a.get("date_precision") or "day", b.get("date_precision") or "day"
    if da == db and pa_ == pb:
        return "same"
    (a0, a1), (b0, b1) = span(da, pa_), span(db, pb)
    if (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1):
        return "within"
    methods = (a.get("date_method"), b.get("date_method"))
    if methods.count("publication") == 1 and a0 <= b1 and b0 <= a1:
        return "within"  # "on or shortly before the report": any overlap with a stated date
    if "relative" in (a.get("date_method"), b.get("date_method")):
        gap = max(b0 - a1, a0 - b1).days
        if gap <= rules.RELATIVE_DATE_TOLERANCE_DAYS:
            return "near"
    return None


def place_relation(a: dict, b: dict, places: dict[str, dict]) -> str | None:
    """'same' | 'holds' | None for two reports' places."""
    pa_, pb = a.get("place_id"), b.get("place_id")
    if pa_ is None and pb is None:
        return "same"
    if pa_ is None or pb is None:
        return None
    if pa_ == pb:
        return "same"
    qa, qb = places.get(pa_), places.get(pb)
    if qa is None or qb is None:
        return None
    # A whole country is too coarse to say two reports are one attack (ACLED codes at most
    # province precision): only places up to a governorate hold others for merging.
    if max(rank(qa), rank(qb)) > rules.PRECISION_RANK["governorate"]:
        return None
    return "holds" if holds(qa, qb) or holds(qb, qa) else None


def _type_ok(a: dict, b: dict) -> bool:
    return a.get("event_type") == b.get("event_type") or "unknown" in (
        a.get("weapon"),
        b.get("weapon"),
    )


def _perp_ok(a: dict, b: dict) -> bool:
    return (
        a.get("perpetrator_id") is None
        or b.get("perpetrator_id") is None
        or (a["perpetrator_id"] == b["perpetrator_id"])
    )


_DATE_SCORE = {"same": 4, "within": 3, "near": 1, "corroborated": 2}


class Pair(NamedTuple):
    """How two reports may be one attack, as far as their signatures tell."""

    score: int
    drel: str  # date relation (``date_relation``, or 'corroborated' in the undated pass)
    prel: str  # place relation (``place_relation``)
    differ: bool  # their types differ: their tolls must agree (``tolls_agree``)
    loose: bool  # only a vague tie: their tolls must agree and back it (``loose_tie_ok``)


def pair(r: dict, o: dict, places: dict[str, dict], mode: str) -> Pair | None:
    """How ``r`` and ``o`` may be one attack, as far as their signatures tell (documents are
    judged by ``documents_allow``, tolls by ``tolls_agree`` when the types differ or the tie is
    loose); else None."""
    if not _perp_ok(r, o):
        return None
    prel = place_relation(r, o, places)
    undated = mode == "undated"
    if prel is None or (undated and r.get("place_id") is None):
        return None
    drel: str | None = "corroborated" if undated else date_relation(r, o)
    if drel is None or (mode == "strict" and drel == "near"):
        return None
    differ = not _type_ok(r, o)
    if differ and not _same_day_same_town(r, drel, prel, places):
        return None
    score = _DATE_SCORE[drel] * 10 + (2 if prel == "same" else 1)
    # Among compatible events, the one that agrees on more: two attacks on one day in one town
    # (a shelling of a wedding, gunmen shooting police) keep their own reports.
    agree = 2 * (
        r.get("perpetrator_id") is not None and r.get("perpetrator_id") == o.get("perpetrator_id")
    )
    agree += r.get("target") is not None and r.get("target") == o.get("target")
    agree += r.get("event_type") == o.get("event_type")
    # a document's total shared among its attacks ("five killed in two attacks": 3 and 2)
    # gives reports that differ in their best figure only: each joins the one stating its own
    agree += sum(r.get(b) is not None and r.get(b) == o.get(b) for b in _BESTS)
    return Pair(score * 10 + agree, drel, prel, differ, _loose(r, o, drel))


def _loose(r: dict, o: dict, drel: str) -> bool:
    """Whether two reports are tied only loosely: neither names a place (a country's reports of
    one day are many attacks), or neither states the day (a publication week, a month, a year,
    a date borrowed from corroboration): many attacks share such a tie, so it needs more."""
    return (
        (r.get("place_id") is None and o.get("place_id") is None)
        or drel in ("within", "corroborated")
        or "publication" in (r.get("date_method"), o.get("date_method"))
    )


def _same_day_same_town(r: dict, drel: str, prel: str, places: dict[str, dict]) -> bool:
    """Two outlets may word one attack as different types ("gunmen killed four guards in an
    ambush" / "militants ambushed a patrol, killing four"): reports of one day and one town
    are one attack whatever type each wording gave, when their tolls agree."""
    place = places.get(r.get("place_id") or "")
    return (
        drel == "same"
        and prel == "same"
        and (r.get("date_precision") or "day") == "day"
        and place is not None
        and rank(place) == rules.PRECISION_RANK["town"]
    )


# The fields of a report that ``reason`` reads.
_REASON_READS = ("location_text", "place_id", "event_date", "date_precision", "perpetrator_id")


def reason(r: dict, o: dict, drel: str, prel: str) -> str:
    """Why ``r`` joined the event of ``o`` (a merge row's ``reason``)."""
    place = (
        f"same place {r.get('location_text') or r.get('place_id')}"
        if prel == "same" and r.get("place_id")
        else f"{'place-less' if not r.get('place_id') else 'place ' + str(r.get('location_text'))}"
        f"{'' if prel == 'same' else ' holds/inside ' + str(o.get('location_text'))}"
    )
    when = {
        "same": f"same date {r.get('event_date')}",
        "within": f"date {r.get('event_date')} ({r.get('date_precision')}) holds/inside "
        f"{o.get('event_date')} ({o.get('date_precision')})",
        "near": f"relative date {r.get('event_date')} within "
        f"{rules.RELATIVE_DATE_TOLERANCE_DAYS} day of {o.get('event_date')} (conflict kept)",
        "corroborated": f"undated report dated by corroboration: {o.get('event_date')}",
    }[drel]
    who = r.get("perpetrator_id") or o.get("perpetrator_id") or "unknown perpetrator"
    return f"{when}; {place}; perpetrator {who}; type {o.get('event_type')}"


class Cluster:
    """One event being built: its signatures, aggregates and report rows (see the module)."""

    __slots__ = ("seq", "alive", "sigs", "rows", "n_docs", "min_pub", "max_start", "tolls")

    def __init__(self, seq: int):
        self.seq = seq  # creation order: the last tie-break, so results never depend on hashing
        self.alive = True
        # signature -> its first report (the signature's fields and report_id); in order of
        # first appearance, so the first best signature holds the first best report
        self.sigs: dict[tuple, dict[str, Any]] = {}
        self.rows = array("q")  # positions of its reports in the area's rows
        self.n_docs = 0
        self.min_pub: date | None = None  # earliest publication of a reporting document
        self.max_start: date | None = None  # latest start of a report's date span
        # per toll kind its reports state: (highest low, lowest high; None: no bound)
        self.tolls: dict[str, tuple[int, int | None]] = {}

    @property
    def n_reports(self) -> int:
        return len(self.rows)

    def one_relative_wording(self) -> bool:
        """All its reports read alike, dated from a relative expression: one report, or its
        copies however many outlets repeat it, is one witness of a day that may be off."""
        return len(self.sigs) == 1 and next(iter(self.sigs.values()))["date_method"] == "relative"


TOLLS = ("killed", "wounded")
_BESTS = tuple(f"{kind}_best" for kind in TOLLS)


def _toll_range(r: dict, kind: str) -> tuple[int, int | None] | None:
    """A report's toll of ``kind`` as (low, high), None when it states none. An open count
    ("at least three") reads as its best figure: "at least three" and "twelve" differ."""
    low = r.get(f"{kind}_low")
    if low is None:
        return None
    high = r.get(f"{kind}_high")
    return low, high if high is not None else r.get(f"{kind}_best")


def _tolls(r: dict) -> tuple[tuple[int, int | None] | None, ...]:
    """``r``'s ``_toll_range`` of each of ``TOLLS``, read once per report (kept in ``r``)."""
    tolls = r.get("_tolls")
    if tolls is None:
        tolls = r["_tolls"] = tuple(_toll_range(r, kind) for kind in TOLLS)
    return tolls


def tolls_of(r: dict) -> tuple[tuple[int, int | None] | None, ...]:
    """``r``'s ``_toll_range`` of each of ``TOLLS`` (not kept in ``r``)."""
    return tuple(_toll_range(r, kind) for kind in TOLLS)


def loose_tie_ok(r: dict, ev: Cluster) -> bool:
    """A loose tie (``_loose``) holds when the tolls agree and something besides place and day
    backs it: a toll both state ("killed four" in both), or one named perpetrator. Two bombings
    somewhere in Iraq on one day, or "killed two" and "killed six" in one city's week, are two.
    Without a place, less backs it: one death (the commonest toll there is) is no tie, nor one
    group alone (a group active everywhere kills many on one day), only with the same target."""
    if not tolls_agree(r, ev):
        return False
    perp = r.get("perpetrator_id")
    placeless = r.get("place_id") is None
    tolls = zip(TOLLS, _tolls(r), strict=True)
    return any(
        toll is not None and kind in ev.tolls and (not placeless or toll[0] > 1)
        for kind, toll in tolls
    ) or (
        perp is not None
        and any(
            o["perpetrator_id"] == perp and (not placeless or o.get("target") == r.get("target"))
            for o in ev.sigs.values()
        )
    )


def tolls_agree(r: dict, ev: Cluster) -> bool:
    """Every toll ``r`` states overlaps the one each report of ``ev`` states of that kind
    (``_toll_range``; no high: open): "killed four" and "killed eleven" are two attacks."""
    for kind, mine in zip(TOLLS, _tolls(r), strict=True):
        have = ev.tolls.get(kind)
        if mine is None or have is None:
            continue
        if (have[1] is not None and mine[0] > have[1]) or (
            mine[1] is not None and mine[1] < have[0]
        ):
            return False
    return True


def corroborating(ev: Cluster) -> dict | None:
    """The signature an undated report joining ``ev`` takes its date from: the first of its
    dated signatures stating a day, explicitly if any (None: ``ev`` has no dated one)."""
    dated = [o for o in ev.sigs.values() if o["event_date"] is not None]
    if not dated:
        return None
    return max(dated, key=lambda o: (o["date_precision"] == "day", o["date_method"] == "explicit"))


class DocPart:
    """What one document gave one cluster: its reports' (place, date) pairs and sentences."""

    __slots__ = ("keys", "sentences")

    def __init__(self) -> None:
        self.keys: set[tuple[Any, Any]] = set()
        self.sentences: set[Any] = set()


def documents_allow(r: dict, part: DocPart | None, mode: str) -> bool:
    """Two reports of one document stay apart unless they name the same place and day in
    different sentences (a document that lists two attacks means two); in the undated pass
    only the cluster's dated reports count."""
    if part is None:
        return True
    if mode == "undated":
        return all(d is None for _p, d in part.keys)
    key = (r.get("place_id"), r.get("event_date"))
    return (
        bool(key[0])
        and key[1] is not None
        and part.keys == {key}
        and r["sentence_no"] not in part.sentences
    )


class CopyOf(NamedTuple):
    """What ``Index.copy_joins`` reads of a kind of report (``kinds``)."""

    pub: date | None  # its document's publication
    start: date | None  # the first day of its date span
    tolls: tuple[tuple[int, int | None] | None, ...]  # ``tolls_of``
    place_date: tuple[Any, Any]  # (place_id, event_date): its key in a document part
    sentence: Any  # sentence_no


def copy_of(r: dict) -> CopyOf:
    day = r.get("event_date")
    return CopyOf(
        r.get("_pub"),
        None if day is None else span(day, r.get("date_precision"))[0],
        tolls_of(r),
        (r.get("place_id"), day),
        r.get("sentence_no"),
    )


# (score, the event's first best report, date relation, place relation): ``Index.judge``
Verdict = tuple[int, dict, str, str]


class Index:
    """The clusters of one area by the weeks their dates cover, by place, by area, coarse
    places apart, and what each document gave each: a report's candidates are looked up,
    never scanned for, and each is judged on its signatures."""

    def __init__(self, places: dict[str, dict]):
        self.places = places
        self.by_week: dict[tuple[str, int], dict[int, Cluster]] = {}
        self.by_place: dict[tuple[str, str], dict[int, Cluster]] = {}
        self.by_area: dict[str, dict[int, Cluster]] = {}
        self.coarse: dict[str, dict[int, Cluster]] = {}  # clusters at a place coarser than a town
        self.parts: dict[tuple[str, int], DocPart] = {}  # (doc_id, cluster seq) -> its part
        self.doc_parts: dict[str, list[int]] = {}  # doc_id -> clusters it has a part of
        self._doc_states: dict[str, tuple] = {}  # ``doc_state``, until the document adds
        self.clusters: list[Cluster] = []
        self._places: dict[tuple[Any, Any], str | None] = {}
        # Whatever a report's candidates and their verdicts depend on, besides the report and
        # its document: a cluster created, retired, or given a new signature, publication
        # bound, date bound or toll. Counts of documents are read afresh.
        self.version = 0
        self._decided: dict[tuple, tuple[int, list[Cluster], list[tuple[Verdict, Cluster]]]] = {}
        self._said: dict[tuple, str] = {}  # reasons already worded (``_choose``)
        # whether the last ``_choose`` found one best score (its choice read no document count)
        self.unique_best = False
        # choices among two or more candidates of one best score (decided by document counts)
        self.ties = 0

    def area(self, r: dict) -> str:
        return area_of(r.get("place_id"), self.places)

    @staticmethod
    def weeks(r: dict, pad: int) -> range:
        lo, hi = span(r["event_date"], r.get("date_precision"))
        return range((lo.toordinal() - pad) // 7, (hi.toordinal() + pad) // 7 + 1)

    def new(self, r: dict, row: int) -> Cluster:
        ev = Cluster(len(self.clusters))
        self.clusters.append(ev)
        self.add(ev, r, row)
        return ev

    def add(self, ev: Cluster, r: dict, row: int) -> None:
        """``r`` (at ``row``) joins ``ev``: its signature, aggregates, document part, index."""
        ev.rows.append(row)
        key = (r["doc_id"], ev.seq)
        self._doc_states.pop(r["doc_id"], None)
        part = self.parts.get(key)
        if part is None:
            part = self.parts[key] = DocPart()
            self.doc_parts.setdefault(r["doc_id"], []).append(ev.seq)
            ev.n_docs += 1
        part.keys.add((r.get("place_id"), r.get("event_date")))
        part.sentences.add(r.get("sentence_no"))
        pub = r.get("_pub")
        if pub is not None and (ev.min_pub is None or pub < ev.min_pub):
            ev.min_pub = pub
            self.version += 1
        if r.get("event_date") is not None:
            start = span(r["event_date"], r.get("date_precision"))[0]
            if ev.max_start is None or start > ev.max_start:
                ev.max_start = start
                self.version += 1
        for kind, toll in zip(TOLLS, _tolls(r), strict=True):
            if toll is not None:
                have = ev.tolls.get(kind)
                lo, hi = have or toll
                if toll[1] is not None and (hi is None or toll[1] < hi):
                    hi = toll[1]
                if (max(lo, toll[0]), hi) != have:
                    ev.tolls[kind] = (max(lo, toll[0]), hi)
                    self.version += 1
        sig = r.get("_sig") or signature(r)
        if sig in ev.sigs:
            return  # same place and date as a report before it: indexed already
        self.version += 1
        ev.sigs[sig] = {**dict(zip(SIGNATURE, sig, strict=True)), "weapon": r.get("weapon"),
                        "report_id": r["report_id"],
                        **{best: r.get(best) for best in _BESTS}}  # fmt: skip
        self._index(ev, r)

    def doc_state(self, doc: str) -> tuple:
        """What document ``doc`` gave this index so far: per cluster, its part's (place, date)
        pairs and sentences (what a verdict on another report of it reads of it)."""
        state = self._doc_states.get(doc)
        if state is None:
            seqs = self.doc_parts.get(doc, ())
            parts = self.parts
            state = self._doc_states[doc] = tuple(
                (s, frozenset(p.keys), frozenset(p.sentences))
                for s in seqs
                for p in (parts[(doc, s)],)
            )
        return state

    def copy_joins(
        self,
        ev: Cluster,
        row: int,
        r: CopyOf,
        doc: str,
        own: bool,
    ) -> bool:
        """``add`` of a report of a kind ``r`` whose signature ``ev`` has, when it moves none
        of ``ev``'s bounds: nothing a verdict depends on changes but document counts and the
        document's own part. ``own``: the document gives this index no other report, so no
        part is kept for it. True when it joined; False, nothing done, when a bound would
        move."""
        pub, start, tolls = r.pub, r.start, r.tolls
        if pub is not None and (ev.min_pub is None or pub < ev.min_pub):
            return False
        if start is not None and (ev.max_start is None or start > ev.max_start):
            return False
        for kind, toll in zip(TOLLS, tolls, strict=True):
            if toll is not None:
                have = ev.tolls.get(kind)
                if have is None:
                    return False
                lo, hi = have
                if toll[1] is not None and (hi is None or toll[1] < hi):
                    hi = toll[1]
                if (max(lo, toll[0]), hi) != have:
                    return False
        ev.rows.append(row)
        if own:
            ev.n_docs += 1
            return True
        key = (doc, ev.seq)
        self._doc_states.pop(doc, None)
        part = self.parts.get(key)
        if part is None:
            part = self.parts[key] = DocPart()
            self.doc_parts.setdefault(doc, []).append(ev.seq)
            ev.n_docs += 1
        part.keys.add(r.place_date)
        part.sentences.add(r.sentence)
        return True

    def _index(self, ev: Cluster, r: dict) -> None:
        area = self.area(r)
        if r.get("event_date") is not None:
            for w in self.weeks(r, 0):
                self.by_week.setdefault((area, w), {})[ev.seq] = ev
        self.by_place.setdefault((area, r.get("place_id") or ""), {})[ev.seq] = ev
        self.by_area.setdefault(area, {})[ev.seq] = ev
        p = self.places.get(r.get("place_id") or "")
        if p is not None and rank(p) > 0:
            self.coarse.setdefault(area, {})[ev.seq] = ev

    def dated_candidates(self, r: dict, pad: int) -> list[Cluster]:
        area, out = self.area(r), dict[int, Cluster]()
        for w in self.weeks(r, pad):
            for seq, ev in self.by_week.get((area, w), {}).items():
                if ev.alive:
                    out.setdefault(seq, ev)
        return list(out.values())

    def place_candidates(self, r: dict) -> list[Cluster]:
        """Clusters that may hold ``r`` by place alone (for dating an undated report): at its
        place, at a coarser place of its area, or, when ``r`` itself is coarse, anywhere in it."""
        area, pid = self.area(r), r.get("place_id") or ""
        p = self.places.get(pid)
        pools = [self.by_place.get((area, pid), {}), self.coarse.get(area, {})]
        if p is not None and rank(p) > 0:
            pools.append(self.by_area.get(area, {}))
        out: dict[int, Cluster] = {}
        for pool in pools:
            for seq, ev in pool.items():
                if ev.alive:
                    out.setdefault(seq, ev)
        return list(out.values())

    def retire(self, ev: Cluster) -> None:
        """``ev`` is no longer a candidate (its reports moved to another)."""
        ev.alive = False
        self.version += 1

    def decide(self, r: dict, mode: str) -> tuple[Cluster, str, str] | None:
        """``best`` over ``r``'s candidates ('strict': by the weeks of its date; 'undated': by
        its place). Reports that read alike (signature, publication, tolls: a story's copies)
        from documents no candidate holds get the same verdicts while nothing they depend on
        changed (``version``): those are kept, and only counts of documents read again."""
        sig = signature(r)
        if mode == "strict":
            r["_sig"] = sig  # read again by ``add`` (an undated report is redated before it)
        key = (mode, sig, r.get("_pub"), _tolls(r), *map(r.get, _BESTS))
        kept = self._decided.get(key)
        if kept is not None and kept[0] == self.version:
            candidates, verdicts = kept[1], kept[2]
        else:
            candidates = (
                self.dated_candidates(r, 0) if mode == "strict" else self.place_candidates(r)
            )
            verdicts = None
        doc = r["doc_id"]
        if any((doc, ev.seq) in self.parts for ev in candidates):
            return self.best(r, candidates, mode)  # its document's own reports have a say
        if verdicts is None:
            verdicts = [(v, ev) for ev in candidates if (v := self.judge(r, ev, mode, [r]))]
            self._decided[key] = (self.version, candidates, verdicts)
        return self._choose(r, verdicts)

    def best(
        self, r: dict, candidates: list[Cluster], mode: str, group: list[dict] | None = None
    ) -> tuple[Cluster, str, str] | None:
        """The cluster ``r`` joins (exact date, then exact place, then agreement, then most
        documents, then the oldest), the report it is merged with and why; None when every
        candidate has a report that differs (complete link). With ``group`` (reports of
        ``r``'s signature, ``r`` among them, moving together), a cluster every one of them may
        join."""
        verdicts = [(v, ev) for ev in candidates if (v := self.judge(r, ev, mode, group or [r]))]
        return self._choose(r, verdicts)

    def _choose(
        self, r: dict, verdicts: list[tuple[Verdict, Cluster]]
    ) -> tuple[Cluster, str, str] | None:
        best: tuple[tuple[int, int, int], Cluster, Verdict] | None = None
        for v, ev in verdicts:
            key = (v[0], ev.n_docs, -ev.seq)
            if best is None or key > best[0]:
                best = (key, ev, v)
        if best is None:
            self.unique_best = False
            return None
        top = best[0][0]
        self.unique_best = sum(v[0] == top for v, _ev in verdicts) == 1
        self.ties += not self.unique_best
        _key, ev, (_score, o, drel, prel) = best
        # what ``reason`` reads of ``r``; ``o`` is a signature's first report, kept as long
        # as this index: copies joining one report share one reason (worded once)
        wording = (*(r.get(c) for c in _REASON_READS), id(o), drel, prel)
        said = self._said.get(wording)
        if said is None:
            said = self._said[wording] = reason(r, o, drel, prel)
        return ev, o["report_id"], said

    def judge(self, r: dict, ev: Cluster, mode: str, group: list[dict]) -> Verdict | None:
        """(score, first best report, relations) when every report of ``ev`` may be one attack
        with ``r`` and every report of ``group`` (of ``r``'s signature); None otherwise."""
        undated = mode == "undated"
        day, first = r.get("event_date"), ev.min_pub
        if day is not None and first is not None and span(day, r.get("date_precision"))[0] > first:
            return None  # dated after a reporting document of the event was published
        for g in group:
            pub = g.get("_pub")
            if pub is not None and ev.max_start is not None and ev.max_start > pub:
                return None  # the event is dated after g's document was published
            part = self.parts.get((g["doc_id"], ev.seq))
            if not documents_allow(g, part, mode):
                return None
            if part is not None and not tolls_agree(g, ev):
                return None  # one document, two tolls for one place and day: two attacks
        top: tuple[int, dict, str, str] | None = None
        differ = loose = False
        for o in ev.sigs.values():
            if undated and o["event_date"] is None:
                continue
            p = pair(r, o, self.places, mode)
            if p is None:
                return None  # complete link: every report of the event must agree
            differ, loose = differ or p.differ, loose or p.loose
            if top is None or p.score > top[0]:
                top = (p.score, o, p.drel, p.prel)
        if differ and not all(tolls_agree(g, ev) for g in group):
            return None  # other types and other tolls: another attack
        if loose and not all(loose_tie_ok(g, ev) for g in group):
            return None  # a vague place or day, and nothing else to say it is one attack
        return top
