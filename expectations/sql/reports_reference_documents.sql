-- expectation: every report's doc_id is a document
-- table: event_reports
-- column: doc_id
-- severity: critical
-- growth: safe
select r.report_id, r.doc_id
from event_reports as r
anti join documents as d on d.doc_id = r.doc_id
