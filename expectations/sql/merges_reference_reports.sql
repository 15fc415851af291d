-- expectation: every merge names an event and a report of that event
-- table: event_merges
-- column: report_id
-- severity: critical
-- growth: safe
select m.event_id, m.report_id
from event_merges as m
anti join event_reports as r on r.report_id = m.report_id and r.event_id = m.event_id
