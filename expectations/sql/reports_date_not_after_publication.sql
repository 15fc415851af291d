-- expectation: a report's event date is on or before its document's publication date
-- table: event_reports
-- column: event_date
-- severity: critical
-- growth: safe
select r.report_id, r.event_date, r.doc_id, d.published_date
from event_reports as r
join documents as d on d.doc_id = r.doc_id
where r.event_date > d.published_date
