"""The Who's On First gazetteer at work: village coverage, false-positive control, context.

Sentences are written for these tests; the villages are real gazetteer entries (Ahmad Khamis
in Diyala's Balad Ruz district, two villages called Al Baghdadi: one in Anbar, Iraq, one in
Deir ez-Zor, Syria; two villages called Qaryat Huzayran in Diyala).
"""

from __future__ import annotations

import pytest

AHMAD_KHAMIS = "6784310"
BAGHDADI_ANBAR, BAGHDADI_DEIR = "94598", "171951"
BAGHDAD_CITY, BAGHDAD_GOV = "98182", "98180"
DIYALA, SALAH_AD_DIN = "96965", "91695"
BALAD_RUZ_DISTRICT = "9166680"


def _places(detect, text: str) -> dict[str, str]:
    m = detect(text)
    m = m[m.entity_type == "place"]
    return dict(zip(m.surface, m.place_id, strict=True))


def test_the_gazetteer_holds_every_village_with_its_district_and_governorate(registry):
    towns = [p for p in registry.places.values() if p.precision == "town"]
    assert len(towns) > 29_000
    syria_iraq = [p for p in towns if p.country_code in {"SY", "IQ"}]
    assert all(p.admin1 and p.latitude is not None for p in syria_iraq)
    assert sum(bool(p.admin2) for p in syria_iraq) > 0.9 * len(syria_iraq)
    village = registry.places[AHMAD_KHAMIS]
    assert (village.admin1, village.admin2) == ("Diyala", "Balad Ruz District")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked the village of Ahmad Khamis overnight.",
        "A roadside bomb exploded near Ahmad Khamis on Monday.",
        "Two farmers were killed in Ahmad Khamis, Balad Ruz district.",
        "Militants stormed Ahmad Khamis village before dawn.",
    ],
)
def test_a_village_is_found_with_a_place_cue(detect, text):
    assert _places(detect, text).get("Ahmad Khamis") == AHMAD_KHAMIS


@pytest.mark.parametrize(
    "text",
    [
        "Ahmad Khamis, a local official, said the road was closed.",
        "The governor met Ahmad Khamis on Sunday.",
        "Salam Hassan, a farmer, said two shells landed nearby.",
        "In Ahmad Khamis's view the truce will hold.",
    ],
)
def test_a_village_name_that_is_a_person_needs_a_cue(detect, text):
    found = _places(detect, text)
    assert AHMAD_KHAMIS not in found.values()
    assert not any(s.startswith("Salam") for s in found)


@pytest.mark.parametrize(
    "text",
    [
        "A bomb went off at the Ahmad Khamis mosque after Friday prayers.",
        "Shells fell near the Ahmad Khamis hospital on Monday.",
        "Pilgrims gathered at the Ahmad Khamis shrine in the evening.",
    ],
)
def test_a_village_name_before_a_building_names_the_building(detect, text):
    # mosques, shrines and hospitals bear a patron's name: the cue before is the building's
    assert AHMAD_KHAMIS not in _places(detect, text).values()


def test_a_town_named_with_its_building_is_still_the_town(detect):
    # a major place keeps its name before a building (the Baghdad museum is in Baghdad), and
    # a village cued after its building noun is still the village
    assert BAGHDAD_CITY in _places(detect, "A bomb damaged the Baghdad museum.").values()
    text = "A mosque in Ahmad Khamis village was hit by mortar fire."
    assert _places(detect, text).get("Ahmad Khamis") == AHMAD_KHAMIS


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("A car bomb exploded in Al Baghdadi, Anbar province, killing three.", BAGHDADI_ANBAR),
        ("A car bomb exploded in Al Baghdadi in Deir ez-Zor province.", BAGHDADI_DEIR),
        ("Shelling hit Al Baghdadi, Syria, on Friday.", BAGHDADI_DEIR),
        ("Shelling hit Al Baghdadi in western Iraq on Friday.", BAGHDADI_ANBAR),
    ],
)
def test_the_container_named_around_a_name_decides(detect, text, place_id):
    found = _places(detect, text)
    assert found.get("Al Baghdadi") == place_id
    assert BAGHDAD_CITY not in found.values()  # a name holding another's never becomes it


def test_the_documents_other_places_decide_without_a_container(detect):
    text = (
        "Fighting flared across Anbar on Tuesday. Later a mortar round fell in Al Baghdadi, "
        "wounding a child."
    )
    assert _places(detect, text)["Al Baghdadi"] == BAGHDADI_ANBAR
    text = "Fighting flared in Deir ez-Zor on Tuesday. Later a shell fell in Al Baghdadi."
    assert _places(detect, text)["Al Baghdadi"] == BAGHDADI_DEIR


def test_a_district_named_decides_against_a_similar_town_elsewhere(detect):
    text = "Gunmen killed two shepherds in the Balad Ruz district of Diyala."
    found = _places(detect, text)
    assert found.get("Balad Ruz district") == BALAD_RUZ_DISTRICT
    assert "98112" not in found.values()  # Balad, the town in Salah ad Din


def test_equal_villages_without_context_resolve_to_their_governorate(detect):
    # two villages of this name, both in Diyala, 25 km apart: only the governorate is sure
    found = _places(detect, "A bomb killed a guard in Qaryat Huzayran on Monday.")
    assert found.get("Qaryat Huzayran") == DIYALA


def test_a_governorate_name_beats_a_same_named_village(detect):
    assert _places(detect, "Militants attacked a university in Anbar.")["Anbar"] == "99592"


def test_a_governorates_common_and_former_names_are_the_governorate(detect):
    found = _places(detect, "Shelling hit Sulaimani and a village in Tameem province.")
    assert found == {"Sulaimani": "98465", "Tameem province": "98410"}
    # counter-example: a village whose name holds the old one stays the village
    assert _places(detect, "Gunmen raided Bani Tamim village.")["Bani Tamim"] == "6647835"


def test_place_names_are_plain_ascii_and_the_native_forms_are_kept(registry):
    mayadin = registry.places["173480"]
    assert mayadin.name == "Mayadin" and mayadin.name_native == "Mayādīn"
    assert "الميادين" in mayadin.names_arabic and "Al Mayadin" in mayadin.aliases
    assert registry.places["163808"].name == "Palmyra"
    # a city's common English name (seeds/reference/place_names_curated.csv); the sources'
    # name stays a spelling of it, their native form the native name
    kobani = registry.places["172256"]
    assert kobani.name == "Kobani" and kobani.name_native == "'Ayn al 'Arab"
    assert "Ayn al Arab" in kobani.aliases
    raqqa, deir = registry.places["172955"], registry.places["170794"]
    assert (raqqa.name, raqqa.name_native, raqqa.admin1) == ("Raqqa", "Ar Raqqah", "Ar-Raqqah")
    assert (deir.name, deir.admin1) == ("Deir ez-Zor", "Deir ez-Zor")  # city as governorate
    assert "Dayr al-Zawr" in deir.aliases
    assert all(p.name.isascii() for p in registry.places.values())
    governorates = {p.name for p in registry.places.values() if p.precision == "governorate"}
    assert {"Diyala", "Erbil", "Karbala", "Damascus", "Deir ez-Zor"} <= governorates


@pytest.mark.parametrize(
    "text",
    [
        "Mortar shells fell on Ahmad Khamis in Diyala, wounding two farmers.",
        "Shells landed on Ahmad Khamis in Diyala on Monday.",
    ],
)
def test_a_bare_governorate_after_a_village_holds_it(detect, text):
    assert _places(detect, text).get("Ahmad Khamis") == AHMAD_KHAMIS


@pytest.mark.parametrize(
    "text",
    [
        "The governor met Ahmad Khamis in Diyala on Sunday.",
        "The road is open, according to Ahmad Khamis in Diyala.",
        "Ahmad Khamis in Diyala's council opposed the plan.",
        "Sheikh Ahmad Khamis in Diyala called for calm.",
        "A letter was sent to Ahmad Khamis in Diyala Operations Command.",
    ],
)
def test_a_person_before_a_governorate_stays_a_person(detect, text):
    assert AHMAD_KHAMIS not in _places(detect, text).values()


ABU_FISHKAH, QARYAT_ABU_FISHGAH = "7320900", "100008"


def test_a_village_whose_own_name_is_said_beats_one_with_it_as_a_variant(detect, registry):
    # both in Mosul district; the second has "Abu Fishkah" only among its spellings
    assert registry.places[QARYAT_ABU_FISHGAH].admin2 == registry.places[ABU_FISHKAH].admin2
    found = _places(detect, "Gunmen shot a shepherd in Abu Fishkah, Nineveh province.")
    assert found.get("Abu Fishkah") == ABU_FISHKAH
    found = _places(detect, "Gunmen shot a shepherd in Qaryat Abu Fishgah, Nineveh province.")
    assert found.get("Qaryat Abu Fishgah") == QARYAT_ABU_FISHGAH


@pytest.mark.parametrize(
    ("text", "is_place"),
    [
        ("Fighters attacked army positions on the Ahmad Khamis frontline.", True),
        ("Shelling targeted the Ahmad Khamis axis overnight.", True),
        # a name before "Front" is a faction's name ("the Levant Front"), not a front line
        ("Fighters of the Ahmad Khamis Front attacked army positions.", False),
    ],
)
def test_a_front_line_named_after_a_village_is_the_village(detect, text, is_place):
    assert (_places(detect, text).get("Ahmad Khamis") == AHMAD_KHAMIS) is is_place


@pytest.mark.parametrize(
    ("text", "is_place"),
    [
        # coders' cues: farms, fronts, hills, entrances "of" a village; a lower-case front or
        # hill after it; a countryside with its direction after it; a bracket of areas after it
        ("A mine went off in the farms of Ahmad Khamis, killing a shepherd.", True),
        ("Clashes broke out on the fronts of Ahmad Khamis overnight.", True),
        ("A bomb exploded at the entrance of Ahmad Khamis on Monday.", True),
        ("Fighters attacked the Ahmad Khamis front at dawn.", True),
        ("Troops held Ahmad Khamis hill after a night of clashes.", True),
        ("Artillery hit Ahmad Khamis in eastern Diyala countryside.", True),
        ("Artillery hit Ahmad Khamis (Khalis, Diyala) overnight.", True),
        # counter-examples: a person's name before a capitalised Front or Hill, a bracket
        # that names no area, a direction word with no countryside
        ("Ahmad Khamis Front fighters attacked a checkpoint.", False),
        ("Ahmad Khamis Hill was the commander's nickname.", False),
        ("Ahmad Khamis (a teacher) was shot dead.", False),
        ("Ahmad Khamis in eastern districts said nothing.", False),
    ],
)
def test_coders_cues_make_a_minor_village_a_place(detect, text, is_place):
    assert (_places(detect, text).get("Ahmad Khamis") == AHMAD_KHAMIS) is is_place


def test_a_district_answers_to_the_name_coders_give_it(detect):
    # Who's On First's county name (OCHA's, as coders write it), with the district word: the
    # district of Karbala, not the town of that name in Babil
    places = _places(detect, "Gunmen killed a farmer in a village of Hindiya district, Karbala.")
    assert places.get("Hindiya district") == "99345"
    # counter-example: the bare name stays the town's
    assert _places(detect, "A bomb exploded in Hindiya on Monday.").get("Hindiya") == "99344"


def test_a_district_named_by_its_seat_in_a_bracket_picks_among_villages(detect):
    # two villages called Darkah in Sulaymaniyah, one in Kalar district, one in Pshdar: the
    # bracket names Kalar by its seat's name
    kalar = _places(detect, "Gunmen killed a farmer in Darkah (Kalar, Sulaymaniyah).")
    pshdar = _places(detect, "Gunmen killed a farmer in Darkah (Sulaymaniyah).")
    assert kalar["Darkah"] != pshdar["Darkah"]  # counter-example: no district, no narrowing


def test_in_bracket_reads_the_names_of_a_bracket_only():
    from transforms.entities.places import in_bracket

    text = "in Darkah (Kalar, Sulaymaniyah) near Kalar"
    first, last = text.index("Kalar"), text.rindex("Kalar")
    assert in_bracket(text, first, first + 5)
    assert in_bracket(text, text.index("Sulay"), text.index(")"))
    assert not in_bracket(text, last, last + 5)  # after the bracket closed


@pytest.mark.parametrize(
    ("text", "is_place"),
    [
        ("Gunmen shot a driver on the road linking Ahmad Khamis to Baqubah.", True),
        ("Fighters exchanged fire on the Ahmad Khamis - Baqubah axis overnight.", True),
        # counter-examples: "linking" a person to something, a dash in a person's title
        ("A report linking Ahmad Khamis to the group was published.", False),
        ("Ahmad Khamis - Baqubah police chief - said two men were arrested.", False),
    ],
)
def test_a_route_named_by_its_first_end_cues_the_village(detect, text, is_place):
    assert (_places(detect, text).get("Ahmad Khamis") == AHMAD_KHAMIS) is is_place
