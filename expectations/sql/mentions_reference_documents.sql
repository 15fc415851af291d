-- expectation: every mention's doc_id is a document
-- table: entity_mentions
-- column: doc_id
-- severity: critical
-- growth: safe
select m.mention_id, m.doc_id
from entity_mentions as m
anti join documents as d on d.doc_id = m.doc_id
