"""The coders' styles probe's own pieces: every shape fills, coders' spellings, the scorer."""

import string

import pytest

from bench import probe_coders as probe

SLOTS = {"d", "day", "v", "c", "g", "C", "o", "p", "n", "city", "ng", "h", "src"}


@pytest.mark.parametrize("style", sorted(probe.STYLES))
def test_every_shape_names_its_place_and_uses_known_slots_only(style):
    for text, killed, kind, country in probe.STYLES[style]:
        used = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        assert used <= SLOTS, text
        assert {"v": "v", "n": "n", "h": "h"}[kind] in used, text  # the labelled place is said
        assert killed is None or killed >= 0
        assert country in ("SY", "IQ", "")


def test_a_gazetteer_name_is_written_as_a_coder_types_it():
    assert probe._plain("Al Mayādīn") == "Al Mayadin"
    assert probe._plain("‘Ayn ‘Īsá") == "Ayn Isa"
    assert probe._plain("Tall ‘Abbās") == "Tall Abbas"  # a word's leading ayn dropped
    assert probe._plain("Ma‘arrat") == "Ma'arrat"  # inside a word kept


def test_the_scorer_wants_the_labelled_place_not_another_of_its_governorate():
    row = {"row_id": "r", "region_id": "85678381", "latitude": "35.0", "longitude": "40.5",
           "dead": 2, "date": "2019-05-03"}  # fmt: skip

    class Gaz:  # the governorate of an event by its point: the probe's own rows only
        @staticmethod
        def region_of_point(lat, lon):
            return "85678381"

        @staticmethod
        def region_of_name(name):
            return None

    near = {"admin1": "Deir ez-Zor", "latitude": 35.05, "longitude": 40.5, "killed_best": 2,
            "event_date": "2019-05-03"}  # fmt: skip
    far = {"admin1": "Deir ez-Zor", "latitude": 35.6, "longitude": 40.5, "killed_best": 0,
           "event_date": "2026-12-07"}  # fmt: skip
    scores = probe.score([row], {"r": [near, far]}, Gaz())
    assert [hit for _, hit in scores["town"]] == [True]
    assert [hit for _, hit in scores["town_all"]] == [False]  # a second venue 60 km away
    assert [hit for _, hit in scores["admin1_all"]] == [True]
    assert [hit for _, hit in scores["killed"]] == [True]
    assert [hit for _, hit in scores["day"]] == [True]  # one event on the labelled day
    late = probe.score([row], {"r": [far]}, Gaz())
    assert [hit for _, hit in late["day"]] == [False]
