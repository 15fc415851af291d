-- expectation: every mention's entity_id is an entity
-- table: entity_mentions
-- column: entity_id
-- severity: critical
-- growth: safe
select m.mention_id, m.entity_id
from entity_mentions as m
anti join entities as e on e.entity_id = m.entity_id
where m.entity_id is not null
