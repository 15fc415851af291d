-- expectation: every event has at least one report
-- table: events
-- column: event_id
-- severity: critical
-- growth: safe
select e.event_id
from events as e
anti join event_reports as r on r.event_id = e.event_id
