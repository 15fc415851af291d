"""A series a clause opens with is news ("A series of bombings struck X, killing 3"), where
vague counts of attacks elsewhere are a tally ("have carried out dozens of attacks"); and the
series an attack is "the latest in" is the background it belongs to: what that series is
blamed on says nothing of who did this attack. Inputs written here; each with a
counter-example that must not change."""

from __future__ import annotations


def _brief(reports: list[dict]) -> list[tuple]:
    return sorted(
        (r["location_text"].lower(), r["killed_best"], r["wounded_best"], r["perpetrator_id"])
        for r in reports
    )


def test_a_series_opening_its_clause_is_an_attack_with_its_toll(real_reports):
    text = "A series of bombings struck Tikrit on Monday, killing three civilians and wounding 8."
    assert _brief(real_reports(text)) == [("tikrit", 3, 8, None)]
    text = "A string of explosions rocked Mosul on Friday."
    assert [r["location_text"] for r in real_reports(text)] == ["Mosul"]


def test_vague_counts_of_attacks_stay_a_tally(real_reports):
    # counter-examples: no series opens the clause
    assert real_reports("Militants have carried out dozens of attacks on posts near Tikrit.") == []
    assert real_reports("Insurgents staged several attacks on army posts around Tikrit.") == []


def test_the_series_an_attack_is_the_latest_in_names_no_perpetrator(real_reports):
    text = (
        "A guard was shot dead at the al-Hol camp on Saturday, the latest in a series of "
        "killings blamed on Islamic State cells."
    )
    assert _brief(real_reports(text)) == [("al-hol camp", 1, None, None)]
    # counter-example: the killing itself blamed on them
    text = "A guard was shot dead at the al-Hol camp on Saturday in a killing blamed on IS cells."
    assert _brief(real_reports(text)) == [("al-hol camp", 1, None, "ent:islamic_state")]
