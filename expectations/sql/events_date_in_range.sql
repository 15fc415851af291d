-- expectation: an event's date is not before 1900 (a misread, not an old event) nor in the future
-- table: events
-- column: event_date
-- severity: critical
select event_id, event_date
from events
where event_date < $min_event_date or event_date > current_date
