-- Grain: one row per event date, date precision and country. Counts distinct attacks (events);
-- documents and sources are summed over the day's events (how widely the day was reported).
with attacks as (
    select *
    from events
    where event_type in ('Battles', 'Explosions/Remote violence', 'Violence against civilians')
)

select
    event_date,
    date_precision,
    country_code,
    count(*) as attacks,
    sum(coalesce(killed_best, killed_low, 0))::bigint as killed,
    sum(coalesce(wounded_best, wounded_low, 0))::bigint as wounded,
    count(distinct admin1) as governorates,
    sum(n_documents)::bigint as documents,
    sum(n_sources)::bigint as sources
from attacks
group by event_date, date_precision, country_code
order by event_date nulls last, date_precision, country_code
