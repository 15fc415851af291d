-- expectation: every report's quote is exactly its document's text at [char_start, char_end)
-- table: event_reports
-- column: quote
-- severity: critical
-- growth: safe
select r.report_id, r.doc_id, r.char_start, r.char_end, r.quote
from event_reports as r
join documents as d on d.doc_id = r.doc_id
where substr(d.text, r.char_start + 1, r.char_end - r.char_start) is distinct from r.quote
