-- One row per event, every column of the events table: the GeoJSON export's properties
-- (warehouse/export.py makes the Point of latitude and longitude).
select *
from events
order by event_date nulls last, event_id
