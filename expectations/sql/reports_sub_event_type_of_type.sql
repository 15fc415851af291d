-- expectation: a report's sub_event_type belongs to its event_type (ACLED pairs)
-- table: event_reports
-- column: sub_event_type
-- severity: critical
select r.report_id, r.event_type, r.sub_event_type
from event_reports as r
anti join event_type_pairs as p
    on p.event_type = r.event_type and p.sub_event_type = r.sub_event_type
where r.event_type is not null and r.sub_event_type is not null
