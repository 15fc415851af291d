-- expectation: every mention's place_id is a place
-- table: entity_mentions
-- column: place_id
-- severity: critical
-- growth: safe
select m.mention_id, m.place_id
from entity_mentions as m
anti join places as p on p.place_id = m.place_id
where m.place_id is not null
