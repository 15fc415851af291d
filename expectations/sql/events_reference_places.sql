-- expectation: every event's place_id is a place
-- table: events
-- column: place_id
-- severity: critical
-- growth: safe
select e.event_id, e.place_id
from events as e
anti join places as p on p.place_id = e.place_id
where e.place_id is not null
