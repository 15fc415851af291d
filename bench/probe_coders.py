"""Coders' styles probe: incident summaries (``--style gtd``) and armed-clash notes (``--style
acled``) over real places, each labelled with the place it is about.

    .venv/bin/python -m bench.probe_coders --style gtd|acled [--n 90] [--seed 7] [--show KIND]
        [--out notes.csv] [--published DAY]

Professional coders write places in a few fixed shapes that Wikipedia's incident lists (the
dev set, ``make eval-real``) use little. Terrorism-database summaries open on a date and put the
place in a chain of levels ("in X village, Y district, Z governorate, Iraq", "in X
neighborhood, Y city"); armed-clash notes put it in brackets ("near X (Y, Z)"), on fronts and
axes, in a countryside, on a road between two villages, with coders' own spellings of the
governorates (Idleb, Deir-ez-Zor, Al-Hasakeh, Dar'a, As-Sweida, Rural Damascus, Ninewa) and a
second place that is not where the event was: where the shelling came from, where a body was
found, where a second device was defused, the outlet named in the source line. The shapes
below are worded here, not taken from any data set; the places are drawn at random (fixed
seed) from Who's On First: villages, district seats, hills (``Tall X`` villages, written
"Tal X hill"), and neighbourhoods of the large cities (labelled with their city).

Scores, of the notes (``recall``) and of the notes found: ``admin1`` (an event of the note in
the labelled place's governorate, by the outline holding its point), ``admin1_all`` (every
event of the note there: a second venue taken from a shelling origin misses), ``town`` (an
event within 15 km of the labelled place: that place, never another of its name),
``town_all``, ``killed`` (the summed best toll equals the label). ``--show KIND`` lists the
misses of one score with the events found; ``--respell`` writes the place as outlets might
(``bench.respell``), the label still the gazetteer's. Template text: it measures the shapes,
not the wording of any real note (the dev set and the independent sets do that).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import unicodedata
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from bench import eval_real
from bench.respell import respell

# Governorates as each style writes them, by Who's On First region id.
GOVERNORATES: dict[str, tuple[str, str]] = {
    # id: (terrorism-database summaries, armed-clash notes)
    "85672417": ("Dahuk", "Duhok"),
    "85672425": ("Erbil", "Erbil"),
    "85672429": ("Nineveh", "Ninewa"),
    "85672435": ("Saladin", "Salah al-Din"),
    "85672439": ("Najaf", "Najaf"),
    "85672443": ("Karbala", "Kerbala"),
    "85672447": ("Baghdad", "Baghdad"),
    "85672453": ("Basra", "Basrah"),
    "85672455": ("Muthanna", "Muthanna"),
    "85672459": ("Al-Qadisiyah", "Qadissiya"),
    "85672463": ("Dhi Qar", "Thi-Qar"),
    "85672469": ("Maysan", "Missan"),
    "85672473": ("Wasit", "Wassit"),
    "85672475": ("Sulaymaniyah", "Sulaymaniyah"),
    "85672481": ("Diyala", "Diyala"),
    "85672483": ("Al Anbar", "Anbar"),
    "85672491": ("Babil", "Babil"),
    "1108804831": ("Kirkuk", "Kirkuk"),
    "1108804835": ("Halabja", "Halabja"),
    "85678345": ("Latakia", "Lattakia"),
    "85678349": ("Tartus", "Tartous"),
    "85678355": ("Ar-Raqqah", "Ar-Raqqa"),
    "85678359": ("Aleppo", "Aleppo"),
    "85678363": ("Hama", "Hama"),
    "85678367": ("Homs", "Homs"),
    "85678373": ("Idlib", "Idleb"),
    "85678377": ("Al-Hasakah", "Al-Hasakeh"),
    "85678381": ("Deir ez-Zor", "Deir-ez-Zor"),
    "85678385": ("As-Suwayda", "As-Sweida"),
    "85678391": ("Rif Dimashq", "Rural Damascus"),
    "85678395": ("Quneitra", "Quneitra"),
    "85678399": ("Daraa", "Dar'a"),
    "85678403": ("Damascus", "Damascus"),
}
# The second spelling some coders use for a governorate, taken on every other note.
OTHER_SPELLINGS = {"85678381": "Deir Ez Zor", "85678399": "Daraa", "85672435": "Salahuddin"}

# Neighbourhoods of large cities (the city is the label: coders code the city).
NEIGHBOURHOODS: dict[str, list[str]] = {
    "Baghdad": ["Sadr City", "Karrada", "Dora", "Shula", "Kadhimiya", "Adhamiya", "Bayaa",
                "Ghazaliya", "Amil", "Mansour", "Zayouna", "Baladiyat", "New Baghdad",
                "Hurriya", "Shaab", "Jihad", "Saidiya", "Bab al-Sharqi"],
    "Mosul": ["Zuhur", "Nabi Yunus", "Yarmuk", "Wadi Hajar", "Tammuz 17", "Sukkar", "Faisaliya",
              "Muthanna", "Bab al-Toub", "Ghizlani"],
    "Aleppo": ["Salaheddine", "Sheikh Maqsoud", "Bustan al-Qasr", "Hanano", "Sukkari",
               "Ashrafieh", "Jamiliya", "Sheikh Saeed", "Kallaseh", "Midan"],
    "Damascus": ["Jobar", "Qaboun", "Barzeh", "Mezzeh", "Rukn al-Din", "Bab Touma", "Midan",
                 "Qadam", "Tadamon", "Kafr Souseh"],
    "Kirkuk": ["Wahid Huzairan", "Domiz", "Rahimawa", "Shorija", "Azadi", "Hay al-Askari"],
    "Baqubah": ["Tahrir", "Mafraq", "Buhriz", "Katoun", "Tahrir"],
    "Ramadi": ["Tamim", "Malaab", "Sophia", "Hay al-Dhubat", "Aziziya"],
    "Deir ez-Zor": ["Joura", "Qusour", "Huweiqa", "Rashdiyeh", "Ummal"],
    "Homs": ["Waer", "Khaldiyeh", "Baba Amr", "Akrama", "Zahraa", "Bab Amr"],
}  # fmt: skip

# Outlets coders name in a source line: some of them with a place in the name.
SOURCES = [
    "", "", "", "Source: SOHR.", "Sources: Step News Agency; Syrian Observatory for Human Rights.",
    "Source: Deir Ezzor 24.", "Source: Baghdad Today.", "Source: Kurdistan 24.",
    "Sources: Shafaq News; Rudaw.", "Source: Euphrates Post.", "Source: Hawar News Agency.",
    "Source: Enab Baladi.", "Source: Al Sumaria.",
]  # fmt: skip

# A note: (text, killed or None when unknown, what it is about: 'v' a village or town, 'n' a
# neighbourhood (its city labelled), 'h' a hill ("Tal X"), the country its actors fight in:
# 'SY', 'IQ' or '' for either). Slots: {d} the date as
# summaries write it (MM/DD/YYYY), {day} in words, {v} the place, {c} its district, {g} its
# governorate, {C} its country, {o} and {p} two other villages of its district, {n} a
# neighbourhood of {city} in {ng}, {h} a hill's name ("Tal X"), {src} a source line.
GTD: list[tuple[str, int | None, str, str]] = [
    ("{d}: Assailants detonated an explosives-laden vehicle near a market in {v} city, {g} "
     "governorate, {C}. At least 6 people were killed and 14 others were injured in the blast. "
     "No group claimed responsibility for the incident; however, sources attributed the attack "
     "to the Islamic State of Iraq and the Levant (ISIL).", 6, "v", "IQ"),
    ("{d}: An explosive device detonated in {n} neighborhood, {city} city, {ng} governorate, "
     "{C}. Three civilians were killed and five others were wounded in the explosion. No group "
     "claimed responsibility for the incident.", 3, "n", ""),
    ("{d}: Assailants opened fire on a checkpoint in {v} village, {c} district, {g} governorate, "
     "{C}. Two soldiers were killed in the attack. The Islamic State of Iraq and the Levant "
     "(ISIL) claimed responsibility for the incident.", 2, "v", "IQ"),
    ("{d}: A suicide bomber detonated an explosives-laden belt at a funeral tent in {v} town, "
     "{c} district, {g} governorate, {C}. In addition to the assailant, 11 people were killed "
     "and 20 were injured. This was one of two suicide attacks in {g} governorate on this date.",
     12, "v", ""),
    ("{d}: Assailants attacked the home of a Sahwa leader in {v} village, {c} district, {g} "
     "governorate, {C}. Four family members were killed and two were wounded. No group claimed "
     "responsibility; however, sources suspected that Al-Qaida in Iraq was behind the attack.",
     4, "v", "IQ"),
    ("{d}: Assailants fired mortar shells at {v} village, {c} district, {g} governorate, {C}. "
     "Two children were killed and three civilians were injured. Security forces stated that "
     "the shells were fired from {o}.", 2, "v", ""),
    ("{d}: Militants stormed a police station in {v} town, {g} governorate, {C}. Five police "
     "officers were killed and the station was set ablaze. The Islamic State of Iraq and the "
     "Levant (ISIL) claimed responsibility for the attack.", 5, "v", "IQ"),
    ("{d}: An explosive device attached to a vehicle belonging to a local official detonated in "
     "{n} neighborhood of {city} city, {ng} governorate, {C}. The official was killed. No group "
     "claimed responsibility for the incident.", 1, "n", ""),
    ("{d}: Assailants attacked Peshmerga positions near {v} village, {c} district, {g} "
     "governorate, {C}. One Peshmerga soldier was killed and three were wounded in the ensuing "
     "clashes.", 1, "v", "IQ"),
    ("{d}: An explosive device detonated near a bus station in {v} town, {c} district, {g} "
     "governorate, {C}. Seven people were killed and 19 were injured. A second device was "
     "defused by police in {o}. This was one of multiple attacks in {C} on this date.", 7, "v", ""),
    ("{d}: Assailants shot and killed a mukhtar in front of his home in {v} village, {c} "
     "district, {g} governorate, {C}. No group claimed responsibility.", 1, "v", "IQ"),
    ("{d}: Assailants attacked a Shia mosque in {v} city, {g} governorate, {C}, during evening "
     "prayers. Nine worshippers were killed and 22 were injured.", 9, "v", ""),
    ("{d}: A suicide bomber detonated an explosives-laden vehicle at an Iraqi Army checkpoint "
     "at the entrance of {v} town, {c} district, {g} governorate, {C}. Three soldiers and the "
     "bomber were killed.", 4, "v", "IQ"),
    ("{d}: A roadside bomb targeted a Sahwa patrol in {v} village, near {o}, {g} governorate, "
     "{C}. Two Sahwa members were killed.", 2, "v", "IQ"),
    ("{d}: In {v} village, {c} district, {g} governorate, {C}, gunmen dressed in military "
     "uniforms broke into a house and killed a man and his two sons.", 3, "v", ""),
    ("{d}: Assailants detonated explosives at the home of a police officer in {v} city, {g} "
     "governorate, {C}. The officer was not at home; his wife and son were killed.", 2, "v", ""),
    ("{d}: Assailants opened fire on civilians at a bus stop in {n}, {city}, {ng}, {C}. Two "
     "people were killed and one was wounded.", 2, "n", ""),
    ("{d}: Assailants attacked a gas station in {v} town, {c} district, {g} governorate, {C}. "
     "Four employees were killed. The assailants fled toward {o} after the attack.", 4, "v", ""),
    ("{d}: An explosives-laden motorcycle was detonated in the central market of {v} city, {c} "
     "district, {g} governorate, {C}. Eight people were killed and 30 were injured.", 8, "v", ""),
    ("{d}: An explosive device detonated near a soccer field in {v} village, southwest of {o}, "
     "{g} governorate, {C}. Two boys were killed.", 2, "v", ""),
    ("{d}: An unmanned aerial vehicle struck a car near {v} city, {g} governorate, {C}. Two "
     "occupants were killed. The Islamic State claimed responsibility.", 2, "v", ""),
    ("{d}: Assailants threw a hand grenade at a shop selling alcohol in {n} area, {city} city, "
     "{ng} governorate, {C}. The shop owner was killed and two passers-by were injured.",
     1, "n", ""),
    ("{d}: Assailants abducted and killed five shepherds in {v} village, {c} district, {g} "
     "governorate, {C}. The bodies were later discovered near {o}.", 5, "v", ""),
    ("{d}: An explosive device detonated targeting a Popular Mobilization Forces (PMF) vehicle "
     "on the road between {v} and {o}, {g} governorate, {C}. Two PMF members were killed and "
     "one was injured.", 2, "v", "IQ"),
    ("{d}: Gunmen attacked a military outpost at {v} village in {c} district of {g} governorate, "
     "{C}. Three soldiers were killed. No group claimed responsibility; however, sources "
     "attributed the attack to the Islamic State of Iraq and the Levant (ISIL).", 3, "v", "IQ"),
    ("{d}: Assailants detonated an explosive device near the house of a tribal sheikh in {v} "
     "village of {c} district, {g} governorate, {C}. The sheikh and his nephew were killed.",
     2, "v", ""),
    ("{d}: Assailants attacked a wedding party in {v} village, {g} governorate, {C}, killing "
     "six people. Most of the victims were from {o}.", 6, "v", ""),
    ("{d}: A car bomb exploded in a parking lot in {n}, a neighborhood of {city} city, {ng} "
     "governorate, {C}. Five civilians were killed and 12 were wounded.", 5, "n", ""),
    ("{d}: Gunmen killed a member of the provincial council in {v} town, {c} district, {g} "
     "province, {C}. No group claimed responsibility for the attack.", 1, "v", "IQ"),
    ("{d}: Assailants attacked an oil well in {v} area, {c} district, {g} governorate, {C}. "
     "Two guards were killed. The Islamic State of Iraq and the Levant (ISIL) claimed "
     "responsibility.", 2, "v", "IQ"),
    ("{d}: An explosive device detonated in a marketplace in {v} town, {g} governorate, Syria. "
     "Four people were killed and ten were injured. No group claimed responsibility for the "
     "incident; however, sources attributed the attack to the Kurdistan Workers' Party (PKK).",
     4, "v", "SY"),
    ("{d}: Assailants attacked Syrian Democratic Forces (SDF) members at a checkpoint near {v} "
     "village, {c} district, {g} governorate, Syria. Three SDF members were killed.", 3, "v", "SY"),
    ("{d}: Assailants fired rockets at {v} town, {g} governorate, {C}. One civilian was killed "
     "and four were injured. Sources stated that the rockets were launched from {o}.", 1, "v", ""),
    ("{d}: Two explosive devices detonated in quick succession near a police patrol in {v} "
     "town, {c} district, {g} governorate, {C}. Four police officers were killed.", 4, "v", ""),
    ("{d}: Assailants ambushed a convoy of the Iraqi Security Forces (ISF) near {v} village, "
     "{c} district, {g} governorate, {C}. Six soldiers were killed and eight were wounded. The "
     "convoy was travelling from {o}.", 6, "v", "IQ"),
    ("{d}: Assailants shot and killed a former police officer in {n} district, {city}, {ng} "
     "governorate, {C}. No group claimed responsibility.", 1, "n", ""),
    ("{d}: An explosive device detonated at a coffee shop in {v} town, {c} district, {g} "
     "governorate, {C}. Three people were killed. The attack was one of several in {g} "
     "governorate that week.", 3, "v", ""),
    ("{d}: Assailants attacked a Popular Mobilization Forces (PMF) checkpoint on Tal {h} hill, "
     "near {v} village, {g} governorate, {C}. Two PMF members were killed.", 2, "h", "IQ"),
    ("{d}: Assailants set fire to farmland and opened fire on farmers in {v} village, {c} "
     "district, {g} governorate, {C}. One farmer was killed. No group claimed responsibility.",
     1, "v", ""),
    ("{d}: A sticky bomb attached to a civilian vehicle detonated in {v}, {c} district, {g} "
     "governorate, {C}. The driver was killed.", 1, "v", ""),
]  # fmt: skip

ACLED: list[tuple[str, int | None, str, str]] = [
    ("On {day}, HTS clashed with regime forces on the {v} front in {c} countryside ({g}). "
     "4 fatalities. {src}", 4, "v", "SY"),
    ("On {day}, SDF clashed with ISIS cells near {v} ({c}, {g}). Casualties unknown. {src}",
     None, "v", "SY"),
    ("On {day}, regime forces shelled {v} from their positions in {o} ({c}, {g}). 2 civilians "
     "were killed. {src}", 2, "v", "SY"),
    ("On {day}, unidentified gunmen killed 2 men in the vicinity of {v} ({g}). {src}", 2, "v", ""),
    ("On {day}, a Turkish drone struck a car on the road between {v} and {o} in {c} countryside "
     "({g}), killing 2 SDF members. {src}", 2, "v", "SY"),
    ("On {day}, Syrian regime forces and Hezbollah clashed with opposition fighters on Tal {h} "
     "({c}, {g}). 3 fatalities. {src}", 3, "h", "SY"),
    ("On {day}, clashes took place between opposition factions and regime forces on the fronts "
     "of {v}, {o} and {p} in {g} countryside. No fatalities were reported. {src}", 0, "v", "SY"),
    ("On {day}, the Iraqi army clashed with ISIS militants on the outskirts of {v} ({c}, {g}). "
     "2 ISIS militants were killed. {src}", 2, "v", "IQ"),
    ("On {day}, PKK militants attacked a Turkish military base near {v} ({c}, {g}). Casualties "
     "unknown. {src}", None, "v", "IQ"),
    ("On {day}, an IED detonated targeting a PMF vehicle in {v} ({c}, {g}). 1 PMF member was "
     "killed and 2 others were injured. {src}", 1, "v", "IQ"),
    ("On {day}, Turkish forces and SNA factions shelled {v} ({c}, {g}) from their positions in "
     "{o}. No fatalities reported. {src}", 0, "v", "SY"),
    ("On {day}, unknown gunmen shot dead a former opposition commander in {v} town ({c}, {g}). "
     "{src}", 1, "v", "SY"),
    ("On {day}, a landmine left by ISIS exploded in the farms of {v} ({g}), killing a shepherd. "
     "{src}", 1, "v", ""),
    ("On {day}, Russian warplanes carried out airstrikes on {v} and its surroundings in {g} "
     "countryside. 3 civilians were killed. {src}", 3, "v", "SY"),
    ("On {day}, armed clashes broke out between members of two clans in {v} ({c}, {g}) over a "
     "land dispute. 2 people were killed. {src}", 2, "v", ""),
    ("On {day}, a Coalition drone strike targeted a vehicle near {v}, east of {o} ({g}). 2 ISIS "
     "members were killed. {src}", 2, "v", ""),
    ("On {day}, SDF and ISIS clashed in {v} ({c}, {g}), killing 1 SDF fighter. {src}",
     1, "v", "SY"),
    ("On {day}, unidentified gunmen attacked a checkpoint of the Iraqi army in {v} village in "
     "{c} district, {g}. 2 soldiers were killed. {src}", 2, "v", "IQ"),
    ("On {day}, regime forces clashed with HTS near Tal {h} hill in {g} countryside. Casualties "
     "unknown. {src}", None, "h", "SY"),
    ("On {day}, an IED exploded at the entrance of {v} ({g}), killing a child. {src}", 1, "v", ""),
    ("On {day}, HTS fighters shelled regime positions in {v} ({c}, {g}) from the {o} axis. "
     "Casualties unknown. {src}", None, "v", "SY"),
    ("On {day}, regime forces targeted {v} in southern {g} countryside with artillery. 1 child "
     "was killed. {src}", 1, "v", "SY"),
    ("On {day}, ISIS claimed killing 2 SDF members in an attack in {v} ({c}, {g}). {src}",
     2, "v", "SY"),
    ("On {day}, Iraqi security forces clashed with ISIS militants in the {v} area ({c}, {g}). "
     "1 ISIS militant was killed. {src}", 1, "v", "IQ"),
    ("On {day}, Peshmerga forces clashed with ISIS on the {v} axis, south of {o} ({g}). "
     "Casualties unknown. {src}", None, "v", "IQ"),
    ("On {day}, unidentified armed men kidnapped and killed a man near {v} ({c}, {g}); his body "
     "was found on the outskirts of {o}. {src}", 1, "v", ""),
    ("On {day}, Israeli warplanes struck positions near {v} ({g}). No fatalities reported. "
     "{src}", 0, "v", "SY"),
    ("On {day}, regime forces shelled {n} neighbourhood in {city} city ({ng}). 2 civilians were "
     "killed. {src}", 2, "n", "SY"),
    ("On {day}, unidentified gunmen shot dead a man in {n} ({city}, {ng}). {src}", 1, "n", ""),
    ("On {day}, a sticky bomb exploded under a car in {v} ({c}, {g}), killing its driver. "
     "{src}", 1, "v", ""),
    ("On {day}, SNA factions clashed with SDF on the frontline of {v} in {c} countryside ({g}). "
     "1 SNA fighter was killed. {src}", 1, "v", "SY"),
    ("On {day}, opposition fighters attacked regime positions on the {v} frontline ({c}, {g}). "
     "5 fatalities. {src}", 5, "v", "SY"),
    ("On {day}, a Turkish drone targeted a motorcycle in {v} village ({c}, {g}), killing 2 "
     "YPG fighters. {src}", 2, "v", "SY"),
    ("On {day}, regime forces shelled the outskirts of {v} ({c}, {g}). Casualties unknown. "
     "{src}", None, "v", "SY"),
    ("On {day}, ISIS militants attacked an Iraqi army position in the vicinity of {v} village "
     "({c}, {g}). 3 soldiers were killed. {src}", 3, "v", "IQ"),
    ("On {day}, Iranian-backed militias clashed with SDF near {v} ({c}, {g}). 1 fatality. "
     "{src}", 1, "v", "SY"),
    ("On {day}, HTS and regime forces exchanged fire on the {v} - {o} axis ({c}, {g}). "
     "Casualties unknown. {src}", None, "v", "SY"),
    ("On {day}, opposition fighters shelled regime positions in {v} ({c}, {g}). Regime forces "
     "responded by shelling {o}. Casualties unknown. {src}", None, "v", "SY"),
    ("On {day}, a Turkish airstrike hit a house in {v} ({c}, {g}). 3 people were killed, "
     "including 2 children. {src}", 3, "v", "SY"),
    ("On {day}, an explosion of unknown origin hit a military checkpoint in {v} ({g}). "
     "2 soldiers were killed. {src}", 2, "v", ""),
    ("On {day}, unidentified gunmen shot and killed a local council member on the road linking "
     "{v} to {o} ({g}). {src}", 1, "v", ""),
    ("On {day}, regime forces clashed with opposition fighters in the vicinity of {v} in the "
     "{c} area ({g}). 2 fatalities. {src}", 2, "v", "SY"),
    ("On {day}, ISIS cells ambushed a regime convoy south of {v} ({c}, {g}). 4 regime soldiers "
     "were killed. {src}", 4, "v", "SY"),
    ("On {day}, an IED planted by unknown perpetrators exploded near a bakery in {v} "
     "({c}, {g}). 1 civilian was killed and 3 were injured. {src}", 1, "v", ""),
    ("On {day}, Russian forces shelled the vicinity of {v} ({c}, {g}) from their base at {o}. "
     "No fatalities reported. {src}", 0, "v", "SY"),
]  # fmt: skip
STYLES = {"gtd": GTD, "acled": ACLED}


def _plain(name: str) -> str:
    """A gazetteer name as a coder types it: ASCII, no ayn or hamza marks."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[`‘’ʿʾ]", "'", text).replace("å", "a")
    text = re.sub(r"(^|\s)'", r"\1", text)
    return text if text.isascii() else ""


def _english(row: dict) -> str:
    return next((n for n in row["eng_names"].split("|") if n and n.isascii()), "") or _plain(
        row["name"]
    )


def gazetteer() -> tuple[list[dict], dict[str, list[dict]]]:
    """Localities with a district and a governorate of the probe's spellings, and the same by
    district."""
    with eval_real.WOF.open(encoding="utf-8") as f:
        rows = [
            {**r, "said": _english(r)}
            for r in csv.DictReader(f, delimiter="\t")
            if r["placetype"] == "locality"
            and r["region_id"] in GOVERNORATES
            and r["county_name"]
            and r["latitude"]
        ]
    rows = [r for r in rows if r["said"][:1].isalpha() and len(r["said"]) > 3]
    by_county: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_county[r["county_id"]].append(r)
    return rows, by_county


def _city(name: str, gaz: eval_real.Gazetteer) -> dict:
    towns = [c for c in gaz.candidates(name) if c["placetype"] == "locality"]
    return max(towns, key=lambda c: int(c["population"] or 0))


def _others(v: dict, by_county: dict[str, list[dict]], rng: random.Random) -> tuple[dict, dict]:
    words = set(v["said"].lower().split())
    pool = [
        r
        for r in by_county[v["county_id"]]
        if r["wof_id"] != v["wof_id"] and not words & set(r["said"].lower().split())
    ]
    if len(pool) < 2:
        return v, v
    o, p = rng.sample(pool, 2)
    return o, p


def notes(style: str, seed: int, n: int, respelled: bool = False) -> list[dict]:
    """``n`` labelled notes of ``style``, the shapes in turn, places drawn with ``seed``; with
    ``respelled``, the place written as an outlet might (``bench.respell``), its label kept."""
    rng = random.Random(seed)
    spell_rng = random.Random(seed * 7919 + 1)  # apart, so the notes stay those of the plain run
    gaz = eval_real.Gazetteer()
    rows, by_county = gazetteer()
    seats = [r for r in rows if r["gn_fcode"] in ("PPLA", "PPLA2", "PPLA3")]
    hills = [r for r in rows if re.match(r"(?:Tall|Tell|Tal) \w", r["said"])]
    cities = {name: _city(name, gaz) for name in sorted(NEIGHBOURHOODS)}
    shapes = STYLES[style]
    out = []
    for i in range(n):
        text, killed, kind, country = shapes[i % len(shapes)]
        country = country or rng.choice(("SY", "IQ"))
        pool = hills if kind == "h" else seats if rng.random() < 0.3 else rows
        v = rng.choice([r for r in pool if r["country"] == country])
        o, p = _others(v, by_county, rng)
        city = rng.choice([k for k, c in cities.items() if c["country"] == country])
        c = cities[city]
        label = c if kind == "n" else v
        day = date(2012, 1, 1) + timedelta(days=rng.randint(0, 4000))
        col = 0 if style == "gtd" else 1
        g = GOVERNORATES[v["region_id"]][col]
        if style == "acled" and i % 2 and v["region_id"] in OTHER_SPELLINGS:
            g = OTHER_SPELLINGS[v["region_id"]]
        said = respell(v["said"], spell_rng)[0] if respelled else v["said"]
        hill = re.sub(r"^(?:Tall|Tell|Tal) ", "", said)
        body = text.format(
            d=f"{day:%m/%d/%Y}", day=f"{day.day} {day:%B %Y}", v=said, c=v["county_name"],
            g=g, C="Iraq" if country == "IQ" else "Syria", o=o["said"], p=p["said"],
            n=rng.choice(NEIGHBOURHOODS[city]), city=city,
            ng=GOVERNORATES[c["region_id"]][col], h=hill, src=rng.choice(SOURCES),
        ).strip()  # fmt: skip
        out.append(
            {"row_id": f"{style}{i}", "date": day.isoformat(), "text": body,
             "place": label["said"] if kind != "n" else city, "region_id": label["region_id"],
             "latitude": label["latitude"], "longitude": label["longitude"],
             "dead": "" if killed is None else killed, "shape": i % len(shapes)}
        )  # fmt: skip
    return out


def score(rows: list[dict], by_row: dict, gaz: eval_real.Gazetteer) -> dict[str, list]:
    """For each measure, (row, hit) over the rows it applies to."""
    out: dict[str, list] = defaultdict(list)
    for row in rows:
        events = by_row.get(row["row_id"], [])
        out["recall"].append((row, bool(events)))
        if not events:
            continue
        regions = [eval_real._event_region(gaz, e) for e in events]
        out["admin1"].append((row, row["region_id"] in regions))
        out["admin1_all"].append((row, all(r == row["region_id"] for r in regions)))
        lat, lon = float(row["latitude"]), float(row["longitude"])
        near = [
            eval_real._num(e.get("latitude")) is not None
            and eval_real._km(float(e["latitude"]), float(e["longitude"]), lat, lon)
            <= eval_real.TOWN_KM
            for e in events
        ]
        out["town"].append((row, any(near)))
        out["town_all"].append((row, all(near)))
        if row.get("date"):
            out["day"].append((row, any(str(e.get("event_date")) == row["date"] for e in events)))
        if row["dead"] != "":
            got = sum(int(eval_real._num(e.get("killed_best")) or 0) for e in events)
            out["killed"].append((row, got == int(row["dead"])))
    return out


def report(scores: dict[str, list], by_row: dict, show: str | None) -> None:
    for key in ("recall", "admin1", "admin1_all", "town", "town_all", "killed", "day"):
        pairs = scores[key]
        hits = sum(1 for _, hit in pairs if hit)
        print(f"{key:<12} {hits / len(pairs) if pairs else 0:6.3f}  ({hits}/{len(pairs)})")
    if not show:
        return
    for row, hit in scores[show]:
        if hit:
            continue
        got = [
            (e.get("location"), e.get("admin1"), e.get("killed_best"))
            for e in by_row.get(row["row_id"], [])
        ]
        head = f"[{row['row_id']} shape {row['shape']} | {row['place']}]"
        print(f"\n{head}\n  {row['text']}\n  -> {got}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--style", choices=sorted(STYLES), required=True)
    ap.add_argument("--n", type=int, default=90)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, help="keep the notes (CSV) here")
    ap.add_argument("--show", help="list the misses of one score (recall, admin1, town, ...)")
    ap.add_argument("--respell", action="store_true", help="the place as an outlet might write it")
    ap.add_argument(
        "--published", help="every note published this day (YYYY-MM-DD), not on its own date"
    )
    args = ap.parse_args(argv)
    rows = notes(args.style, args.seed, args.n, args.respell)
    if args.out:
        with args.out.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    by_row, events = eval_real.run_chain(rows, published=args.published)
    spelled = ", respelled" if args.respell else ""
    late = f", published {args.published}" if args.published else ""
    head = f"{args.style}: {len(rows)} notes (seed {args.seed}{spelled}{late})"
    print(f"{head}, {len(events)} events")
    report(score(rows, by_row, eval_real.Gazetteer()), by_row, args.show)


if __name__ == "__main__":
    main()
