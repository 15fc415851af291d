-- One row per event with coordinates: what the map plots.
select
    event_id,
    event_date,
    coalesce(location, '') as location,
    coalesce(admin1, '') as admin1,
    latitude,
    longitude,
    coalesce(geo_precision, '') as geo_precision,
    coalesce(killed_best, 0) as killed,
    coalesce(wounded_best, 0) as wounded,
    coalesce(sub_event_type, event_type, '') as kind
from events
where latitude between -90 and 90 and longitude between -180 and 180
order by event_date nulls last, event_id
