-- Grain: one row per attack location (a gazetteer place; events without a known place share
-- one row per country, location null). Counts distinct attacks (events), never reports.
-- killed/wounded: the sum of each event's best estimate, or its low bound when the best is
-- unknown (a toll reported for several attacks together is split unknown: low 0), so the
-- figure is conservative, as ACLED's.
with attacks as (
    select *
    from events
    where event_type in ('Battles', 'Explosions/Remote violence', 'Violence against civilians')
)

select
    country_code,
    admin1,
    location,
    place_id,
    latitude,
    longitude,
    count(*) as attacks,
    sum(coalesce(killed_best, killed_low, 0))::bigint as killed,
    sum(coalesce(wounded_best, wounded_low, 0))::bigint as wounded,
    min(event_date) as first_date,
    max(event_date) as last_date
from attacks
group by country_code, admin1, location, place_id, latitude, longitude
order by attacks desc, killed desc, country_code, admin1, location
