-- One row per plotted location (events with coordinates, grouped by place): what the map shows,
-- the $max_places most attacked of them.
-- Grouped so the map stays light however many events there are. Events known only to the
-- country are left off: a dot at the country's centre would claim a place nobody reported.
select
    round(latitude, 4) as latitude,
    round(longitude, 4) as longitude,
    coalesce(min(location), '') as location,
    coalesce(min(admin1), '') as admin1,
    count(*) as attacks,
    coalesce(sum(killed_best), 0) as killed,
    coalesce(sum(wounded_best), 0) as wounded,
    min(event_date) as first_date,
    max(event_date) as last_date
from events
where latitude between -90 and 90 and longitude between -180 and 180
  and not exists (
      select 1 from places as p
      where p.place_id = events.place_id and p.precision = 'country'
  )
group by round(latitude, 4), round(longitude, 4)
order by attacks desc, first_date nulls last, latitude, longitude
limit $max_places
