-- expectation: an event's point lies inside its country's bounding box (countries with a box)
-- table: events
-- column: latitude, longitude
-- severity: critical
select e.event_id, e.country_code, e.latitude, e.longitude
from events as e
join country_bbox as b on b.country_code = e.country_code
where not (e.latitude between b.min_lat and b.max_lat
           and e.longitude between b.min_lon and b.max_lon)
