"""Every warehouse table's schema, declared once.

Transforms cast to these on return (``conform``), so drift fails loudly. Column names are the
public interface analysts' SQL relies on; docs/tables.md documents each table's grain.
"""

from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us")

DOCUMENTS = pa.schema(
    [
        ("doc_id", pa.string()),
        ("external_id", pa.string()),
        ("uri", pa.string()),
        ("source", pa.string()),
        ("source_method", pa.string()),
        ("wire", pa.string()),
        ("title", pa.string()),
        ("published_date", pa.date32()),
        ("published_date_method", pa.string()),
        ("caption", pa.string()),
        ("text", pa.string()),
        ("n_chars", pa.int32()),
        ("encoding", pa.string()),
        ("ingested_at", TS),
        ("run_id", pa.string()),
    ],
    metadata={"grain": "one row per distinct article body (doc_id = hash of the normalised body)"},
)

REJECTED_DOCUMENTS = pa.schema(
    [
        ("uri", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
        ("n_bytes", pa.int64()),
        ("content_sha256", pa.string()),
        ("run_id", pa.string()),
        ("rejected_at", TS),
    ],
    metadata={
        "grain": "one row per distinct rejected input (uri and content), first run that saw it"
    },
)

RUN_INPUTS = pa.schema(
    [
        ("run_id", pa.string()),
        ("uri", pa.string()),
        ("outcome", pa.string()),  # 'loaded' | 'rejected'
        ("doc_id", pa.string()),
        ("reason", pa.string()),
        ("is_new", pa.bool_()),
        # hash of the input's bytes: an input seen before, unchanged, is not cleaned again
        ("content_sha256", pa.string()),
    ],
    metadata={"grain": "one row per input a run saw (the run's ledger)"},
)

RUNS = pa.schema(
    [
        ("run_id", pa.string()),
        ("flow_run_id", pa.string()),
        ("started_at", TS),
        ("finished_at", TS),
        ("status", pa.string()),
        ("inputs_seen", pa.int64()),
        ("documents_loaded", pa.int64()),
        ("documents_rejected", pa.int64()),
        ("documents_new", pa.int64()),
        ("events_total", pa.int64()),
        ("events_new", pa.int64()),
        ("events_updated", pa.int64()),
    ],
    metadata={"grain": "one row per pipeline run"},
)

ENTITIES = pa.schema(
    [
        ("entity_id", pa.string()),
        ("canonical_name", pa.string()),
        ("entity_type", pa.string()),
        ("aliases", pa.list_(pa.string())),
        ("origin", pa.string()),  # 'registry' | 'discovered'
        ("wikidata_id", pa.string()),
        ("valid_from", pa.date32()),
        ("valid_to", pa.date32()),
    ],
    metadata={"grain": "one row per canonical actor (person, group, institution, outlet, state)"},
)

PLACES = pa.schema(
    [
        ("place_id", pa.string()),
        ("name", pa.string()),
        ("location", pa.string()),  # what events show: "Baghdad - Sadr City" for a quarter
        ("admin1", pa.string()),
        ("admin2", pa.string()),
        ("country_code", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("feature_code", pa.string()),
        ("precision", pa.string()),  # 'town' | 'district' | 'governorate' | 'region' | 'country'
        ("name_native", pa.string()),  # the source's spelling, diacritics kept ("Mayādīn")
        ("names_arabic", pa.list_(pa.string())),
        ("aliases", pa.list_(pa.string())),  # every Latin-script spelling, the name included
        ("name_keys", pa.list_(pa.string())),  # their match keys (macro place_key)
        ("population", pa.int64()),
        ("wikidata_id", pa.string()),
    ],
    metadata={"grain": "one row per gazetteer place (GeoNames id, wof: or curated id)"},
)

ENTITY_MENTIONS = pa.schema(
    [
        ("mention_id", pa.string()),
        ("doc_id", pa.string()),
        # the documents column the span is in: 'text' (the body) or 'title' (the headline)
        ("field", pa.string()),
        ("sentence_no", pa.int32()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("surface", pa.string()),
        ("entity_id", pa.string()),
        ("place_id", pa.string()),
        ("entity_type", pa.string()),
        ("match_method", pa.string()),
        ("score", pa.float64()),
        # 'dateline' (the reporter's "DAMASCUS (Reuters) -": not an event place), 'metonym' (a
        # capital or country acting as its government: "Ankara has ..."), or null.
        ("role", pa.string()),
    ],
    metadata={
        "grain": "one row per span of a document (its body or headline) that names an entity or a "
        "place"
    },
)

EVENT_REPORTS = pa.schema(
    [
        ("report_id", pa.string()),
        ("event_id", pa.string()),
        ("doc_id", pa.string()),
        ("sentence_no", pa.int32()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("quote", pa.string()),
        ("event_type", pa.string()),
        ("sub_event_type", pa.string()),
        ("event_date", pa.date32()),
        ("date_precision", pa.string()),
        ("date_method", pa.string()),
        ("place_id", pa.string()),
        ("location_text", pa.string()),
        ("admin1", pa.string()),
        ("geo_precision", pa.string()),  # ACLED's 1-3: 2 when named as a reference ("near X")
        ("perpetrator_id", pa.string()),
        # ACLED's two sides (entity ids): actor1 the initiator (the perpetrator), actor2 the
        # other side (an actor attacked, or the second party named to a clash)
        ("actor1", pa.string()),
        ("actor2", pa.string()),
        ("attribution", pa.string()),
        ("target", pa.string()),
        ("weapon", pa.string()),
        ("killed_low", pa.int32()),
        ("killed_best", pa.int32()),
        ("killed_high", pa.int32()),
        ("perpetrators_killed", pa.int32()),
        ("wounded_low", pa.int32()),
        ("wounded_best", pa.int32()),
        ("wounded_high", pa.int32()),
        ("confidence", pa.float64()),
    ],
    metadata={
        "grain": "one row per attack described in a sentence (or sentence pair) of a document"
    },
)

EVENTS = pa.schema(
    [
        ("event_id", pa.string()),
        ("event_type", pa.string()),
        ("sub_event_type", pa.string()),
        ("event_date", pa.date32()),
        ("date_precision", pa.string()),
        ("place_id", pa.string()),
        ("location", pa.string()),
        ("admin1", pa.string()),
        ("country_code", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("geo_precision", pa.string()),
        ("perpetrator", pa.string()),
        ("perpetrator_id", pa.string()),
        # ACLED's two sides by canonical name: actor1 the initiator, actor2 the other side
        ("actor1", pa.string()),
        ("actor2", pa.string()),
        ("attribution", pa.string()),
        ("target", pa.string()),
        ("weapon", pa.string()),
        ("killed_low", pa.int32()),
        ("killed_best", pa.int32()),
        ("killed_high", pa.int32()),
        ("perpetrators_killed", pa.int32()),
        ("wounded_low", pa.int32()),
        ("wounded_best", pa.int32()),
        ("wounded_high", pa.int32()),
        ("n_reports", pa.int32()),
        ("n_documents", pa.int32()),
        ("n_sources", pa.int32()),
        ("first_reported", pa.date32()),
        ("last_reported", pa.date32()),
        ("has_conflict", pa.bool_()),
    ],
    metadata={"grain": "one row per distinct real-world attack"},
)

EVENT_MERGES = pa.schema(
    [
        ("event_id", pa.string()),
        ("report_id", pa.string()),
        ("merged_with", pa.string()),
        ("reason", pa.string()),
    ],
    metadata={"grain": "one row per report merged into an event, with why"},
)

EVENT_CONFLICTS = pa.schema(
    [
        ("event_id", pa.string()),
        ("field", pa.string()),
        ("values", pa.list_(pa.string())),
        ("report_ids", pa.list_(pa.string())),
    ],
    metadata={"grain": "one row per event field on which its reports disagree"},
)

VALIDATION_RESULTS = pa.schema(
    [
        ("run_id", pa.string()),
        ("suite", pa.string()),
        ("expectation", pa.string()),
        ("column", pa.string()),
        ("severity", pa.string()),  # 'critical' | 'warning'
        ("success", pa.bool_()),
        ("observed", pa.string()),
        ("validated_at", TS),
    ],
    metadata={"grain": "one row per expectation checked in a run"},
)

# -- intermediate tables of the lake (chunk outputs read by corpus-wide steps; not published) --
NAME_CANDIDATES = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sentence_no", pa.int32()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("surface", pa.string()),
        ("key", pa.string()),
        ("cue", pa.string()),  # the type its context suggests, or ''
        ("words", pa.list_(pa.string())),  # lower-cased words of the surface
        ("sentence_initial", pa.bool_()),
        # the span without its first word, for when that word is a common word capitalised
        # by position ("Get EconoTimes"); null when there is no such cut
        ("trim_start", pa.int32()),
        ("trim_sentence_no", pa.int32()),
        ("trim_surface", pa.string()),
        ("trim_key", pa.string()),
    ],
    metadata={"grain": "one row per capitalised name span no mention covers (discovery input)"},
)

LOWER_WORDS = pa.schema(
    [("word", pa.string())],
    metadata={"grain": "one row per distinct lower-case word of a chunk's texts"},
)

INPUT_FILES = pa.schema(
    [
        ("run_id", pa.string()),
        ("path", pa.string()),
        ("size_bytes", pa.int64()),
        ("mtime_ns", pa.int64()),
        # The field mapping a JSONL or CSV/TSV file was read with ('': the default; '' for
        # every other file): a file read with another mapping has other inputs.
        ("field_mapping", pa.string()),
    ],
    metadata={
        "grain": "one row per input file a run listed: a later run takes the inputs of a file "
        "with the same size, modification time and field mapping from that run's ledger, unread"
    },
)


def conform(rows: list[dict], schema: pa.Schema) -> pa.Table:
    """Rows (dicts) as a table of ``schema``: a key a row lacks is null, keys the schema does
    not name are dropped, a value Arrow cannot convert to its column's type fails loudly."""
    return pa.Table.from_pylist(rows, schema=schema)
