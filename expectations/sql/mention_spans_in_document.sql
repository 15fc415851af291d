-- expectation: every mention's surface is exactly its document's field (text or title) at [char_start, char_end)
-- table: entity_mentions
-- column: surface
-- severity: critical
-- growth: safe
select m.mention_id, m.doc_id, m.field, m.char_start, m.char_end, m.surface
from entity_mentions as m
join documents as d on d.doc_id = m.doc_id
where substr(
    case m.field when 'title' then d.title else d.text end,
    m.char_start + 1,
    m.char_end - m.char_start
) is distinct from m.surface
