-- expectation: every mention's surface is exactly its document's field (text or title) at [char_start, char_end)
-- table: entity_mentions
-- column: surface
-- severity: critical
-- growth: safe
-- One join against each document's fields as rows: a CASE choosing the column per mention made
-- DuckDB carry both columns of every document through the join (out of memory at 128 MB on
-- 100,000 documents; this form checks them in ~2 s).
select m.mention_id, m.doc_id, m.field, m.char_start, m.char_end, m.surface
from entity_mentions as m
join (
    select doc_id, 'text' as field, text as content from documents
    union all
    select doc_id, 'title' as field, title as content from documents
) as d on d.doc_id = m.doc_id and d.field = coalesce(m.field, 'text')
where substr(d.content, m.char_start + 1, m.char_end - m.char_start) is distinct from m.surface
