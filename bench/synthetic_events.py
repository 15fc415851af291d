"""N synthetic rows of the ``events`` table (schema ``transforms.schemas.EVENTS``), made with
numpy in a second or two, for timing the marts at a scale no corpus run reaches (1M events).

Places are the gazetteer extract's (``bench/places.tsv``), drawn with a skew like real news (a few
towns get most attacks); coordinates are random points near each country's centre (the marts
group by them, their values do not matter); dates span three years.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pyarrow as pa

from bench.corpus import load_places
from transforms import schemas

EVENT_TYPES = (
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Strategic developments", "Arrests"),  # not an attack: the marts filter it out
)
PERPETRATORS = (
    "Islamic State",
    "Syrian Democratic Forces",
    "Hayat Tahrir al-Sham",
    "Syrian Army",
    "Turkish Armed Forces",
    "Kurdistan Workers' Party",
    None,
)
CENTRES = {"SY": (35.0, 38.5), "IQ": (33.2, 43.7)}
FIRST_DAY = date(2023, 6, 1)
SPAN_DAYS = 3 * 365


def events_table(n: int, seed: int = 7) -> pa.Table:
    """``n`` events conforming to ``schemas.EVENTS``; the same n and seed give the same table."""
    rng = np.random.default_rng(seed)
    places = load_places()
    p_coords = np.array([CENTRES[p.country_code] for p in places], dtype=float) + rng.normal(
        0, 1.0, (len(places), 2)
    )
    weights = 1.0 / np.arange(1, len(places) + 1)  # Zipf-like: a few towns get most attacks
    pi = rng.choice(len(places), size=n, p=weights / weights.sum())
    ti = rng.integers(0, len(EVENT_TYPES), n)
    ai = rng.integers(0, len(PERPETRATORS), n)
    killed = rng.poisson(2.0, n).astype(np.int32)
    wounded = rng.poisson(3.0, n).astype(np.int32)
    unknown_toll = rng.random(n) < 0.1
    days = rng.integers(0, SPAN_DAYS, n)
    event_date = (np.datetime64(FIRST_DAY) + days.astype("timedelta64[D]")).astype("datetime64[D]")

    def col(
        values: list | np.ndarray, typ: pa.DataType, mask: np.ndarray | None = None
    ) -> pa.Array:
        return pa.array(values, type=typ, mask=mask)

    name = np.array([p.name for p in places], dtype=object)
    admin1 = np.array([p.admin1 for p in places], dtype=object)
    country = np.array([p.country_code for p in places], dtype=object)
    pid = np.array([p.place_id for p in places], dtype=object)
    perp = np.array(PERPETRATORS, dtype=object)
    etype = np.array([t for t, _ in EVENT_TYPES], dtype=object)
    sub = np.array([s for _, s in EVENT_TYPES], dtype=object)
    n_reports = rng.integers(1, 6, n).astype(np.int32)
    columns = {
        "event_id": col([f"ev_{i:016x}" for i in range(n)], pa.string()),
        "event_type": col(etype[ti], pa.string()),
        "sub_event_type": col(sub[ti], pa.string()),
        "event_date": col(event_date, pa.date32()),
        "date_precision": col(np.full(n, "day", dtype=object), pa.string()),
        "place_id": col(pid[pi], pa.string()),
        "location": col(name[pi], pa.string()),
        "admin1": col(admin1[pi], pa.string()),
        "country_code": col(country[pi], pa.string()),
        "latitude": col(p_coords[pi, 0], pa.float64()),
        "longitude": col(p_coords[pi, 1], pa.float64()),
        "geo_precision": col(np.full(n, "1", dtype=object), pa.string()),
        "perpetrator": col(perp[ai], pa.string()),
        "perpetrator_id": col(perp[ai], pa.string()),
        "attribution": col(np.full(n, "claimed", dtype=object), pa.string()),
        "target": col(np.full(n, "military", dtype=object), pa.string()),
        "weapon": col(np.full(n, "explosives", dtype=object), pa.string()),
        "killed_low": col(np.where(unknown_toll, 0, killed), pa.int32()),
        "killed_best": col(killed, pa.int32(), unknown_toll),
        "killed_high": col(killed * 2, pa.int32(), unknown_toll),
        "wounded_low": col(np.where(unknown_toll, 0, wounded), pa.int32()),
        "wounded_best": col(wounded, pa.int32(), unknown_toll),
        "wounded_high": col(wounded * 2, pa.int32(), unknown_toll),
        "n_reports": col(n_reports, pa.int32()),
        "n_documents": col(n_reports, pa.int32()),
        "n_sources": col(np.minimum(n_reports, 3), pa.int32()),
        "first_reported": col(event_date, pa.date32()),
        "last_reported": col(event_date + n_reports.astype("timedelta64[D]"), pa.date32()),
        "has_conflict": col(rng.random(n) < 0.05, pa.bool_()),
    }
    # Columns added to the schema after this was written stay null, so the table still conforms.
    arrays = [columns.get(f.name, pa.nulls(n, f.type)) for f in schemas.EVENTS]
    return pa.table(arrays, schema=schemas.EVENTS)
