"""The real-text scorer's own pieces: spelling keys, label splitting, outlines, F1."""

import pytest

from bench.eval_real import WOF, _inside, _prf, label_places, norm


def test_norm_drops_diacritics_articles_and_punctuation():
    assert norm("Al-Mayādīn") == norm("al Mayadin") == "mayadin"
    assert norm("Deir ez-Zor") == "deir ez zor"
    assert norm("Alqosh") == "alqosh"  # an "al" that is part of the word stays
    assert norm("Al Hawijah") == norm("Hawija") == "hawija"  # the final ta marbuta, both ways
    assert norm("Ahmad") == "ahmad"  # an "ah" inside a word stays


def test_label_places_splits_lists_and_drops_others():
    assert label_places("Baghdad, Tikrit and Mosul") == ["Baghdad", "Tikrit", "Mosul"]
    assert label_places("Baghdad and others") == ["Baghdad"]
    assert label_places("") == []


def test_inside_polygon_and_multipolygon():
    square = [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]
    assert _inside(1, 1, {"type": "Polygon", "coordinates": square})
    assert not _inside(3, 1, {"type": "Polygon", "coordinates": square})
    far = [[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]]
    multi = {"type": "MultiPolygon", "coordinates": [square, far]}
    assert _inside(10.5, 10.5, multi) and not _inside(5, 5, multi)


def test_prf_counts_label_and_prediction_pairs():
    pairs = [
        (None, (True, True)),
        (None, (True, False)),
        (None, (False, True)),
        (None, (False, False)),
    ]
    assert _prf(pairs) == (0.5, 0.5, 0.5)


def test_miss_kind_names_the_finest_thing_the_events_hold():
    from bench.eval_real import miss_kind

    assert miss_kind([{"place_id": None}]) == "no place"
    assert miss_kind([{"place_id": "cur:country:IQ", "admin1": None}]) == "country"
    assert miss_kind([{"place_id": "cur:country:US", "admin1": None}]) == "other country"
    assert miss_kind([{"place_id": "cur:region:euphrates", "admin1": None}]) == "no governorate"
    town = {"place_id": "99072", "admin1": "Nineveh"}
    assert miss_kind([{"place_id": "cur:country:US", "admin1": None}, town]) == "wrong"


def test_run_chain_publishes_every_row_on_the_given_day():
    # A coder's note read as if exported years after the attack: its lead still dates it.
    from bench.eval_real import run_chain

    text = "On 2 April 2016, gunmen attacked a checkpoint near Palmyra. Three guards were killed."
    rows = [{"row_id": "n1", "date": "2016-04-02", "text": text}]
    shot = "Gunmen shot dead two shepherds near Palmyra."
    undated = [{"row_id": "n2", "date": "2016-04-02", "text": shot}]
    by_row, _ = run_chain(rows + undated, published="2026-12-07")
    (event,) = by_row["n1"]
    assert str(event["event_date"]) == "2016-04-02"
    (other,) = by_row["n2"]  # no date in its text: the week of the given publication
    assert str(other["event_date"]) == "2026-12-07"


def test_the_command_line_prints_help_and_refuses_a_bad_flag(capsys):
    from bench.eval_real import parse_args

    with pytest.raises(SystemExit) as done:
        parse_args(["--help"])
    assert done.value.code == 0 and "--published" in capsys.readouterr().out
    with pytest.raises(SystemExit) as done:
        parse_args(["--show", "nonsense"])
    assert done.value.code == 2
    args = parse_args(["--show", "town", "--limit", "5", "rows.csv"])
    assert (args.show, args.limit, args.csv.name, args.per_row) == ("town", 5, "rows.csv", False)


@pytest.mark.skipif(not WOF.exists(), reason="needs ../shared/data/whosonfirst")
def test_a_governorate_label_asks_no_town_of_a_village_sharing_its_name():
    from bench.eval_real import Gazetteer, row_hits

    gaz = Gazetteer()
    far = {"place_id": "x", "latitude": 36.0, "longitude": 38.0, "admin1": None}
    row = {"row_id": "r", "text": "A bomb went off.", "perpetrator": "", "date": ""}
    row |= {"dead": "", "injured": ""}
    assert "town" not in row_hits(row | {"place": "Anbar"}, [far], gaz)
    # counter-examples: a governorate's seat and a plain town are still asked
    assert row_hits(row | {"place": "Baghdad"}, [far], gaz)["town"] is False
    assert row_hits(row | {"place": "Ramadi"}, [far], gaz)["town"] is False


def test_a_town_name_agrees_by_spelling_or_by_a_quarters_city():
    from bench.eval_real import name_agrees

    assert name_agrees("Raqqa", "Ar-Raqqah") and name_agrees("Hawija", "Al Hawijah")
    assert name_agrees("Baghdad - Sadr City", "Baghdad")
    assert name_agrees("Baghdad - Sadr City", "Sadr City")
    # counter-examples: another spelling of the sounds is no agreement; nor is no name
    assert not name_agrees("Dayr al-Zawr", "Deir ez-Zor")
    assert not name_agrees("Ayn al Arab", "Kobani")
    assert not name_agrees(None, "Baghdad")


def test_the_labels_and_texts_actors_are_read_by_the_registrys_matcher():
    from bench.eval_real import named_actors

    rows = [
        {"row_id": "a", "perpetrator": "ISIL (suspected)", "text": "Daesh gunmen shot two men."},
        {"row_id": "b", "perpetrator": "Unknown", "text": "A bomb killed two in Kirkuk."},
    ]
    found = named_actors(rows)
    assert found["a"] == ({"Islamic State"}, {"Islamic State"})
    assert found["b"] == (set(), set())


def test_a_side_hit_read_as_the_attacker_misses_the_named_perpetrator():
    from bench.eval_real import perpetrator_hits

    label, text = {"Islamic State"}, {"Islamic State", "Syrian Democratic Forces"}
    assert perpetrator_hits([{"perpetrator": "Islamic State"}], label, text) == {
        "perp_named": True,
        "perp_found": True,
    }
    wrong = [{"perpetrator": "Syrian Democratic Forces"}]
    assert perpetrator_hits(wrong, label, text) == {"perp_named": False, "perp_found": False}
    # no perpetrator named: only the recall side applies; no actor labelled: neither
    assert perpetrator_hits([{"perpetrator": None}], label, text) == {"perp_found": False}
    assert perpetrator_hits(wrong, set(), text) == {}
