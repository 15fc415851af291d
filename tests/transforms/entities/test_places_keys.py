"""Names read by their folded key: a village's spelling variant, a place whose name holds a
title word, and English words that fold like a village's name. Sentences written for these
tests; the places are real gazetteer entries."""

from __future__ import annotations

AL_HADID_DIYALA, SHAYKH_AL_HADID = "99340", "164354"
AL_YUSUFIYAH, AL_YUSUFIYAH_WASIT = "98926", "6759516"


def _places(detect, text: str) -> dict[str, str]:
    m = detect(text)
    m = m[m.entity_type == "place"]
    return dict(zip(m.surface, m.place_id, strict=True))


def test_a_title_word_in_a_place_name_is_part_of_it(detect):
    # "Shaykh al Hadid" (Aleppo) is not "Hadid": the Diyala village of that name is
    found = _places(detect, "Gunmen burned two houses in the village of Hadeed near Baqubah.")
    assert found.get("Hadeed") == AL_HADID_DIYALA
    found = _places(detect, "Artillery shelled Sheikh al-Hadeed in the Afrin countryside.")
    assert found.get("Sheikh al-Hadeed") == SHAYKH_AL_HADID


def test_a_village_variant_read_by_key_takes_the_documents_governorate(detect):
    text = "A bomb hidden in a cart exploded in Yusufiyeh at dawn, police in Baghdad said."
    assert _places(detect, text).get("Yusufiyeh") == AL_YUSUFIYAH
    # counter-example: the same spelling beside a town of Wasit is Wasit's Al Yusufiyah
    text = "A bomb hidden in a cart exploded in Yusufiyeh at dawn, police in Kut said."
    assert _places(detect, text).get("Yusufiyeh") == AL_YUSUFIYAH_WASIT


def test_words_for_faiths_and_peoples_never_fold_into_a_village(detect):
    # "Shiite" folds as the Quneitra village "Es Shita" does; "Sunnis", "Druze" likewise
    for text in (
        "Mortars struck a Shiite neighbourhood in the evening.",
        "Two Sunni villages near the river were emptied.",
    ):
        assert _places(detect, text) == {}


KHALAF_AS_SUWADI, TALL_SHIHAB_DARAA, MAHALIBAH = "6848868", "163454", "4476"


def test_a_village_of_several_words_is_found_by_key_with_a_cue(detect):
    text = "A roadside bomb struck a car in the village of Khalaf el-Souadi on Tuesday."
    assert _places(detect, text).get("Khalaf el-Souadi") == KHALAF_AS_SUWADI
    # counter-example: the same words as a person's name, with no place cue
    assert _places(detect, "Khalaf el-Souadi, a local farmer, was wounded.") == {}


def test_a_hill_word_may_head_a_place_read_by_key(detect):
    text = "Rockets landed near Tell Chihab in Daraa province."
    assert _places(detect, text).get("Tell Chihab") == TALL_SHIHAB_DARAA


def test_a_villages_long_name_with_other_short_vowels_needs_a_cue(detect):
    text = "Shells fell on the village of Mahaleba in the Latakia countryside."
    assert _places(detect, text).get("Mahaleba") == MAHALIBAH
    assert _places(detect, "Mahaleba said on Monday that the talks had failed.") == {}
