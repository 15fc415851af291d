-- expectation: an event's date is after the earliest date covered and not in the future
-- table: events
-- column: event_date
-- severity: critical
select event_id, event_date
from events
where event_date <= $min_event_date or event_date > current_date
