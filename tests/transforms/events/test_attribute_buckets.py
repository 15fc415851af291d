"""News of who did a passage's attacks reaches its reports by bucket, with the same result as
visiting every report (a passage repeating one sentence 100,000 times stays linear)."""

from transforms.events.extract import Group, _attribute


def _report(perp, attribution, actor2=None):
    return {"perpetrator_id": perp, "actor1": perp, "actor2": actor2, "attribution": attribution}


def test_a_later_perpetrator_fills_the_reports_without_one_and_raises_weaker_ones():
    g = Group()
    unknown = [_report(None, "unattributed") for _ in range(3)]
    suspected = _report("ent:is", "suspected", actor2="ent:is")
    other = _report("ent:pkk", "suspected")
    for r in [*unknown, suspected, other]:
        g.add(r)
    _attribute(g, "ent:is", "claimed")
    assert all(r["perpetrator_id"] == "ent:is" for r in unknown)
    assert all(r["attribution"] == "claimed" for r in unknown)
    assert suspected["attribution"] == "claimed" and suspected["actor2"] is None
    assert other == _report("ent:pkk", "suspected")  # another group's report is left alone
    assert g.reports == [*unknown, suspected, other]  # order and identity kept


def test_a_weaker_attribution_changes_nothing_already_stronger():
    g = Group()
    claimed = _report("ent:is", "claimed")
    g.add(claimed)
    _attribute(g, "ent:is", "suspected")
    assert claimed["attribution"] == "claimed"
    _attribute(g, "ent:is", "claimed")  # moved reports are found again in their new bucket
    g.add(_report(None, "unattributed"))
    _attribute(g, "ent:pkk", "suspected")
    assert [r["perpetrator_id"] for r in g.reports] == ["ent:is", "ent:pkk"]
