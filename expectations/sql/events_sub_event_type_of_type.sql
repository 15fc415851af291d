-- expectation: an event's sub_event_type belongs to its event_type (ACLED pairs)
-- table: events
-- column: sub_event_type
-- severity: critical
select e.event_id, e.event_type, e.sub_event_type
from events as e
anti join event_type_pairs as p
    on p.event_type = e.event_type and p.sub_event_type = e.sub_event_type
where e.event_type is not null and e.sub_event_type is not null
