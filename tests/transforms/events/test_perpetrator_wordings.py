"""Wordings of who attacked and who was hit that coders' notes and full articles use: a state's
arms named without the state ("a regime sniper", "a regime suicide drone", "shelling by the
regime forces"), the side hit counted in a toll of its own ("1 SDF fighter killed."), the people
a vehicle carried, a group of fighters near the blast, a member assassinated, and the force the
attackers dressed as. Inputs written here; each with a counter-example that must not change."""

from __future__ import annotations

import pytest


@pytest.fixture
def actors(real_reports):
    return lambda text: [(r["perpetrator_id"], r["actor2"]) for r in real_reports(text)]


@pytest.mark.parametrize(
    "text",
    [
        "On 4 June 2020, a regime sniper shot dead a farmer near Kafr Nabl, southern Idleb.",
        "On 4 June 2020, a regime suicide drone hit a pickup near Kafr Nabl, Idleb, wounding 3.",
        "On 4 June 2020, a regime Krasnopol shell fell on a house in Kafr Nabl, Idleb.",
        "Two women died on Sunday in shelling by the regime forces on Kafr Nabl in Idlib.",
    ],
)
def test_a_regimes_arms_and_its_forces_after_by_are_its_army(actors, text):
    assert [p for p, _ in actors(text)] == ["ent:sy_army"]


@pytest.mark.parametrize(
    "text",
    [
        # arms that were hit, and a regime named for what it said
        "On 4 June 2020, HTS fighters shot down a regime drone near Kafr Nabl, Idleb.",
        "On 4 June 2020, a bomb killed a man in Kafr Nabl, Idleb; the regime said drones of "
        "the rebels had been seen.",
        # the regime's people hit, not acting
        "On 4 June 2020, gunmen killed three regime soldiers near Kafr Nabl, Idleb.",
    ],
)  # fmt: skip
def test_a_regimes_arms_hit_or_its_words_name_no_agent(actors, text):
    assert "ent:sy_army" not in [p for p, _ in actors(text)]


def test_an_occupation_drone_is_its_states(actors):
    text = "On Monday an Israeli occupation drone struck a car near Quneitra, killing two men."
    assert [p for p, _ in actors(text)] == ["ent:idf"]
    # counter-example: a drone of that state shot down is no strike of its
    text = "On Monday Hezbollah fighters shot down an Israeli occupation drone near Quneitra."
    assert "ent:idf" not in [p for p, _ in actors(text)]


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        # the side hit counted in a toll of its own, ending its clause
        ("On 2 May 2021, a bomb went off near a checkpoint in Manbij, Aleppo. 1 SDF fighter "
         "killed.", "ent:sdf"),
        ("On 2 May 2021, a car bomb went off in Manbij, Aleppo. 3 Asayish killed, 2 civilians "
         "wounded.", "ent:asayish"),
        ("On 2 May 2021, an IED exploded near Baiji, Salahuddin. 1 PMF member killed and 2 "
         "civilians wounded.", "ent:pmf"),
        # whom a vehicle hit carried; a group of fighters near the blast
        ("On 2 May 2021, a roadside bomb hit a car carrying Peshmerga fighters near Kalar, "
         "Sulaymaniyah.", "ent:peshmerga"),
        ("On 2 May 2021, a bomb went off near a group of Peshmerga soldiers in Kalar, "
         "Sulaymaniyah.", "ent:peshmerga"),
        # a member assassinated
        ("On 2 May 2021, gunmen assassinated a PMF member in Baiji, Salahuddin.", "ent:pmf"),
    ],
)  # fmt: skip
def test_the_side_hit_is_not_the_attacker(actors, text, hit):
    got = actors(text)
    assert hit not in [p for p, _ in got]


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        # counter-examples: the group acting stays the attacker
        ("On 2 May 2021, IS fighters killed three shepherds near Hawija, Kirkuk.",
         "ent:islamic_state"),
        ("On 2 May 2021, IS militants killed and wounded five soldiers near Hawija, Kirkuk.",
         "ent:islamic_state"),
        ("On 2 May 2021, Peshmerga fighters carrying rifles attacked a PKK post near Sidakan, "
         "Erbil.", "ent:peshmerga"),
        ("On 2 May 2021, a group of IS militants attacked a village near Hawija, Kirkuk.",
         "ent:islamic_state"),
    ],
)  # fmt: skip
def test_the_group_acting_stays_the_attacker(actors, text, perpetrator):
    assert [p for p, _ in actors(text)] == [perpetrator]


def test_the_force_the_attackers_dressed_as_is_no_party(actors):
    text = (
        "On 2 May 2021, gunmen dressed as members of the PMF opened fire at a checkpoint in "
        "Baiji, Salahuddin, killing two. ISIL claimed responsibility."
    )
    assert [p for p, _ in actors(text)] == ["ent:islamic_state"]
    # counter-example: the force itself opening fire is the attacker
    text = "On 2 May 2021, members of the PMF opened fire at a checkpoint in Baiji, Salahuddin."
    assert [p for p, _ in actors(text)] == ["ent:pmf"]


@pytest.mark.parametrize(
    ("text", "perpetrator", "hit"),
    [
        # who repelled an attack, with a partner, is the side attacked
        ("On 5 March 2021, the PMF and the Iraqi army repelled an IS attack on their posts near "
         "Baiji, Salahuddin.", "ent:islamic_state", "ent:pmf"),
        # forces killing the bombers themselves answer the attack
        ("Iraqi security forces killed three suicide bombers near Rutba on Monday, while a "
         "fourth blew himself up at a checkpoint.", None, "ent:iq_army"),
        # a charge going off as a group passed or entered hit it
        ("A roadside bomb exploded as a patrol of the Popular Mobilization Forces passed near "
         "Baiji on Monday.", None, "ent:pmf"),
        ("Gunmen detonated a bomb when Peshmerga fighters were entering Kalar on Monday.",
         None, "ent:peshmerga"),
        # one of the dead told beside another
        ("A cameraman was killed along with a Peshmerga officer near Kalar on Monday.", None,
         "ent:peshmerga"),
        # the side that attacked, named apart from the clash it led to
        ("An ambush by the Islamic State led to clashes between the Syrian army and the "
         "Islamic State near Mayadin on Monday, killing nine.", "ent:islamic_state",
         "ent:sy_army"),
    ],
)  # fmt: skip
def test_the_side_answering_or_passing_is_not_the_attacker(actors, text, perpetrator, hit):
    assert actors(text) == [(perpetrator, hit)]


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        # counter-examples: an operation against militants is the forces' own; a group
        # entering a village and opening fire is the attacker; a repelled attack's group
        # attacked
        ("Iraqi forces killed five IS militants in an airstrike near Rutba on Monday.",
         "ent:iq_army"),
        ("IS fighters entered a village near Hawija and killed four farmers on Monday.",
         "ent:islamic_state"),
        ("The Syrian army repelled an IS attack near Palmyra on Monday.", "ent:islamic_state"),
    ],
)  # fmt: skip
def test_forces_acting_stay_the_attacker(actors, text, perpetrator):
    assert [p for p, _ in actors(text)] == [perpetrator]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Clashes between the Syrian army and the Islamic State near Mayadin killed nine on "
         "Monday.", "ent:sy_army", "ent:islamic_state"),
        ("On 3 June 2020, the SDF and SNA factions exchanged artillery fire near Tal Tamr, "
         "Hasakah.", "ent:sdf", "ent:sna"),
        ("On 3 June 2020, KDP Peshmerga and PKK fighters clashed near Amedi, Dohuk.",
         "ent:peshmerga", "ent:pkk"),
    ],
)  # fmt: skip
def test_a_clash_told_as_mutual_names_both_sides_and_no_perpetrator(
    real_reports, text, first, second
):
    (r,) = real_reports(text)
    assert (r["perpetrator_id"], r["actor1"], r["actor2"]) == (None, first, second)


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        # counter-examples: one side attacking the other, or a side and its allies acting
        ("On 3 June 2020, SNA factions attacked SDF positions near Tal Tamr, Hasakah.",
         "ent:sna"),
        ("On 3 June 2020, the Islamic State clashed with Syrian army troops near Palmyra, "
         "killing five.", "ent:islamic_state"),
        ("On 3 June 2020, the SDF and its allies shelled villages near Tal Tamr, Hasakah.",
         "ent:sdf"),
    ],
)  # fmt: skip
def test_a_side_attacking_stays_the_perpetrator(actors, text, perpetrator):
    assert [p for p, _ in actors(text)] == [perpetrator]


def test_allies_clashing_with_a_third_are_no_pair(actors):
    text = "On 3 June 2020, Hezbollah and the Syrian army clashed with IS near Palmyra, Homs."
    assert [p for p, _ in actors(text)] == ["ent:hezbollah"]
    # counter-example: the two alone clashing are the pair
    text = "On 3 June 2020, Hezbollah and the Syrian army clashed near Palmyra, Homs."
    assert actors(text) == [(None, "ent:sy_army")]


def test_a_group_saying_it_fired_claims_the_attack(real_reports):
    text = (
        "ERBIL, Iraq - The Revolutionary Guards said on Sunday they had fired missiles at a "
        "base in Erbil, wounding one civilian."
    )
    assert [(r["perpetrator_id"], r["attribution"]) for r in real_reports(text)] == [
        ("ent:irgc", "claimed")
    ]
    # counter-example: saying they had found the dead is no act of theirs
    text = (
        "ERBIL, Iraq - The Revolutionary Guards said they had found the bodies of two men in "
        "Erbil, killed by a bomb."
    )
    assert [r["perpetrator_id"] for r in real_reports(text)] == [None]


@pytest.mark.parametrize(
    "later",
    [
        # a word holding a stem of attribution ("units", "its neighbourhoods") says nothing
        # of who attacked
        "The town's security is in the hands of the police and units of the PMF.",
        "After the attack the PMF closed the roads and searched its orchards.",
        # nor does land claimed by two sides
        "Kirkuk, a province claimed by both Baghdad and Erbil, has seen a rise in IS activity.",
    ],
)
def test_a_later_sentence_naming_a_group_without_saying_who_did_it(real_reports, later):
    text = "Gunmen shot dead a farmer near Hawija on Monday. " + later
    assert {r["perpetrator_id"] for r in real_reports(text)} == {None}


@pytest.mark.parametrize(
    ("later", "perpetrator", "attribution"),
    [
        # counter-examples: a later sentence saying who did it
        ("IS claimed responsibility through its news agency.", "ent:islamic_state", "claimed"),
        ("The attack was carried out by IS, officials said.", "ent:islamic_state", None),
        ("Officials blamed the PMF for the attack.", "ent:pmf", None),
    ],
)  # fmt: skip
def test_a_later_sentence_saying_who_did_it(real_reports, later, perpetrator, attribution):
    text = "Gunmen shot dead a farmer near Hawija on Monday. " + later
    got = {(r["perpetrator_id"], r["attribution"]) for r in real_reports(text)}
    assert {p for p, _ in got} == {perpetrator}
    assert attribution is None or {a for _, a in got} == {attribution}


@pytest.mark.parametrize(
    ("text", "supporter"),
    [
        ("On 3 June 2020, rebel fighters backed by Turkish artillery attacked a village near "
         "Saraqib, Idleb.", "ent:tr_army"),
        ("On 3 June 2020, tribal fighters, supported by Russian airstrikes, stormed a village "
         "near Palmyra, Homs.", "ent:ru_army"),
        ("On 3 June 2020, gunmen with the support of the PMF attacked a village near Baiji, "
         "Salahuddin.", "ent:pmf"),
    ],
)  # fmt: skip
def test_a_force_backing_the_one_acting_is_not_the_attacker(actors, text, supporter):
    assert supporter not in [p for p, _ in actors(text)]


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        # counter-examples: the one backed acting, and the backing force acting itself
        ("On 3 June 2020, SNA factions backed by Turkish artillery attacked a village near "
         "Tal Tamr, Hasakah.", "ent:sna"),
        ("On 3 June 2020, Turkish artillery shelled a village near Tal Tamr, Hasakah.",
         "ent:tr_army"),
        ("On 3 June 2020, Russian warplanes backed the army and bombed Saraqib, Idleb.",
         "ent:ru_army"),
    ],
)  # fmt: skip
def test_the_one_backed_or_a_backer_acting_is_the_attacker(actors, text, perpetrator):
    assert [p for p, _ in actors(text)] == [perpetrator]


def test_a_regimes_soldiers_counted_dead_are_no_agent(actors):
    text = (
        "On 6 November 2019, a bomb exploded near a checkpoint near Nawa, Daraa. 2 regime "
        "soldiers killed."
    )
    assert [p for p, _ in actors(text)] == [None]
    # counter-example: the regime's soldiers killing
    text = "On 6 November 2019, regime soldiers killed two farmers near Nawa, Daraa."
    assert [p for p, _ in actors(text)] == ["ent:sy_army"]


def test_the_group_a_mine_was_placed_by_did_the_attack_told_before(real_reports):
    text = (
        "A farmer was killed when a landmine exploded near Hawija on Monday. The landmine had "
        "been placed by Islamic State militants."
    )
    assert {r["perpetrator_id"] for r in real_reports(text)} == {"ent:islamic_state"}
