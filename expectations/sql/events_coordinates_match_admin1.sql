-- expectation: an event's point lies within its admin1's box (gazetteer places of that admin1, widened by a margin)
-- table: events
-- column: admin1
-- severity: warning
with boxes as (
    select country_code, admin1,
           min(latitude) as min_lat, max(latitude) as max_lat,
           min(longitude) as min_lon, max(longitude) as max_lon
    from places
    where admin1 is not null and latitude is not null and longitude is not null
      and precision in ('town', 'district')
    group by country_code, admin1
    having count(*) >= $min_places
)
select e.event_id, e.admin1, e.latitude, e.longitude
from events as e
join boxes as b on b.country_code = e.country_code and b.admin1 = e.admin1
where not (e.latitude between b.min_lat - $margin and b.max_lat + $margin
           and e.longitude between b.min_lon - $margin and b.max_lon + $margin)
