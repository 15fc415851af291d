"""Report extraction on small inline documents (mentions built from a tiny lexicon)."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

from transforms import schemas
from transforms.events import extract_reports

SUN = date(2026, 2, 22)

TWO_ATTACKS = (
    "Islamic State claimed responsibility on Saturday for two attacks on army personnel. "
    "The group said it had attacked a soldier in the town of Mayadin using a pistol, and "
    "attacked two other soldiers with machine guns in Raqqa. "
    "The defence ministry said a soldier and a civilian were killed on Saturday."
)


def run(corpus, places, entities, *docs):
    documents, mentions = corpus(*docs)
    table = extract_reports(documents, mentions, places, entities)
    assert table.schema == schemas.EVENT_REPORTS
    return documents, table.to_pylist()


def test_claim_detailed_at_two_places(corpus, places, entities):
    documents, reps = run(corpus, places, entities, ("d1", TWO_ATTACKS, SUN, "A"))
    assert [r["place_id"] for r in reps] == ["t_may", "t_raq"]
    for r in reps:
        assert r["event_date"] == date(2026, 2, 21) and r["date_method"] == "relative"
        assert r["perpetrator_id"] == "ent:is" and r["attribution"] == "claimed"
        assert r["weapon"] == "firearms" and r["target"] == "military"
        assert (r["event_type"], r["sub_event_type"]) == ("Battles", "Armed clash")
        # the toll of 2 was stated for both attacks: split evenly (ACLED), never copied into each
        assert (r["killed_low"], r["killed_best"], r["killed_high"]) == (0, 1, 2)
        assert TWO_ATTACKS[r["char_start"] : r["char_end"]] == r["quote"]
        assert r["event_id"] is None
    assert "Mayadin" in reps[0]["quote"] and "Raqqa" not in reps[0]["quote"]


def test_single_attack_takes_the_whole_toll(corpus, places, entities):
    text = "Gunmen attacked a checkpoint in Raqqa on Feb 20, killing three soldiers."
    _, reps = run(corpus, places, entities, ("d1", text, SUN, "A"))
    assert len(reps) == 1
    r = reps[0]
    assert (r["killed_low"], r["killed_best"], r["killed_high"]) == (3, 3, 3)
    assert r["event_date"] == date(2026, 2, 20) and r["date_method"] == "explicit"
    assert r["perpetrator_id"] is None and r["attribution"] == "unattributed"


@pytest.mark.parametrize(
    "text",
    [
        "ISIS has carried out six attacks against government targets since the fall of Assad.",
        "Two ministers survived five foiled assassination attempts by IS in Raqqa.",
        "Channels supporting ISIS called for intensified attacks in Raqqa.",
        "ISIS overran Raqqa and Mayadin in 2014, killing hundreds.",
        "US troops withdrew from two bases near Raqqa after attacks.",
        "The army announced the start of a new offensive against IS in Deir al-Zor.",
        "Thousands of ISIS prisoners escaped from a camp near Raqqa.",
    ],
)
def test_not_attacks_give_no_report(corpus, places, entities, text):
    _, reps = run(corpus, places, entities, ("d1", text, SUN, "A"))
    assert reps == []


def test_undated_document_leaves_relative_dates_null(corpus, places, entities):
    _, reps = run(corpus, places, entities, ("d1", TWO_ATTACKS, None, "A"))
    assert len(reps) == 2 and all(r["event_date"] is None for r in reps)


def test_history_relative_to_publication_and_same_month(corpus, places, entities):
    text = (
        "Strikes followed an ambush in Palmyra that killed three Americans in December. "
        "The same month, five Syrians were killed in two attacks by suspected ISIS supporters."
    )
    _, reps = run(corpus, places, entities, ("d1", text, SUN, "A"))
    pal = [r for r in reps if r["place_id"] == "t_pal"]
    rest = [r for r in reps if r["place_id"] is None]
    assert len(pal) == 1 and pal[0]["event_date"] == date(2025, 12, 1)
    assert pal[0]["date_precision"] == "month" and pal[0]["killed_best"] == 3
    assert len(rest) == 2  # two attacks, no place: two reports, the total split evenly
    for r in rest:
        assert r["attribution"] == "suspected" and r["event_date"] == date(2025, 12, 1)
    tolls = sorted((r["killed_low"], r["killed_best"], r["killed_high"]) for r in rest)
    assert tolls == [(0, 2, 5), (0, 3, 5)]
    assert len({r["report_id"] for r in reps}) == 3


def test_another_attack_days_before_is_its_own_report(corpus, places, entities):
    text = (
        "IS claimed an attack in Raqqa on Feb 21 that killed a soldier. "
        "It came two days after IS claimed another attack in Deir al-Zor that killed a "
        "member of the security forces and wounded another."
    )
    _, reps = run(corpus, places, entities, ("d1", text, SUN, "A"))
    by_place = {r["place_id"]: r for r in reps}
    assert by_place["t_raq"]["event_date"] == date(2026, 2, 21)
    dz = by_place["g_dez"]
    assert dz["event_date"] == date(2026, 2, 19)
    assert (dz["killed_best"], dz["wounded_best"]) == (1, 1)
    assert dz["target"] == "security forces"


def test_province_reads_as_governorate_and_dateline_is_no_venue(corpus, places, entities):
    text = "DAMASCUS (Reuters) - Gunmen attacked a patrol in Deir ez-Zor province on Feb 20."
    _, reps = run(corpus, places, entities, ("d1", text, SUN, "A"))
    assert [r["place_id"] for r in reps] == ["g_dez"]


def test_report_ids_are_deterministic_and_per_document(corpus, places, entities):
    _, a = run(corpus, places, entities, ("d1", TWO_ATTACKS, SUN, "A"))
    _, b = run(corpus, places, entities, ("d1", TWO_ATTACKS, SUN, "A"))
    _, c = run(corpus, places, entities, ("d2", TWO_ATTACKS, SUN, "A"))
    assert [r["report_id"] for r in a] == [r["report_id"] for r in b]
    assert not {r["report_id"] for r in a} & {r["report_id"] for r in c}


def test_empty_input(corpus, places, entities):
    documents, mentions = corpus()
    assert extract_reports(documents, mentions, places, entities).num_rows == 0


def test_claim_date_is_a_week_refined_by_the_attack_day(corpus, places, entities):
    # The claim's day bounds the attack; the toll sentence gives the attack's own day.
    text = (
        "IS claimed responsibility on Feb 21 for an attack on soldiers in Raqqa. "
        "The ministry said two soldiers were killed on Feb 19."
    )
    _, reps = run(corpus, places, entities, ("d1", text, SUN, "A"))
    (r,) = reps
    assert (r["event_date"], r["date_precision"]) == (date(2026, 2, 19), "day")
    _, only_claim = run(corpus, places, entities, ("d1", text.split(". ")[0] + ".", SUN, "A"))
    (c,) = only_claim
    assert (c["event_date"], c["date_precision"]) == (date(2026, 2, 21), "week")


def test_follow_up_sentence_names_the_perpetrator(corpus, places, entities):
    text = (
        "Gunmen attacked a checkpoint in Raqqa on Feb 20, killing two soldiers. "
        "No group claimed responsibility, but officials suspect Islamic State cells."
    )
    _, reps = run(corpus, places, entities, ("d1", text, SUN, "A"))
    (r,) = reps
    assert (r["perpetrator_id"], r["attribution"]) == ("ent:is", "suspected")


def test_state_actor_is_a_perpetrator_only_as_the_agent(corpus, places, entities):
    state = {"Turkish forces": ("government", "ent:tr")}
    documents, mentions = corpus(
        (
            "a",
            "Turkish forces shelled a village in Raqqa on Feb 20, killing two civilians.",
            SUN,
            "A",
        ),
        ("b", "Turkish forces said a bomb killed two civilians in Raqqa on Feb 20.", SUN, "B"),
    )
    extra = []
    first = mentions.slice(0, 1).to_pylist()[0]
    doc_ids, texts = (documents.column(c).to_pylist() for c in ("doc_id", "text"))
    for doc_id, text in zip(doc_ids, texts, strict=True):
        for surface, (kind, ident) in state.items():
            k = text.find(surface)
            extra.append(
                {
                    **first,
                    "doc_id": doc_id,
                    "char_start": k,
                    "char_end": k + len(surface),
                    "surface": surface,
                    "entity_id": ident,
                    "place_id": None,
                    "entity_type": kind,
                    "role": None,
                }
            )
    mentions = pa.concat_tables([mentions, pa.Table.from_pylist(extra, schema=mentions.schema)])
    reps = extract_reports(documents, mentions, places, entities).to_pylist()
    by_doc = {r["doc_id"]: r for r in reps}
    assert by_doc["a"]["perpetrator_id"] == "ent:tr"
    assert by_doc["a"]["weapon"] == "explosives"
    assert by_doc["b"]["perpetrator_id"] is None  # the speaker, not the attacker


@pytest.mark.parametrize(
    "text",
    [
        # a headline above a story restates it, no report of its own (a note of one line
        # alone is read: see test_short_notes)
        "Bomb kills 5 in Raqqa\nResidents gathered in the old market on Friday.",
        "At least 210 people have been killed in attacks across Syria this year.",
        "Attacks blamed on IS have risen in Raqqa since August, officials say.",
        "Residents inspect the site of an earlier attack.",
        "In 2015, a string of bombings in Raqqa killed dozens of people.",
    ],
)
def test_headlines_tallies_and_captions_give_no_report(corpus, places, entities, text):
    _, reps = run(corpus, places, entities, ("d1", text, SUN, "A"))
    assert reps == []


def test_possessive_place_is_an_owner_not_a_venue(corpus, places, entities):
    text = "Raqqa's police said gunmen killed two soldiers in Mayadin on Feb 20."
    _, reps = run(corpus, places, entities, ("d1", text, SUN, "A"))
    assert [r["place_id"] for r in reps] == ["t_may"]


def test_a_missing_text_and_date_give_no_report_and_stop_no_other(places, entities):
    documents = pa.Table.from_pylist(
        [
            {"doc_id": "a", "text": None, "published_date": None},
            {
                "doc_id": "b",
                "text": "Gunmen killed two soldiers on Saturday.",
                "published_date": date(2026, 2, 22),
            },
        ],
        schema=schemas.DOCUMENTS,
    )
    mentions = schemas.ENTITY_MENTIONS.empty_table()
    (r,) = extract_reports(documents, mentions, places, entities).to_pylist()
    assert (r["doc_id"], r["event_date"], r["killed_best"]) == ("b", date(2026, 2, 21), 2)


def test_same_day_counts_from_the_last_attack_not_the_last_date(corpus, places, entities):
    text = (
        "Gunmen attacked soldiers in Raqqa on Feb 18, killing two. "
        "Officials met tribal leaders last month to discuss security. "
        "In a separate attack the same day, IS killed a civilian in Mayadin."
    )
    _, reps = run(corpus, places, entities, ("d1", text, SUN, "A"))
    by_place = {r["place_id"]: r for r in reps}
    assert by_place["t_may"]["event_date"] == date(2026, 2, 18)
    assert by_place["t_may"]["date_precision"] == "day"


def test_statement_by_the_group_upgrades_to_claimed(corpus, places, entities):
    text = (
        "Gunmen from IS attacked a checkpoint in Raqqa on Feb 20, killing two soldiers. "
        "In a statement, IS said its fighters had carried out the attack."
    )
    _, reps = run(corpus, places, entities, ("d1", text, SUN, "A"))
    (r,) = reps
    assert (r["perpetrator_id"], r["attribution"]) == ("ent:is", "claimed")


def test_the_source_of_a_report_is_not_its_target(corpus, places, entities):
    text = (
        "IS ambushed a military post in Raqqa on Feb 20, killing a soldier, a local official said."
    )
    _, reps = run(corpus, places, entities, ("d1", text, SUN, "A"))
    (r,) = reps
    assert r["target"] == "military"
    assert (r["event_type"], r["weapon"]) == ("Battles", "firearms")


@pytest.mark.parametrize(
    ("follow_up", "expected"),
    [
        # The sentence that says when the attack happened wins over the claim's day.
        ("The attack took place the day before, officials said.", date(2026, 2, 21)),
        ("The attack took place the day before, killing two soldiers.", date(2026, 2, 21)),
        ("The attack happened two days earlier, a military source said.", date(2026, 2, 20)),
        ("The attack took place on Friday, the ministry said.", date(2026, 2, 20)),
        # The day a statement was made is not the attack's; "the day before" is told from it.
        ("Officials said on Saturday that the attack took place on Thursday.", date(2026, 2, 19)),
        (
            "The ministry said on Saturday that the attack took place the day before.",
            date(2026, 2, 20),
        ),
    ],
)
def test_the_attack_day_wins_over_the_claim_day(corpus, places, entities, follow_up, expected):
    text = f"IS claimed responsibility on Sunday for an attack on soldiers in Raqqa. {follow_up}"
    _, reps = run(corpus, places, entities, ("d1", text, SUN, "A"))
    (r,) = reps
    assert (r["event_date"], r["date_precision"]) == (expected, "day")


@pytest.mark.parametrize(
    "follow_up",
    [
        # Another attack the day before (its own place, not "the attack") keeps its own day
        # and leaves the claimed attack's week alone.
        "The day before, a roadside bomb killed a civilian in Mayadin.",
        # A day outside the claim's week is no refinement of it.
        "The attack comes two weeks after a bombing, officials said.",
        "The attack was condemned on Sunday, officials said.",
    ],
)
def test_the_claim_week_stays_without_an_attack_day(corpus, places, entities, follow_up):
    text = f"IS claimed responsibility on Sunday for an attack on soldiers in Raqqa. {follow_up}"
    _, reps = run(corpus, places, entities, ("d1", text, SUN, "A"))
    raqqa = [r for r in reps if r["place_id"] == "t_raq"]
    assert [(r["event_date"], r["date_precision"]) for r in raqqa] == [(SUN, "week")]
