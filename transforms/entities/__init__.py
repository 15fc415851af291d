"""Entity and place normalisation: one canonical id per actor and place, whatever the spelling.

Public API (called by the flow; every table in and out is a ``pa.Table``: callers convert
once, at the boundary):

- ``detect_mentions(documents, registry) -> pa.Table`` (schemas.ENTITY_MENTIONS), per chunk.
- ``name_candidates(mentions, documents) -> (candidates, lower_words)``, per chunk, then
  ``discover(candidate_parts, lower_word_parts, registry) -> (entities, discovered mentions)``
  once over the whole corpus, streaming: recurring unknown names become entities (origin
  'discovered'). ``discover_entities(mentions, documents, registry) -> (entities, mentions)``
  runs both over one in-memory corpus. ``extract_names(documents, registry) -> (mentions,
  candidates, lower_words)`` is ``detect_mentions`` then ``name_candidates`` in one pass (each
  text's name runs and sentences found once): what a chunk's extraction calls.
- ``Registry.entities_table()``, ``Registry.places_table()``;
  ``warehouse.reference.load_registry(reference_dir=None)``.

entity_mentions, for the consumers (attack events, issue 4):

- Places: ``place_id`` set, ``entity_id`` null, ``entity_type`` 'place'. Join ``places`` for
  coordinates, ``admin1`` (the governorate's GeoNames name, e.g. "Deir ez-Zor") and
  ``precision`` (town | district | governorate | region | country). A governorate-level
  mention ("Deir al-Zor province", "in Deir Ezzor") is the governorate, not its capital.
- ``role``: 'dateline' = the reporter's dateline ("DAMASCUS (Reuters) -"), never an event
  place; 'metonym' = a capital or country acting as a government ("Ankara has been a key
  supporter"); null otherwise.
- Actors: ``entity_id`` set, ``entity_type`` one of person | armed_group | government
  (governments, ministries, state armed forces) | institution | media (outlets, agencies,
  group propaganda outlets such as Amaq) | international (UN, the US-led coalition) | state
  (reserved; country names are emitted as places of precision 'country'). Discovered entities
  may also be 'place' (a place cue but no gazetteer entry: entity_id set, place_id null) or
  'unknown'.
- ``match_method``: exact (the canonical spelling) | alias (a listed spelling) | key (the
  transliteration-folding key) | fuzzy (rapidfuzz on keys; ``score`` = similarity) |
  coreference (a partial name: "Mr Sharaa" -> Ahmed al-Sharaa) | discovered.
- Spans exclude titles ("Mr", "President") and possessive 's.
"""

from __future__ import annotations

from transforms.entities.detect import detect_mentions
from transforms.entities.discover import (
    discover,
    discover_entities,
    extract_names,
    name_candidates,
)
from transforms.entities.registry import Entity, Place, Registry

__all__ = [
    "Entity",
    "Place",
    "Registry",
    "detect_mentions",
    "discover",
    "discover_entities",
    "extract_names",
    "name_candidates",
]
