-- expectation: every report's event_id is an event
-- table: event_reports
-- column: event_id
-- severity: critical
-- growth: safe
select r.report_id, r.event_id
from event_reports as r
anti join events as e on e.event_id = r.event_id
