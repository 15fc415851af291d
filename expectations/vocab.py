"""Closed vocabularies and bounds the suites check, named in one place.

Each vocabulary is what the transforms emit today (read from their code, see the comments);
a new value there must be added here on purpose, or the gate blocks publication.
"""

from __future__ import annotations

from datetime import date

CRITICAL = "critical"  # blocks publication
WARNING = "warning"  # published, reported
SEVERITIES = (CRITICAL, WARNING)

# ACLED event types and sub-types (ANCHORS.md); transforms/events/classify.py emits a subset.
EVENT_SUBTYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
EVENT_TYPES = tuple(EVENT_SUBTYPES)
EVENT_TYPE_PAIRS = [(t, s) for t, subs in EVENT_SUBTYPES.items() for s in subs]

# transforms/events/classify.py attribution_of.
ATTRIBUTIONS = ("claimed", "attributed", "suspected", "disputed", "unattributed")
# transforms/events/dates.py DateRef.precision and .method.
DATE_PRECISIONS = ("day", "week", "month", "year")
# 'corroborated': an undated report takes the date of the event it merges into (dedup.py);
# 'publication': no date in the text, the document's publication day (week precision, extract.py);
# 'coded': no date in the text, the coder's event date of the row (day precision, extract.py).
DATE_METHODS = ("explicit", "relative", "corroborated", "publication", "coded")
# ACLED geo_precision codes (transforms/events/rules.py GEO_PRECISION values).
GEO_PRECISIONS = ("1", "2", "3")
# schemas.PLACES.precision.
PLACE_PRECISIONS = ("town", "district", "governorate", "region", "country")
# transforms/entities/__init__.py: registry actors' types; discovered entities may also be
# 'place' (a place cue without a gazetteer entry) or 'unknown'.
ENTITY_TYPES = (
    "person",
    "armed_group",
    "government",
    "institution",
    "media",
    "international",
    "state",
    "place",
    "unknown",
)
# A mention names an entity (its entity_type) or a place ('place').
MENTION_TYPES = ENTITY_TYPES
ENTITY_ORIGINS = ("registry", "discovered")
# How a mention was matched (transforms/entities/__init__.py).
MATCH_METHODS = ("exact", "alias", "key", "fuzzy", "coreference", "discovered")
# Why a place mention is not an event place (transforms/entities/__init__.py); null otherwise.
MENTION_ROLES = ("dateline", "metonym")
# The documents column a mention's span is in: the body, or the headline.
MENTION_FIELDS = ("text", "title")
RUN_STATUSES = ("running", "published", "unchanged", "failed")
INPUT_OUTCOMES = ("loaded", "rejected")

# Dates: an event date before this is an error (a misread number, an epoch default), never a
# rare event: no attack this pipeline can read of is that old, and extraction drops dates long
# before the article as history. Old but real dates (a 1982 massacre) are not rejected.
MIN_EVENT_DATE = date(1900, 1, 1)
# Killed or wounded above this in one attack is an extraction error, not news (warning).
MAX_CASUALTIES = 5000
# A mention's match score is a similarity fraction (transforms/entities/resolve.py).
MAX_MATCH_SCORE = 1.0

# Country bounding boxes (min_lat, max_lat, min_lon, max_lon), rounded outwards by ~0.1 degree:
# Syria, Iraq and their neighbours. A point coded to one of these countries must fall inside.
COUNTRY_BBOX: dict[str, tuple[float, float, float, float]] = {
    "SY": (32.2, 37.4, 35.6, 42.5),
    "IQ": (29.0, 37.5, 38.7, 48.7),
    "TR": (35.7, 42.2, 25.6, 44.9),
    "LB": (33.0, 34.8, 35.0, 36.7),
    "JO": (29.1, 33.5, 34.9, 39.4),
    "IL": (29.4, 33.4, 34.2, 35.9),
    "PS": (31.2, 32.6, 34.2, 35.6),
    "SA": (16.3, 32.2, 34.4, 55.7),
    "IR": (25.0, 39.9, 44.0, 63.4),
    "KW": (28.5, 30.2, 46.5, 48.5),
}
# A point is consistent with its admin1 when it lies inside the bounding box of the gazetteer's
# places of that admin1 (same country), widened by this margin (degrees, ~50 km), and the
# admin1 has at least ADMIN1_MIN_PLACES located places (fewer give no usable box).
ADMIN1_MARGIN_DEG = 0.5
ADMIN1_MIN_PLACES = 3

# Failing rows shown per failed expectation.
SAMPLE_ROWS = 5
