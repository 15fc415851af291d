-- Grain: one row per perpetrator (canonical actor; unknown perpetrators share the row with
-- perpetrator_id null). Counts distinct attacks, split by how the attribution is known.
with attacks as (
    select *
    from events
    where event_type in ('Battles', 'Explosions/Remote violence', 'Violence against civilians')
)

select
    perpetrator_id,
    coalesce(perpetrator, 'unknown') as perpetrator,
    count(*) as attacks,
    count(*) filter (where attribution = 'claimed') as claimed,
    count(*) filter (where attribution = 'attributed') as attributed,
    count(*) filter (where attribution = 'suspected') as suspected,
    count(*) filter (where attribution = 'disputed') as disputed,
    sum(coalesce(killed_best, killed_low, 0))::bigint as killed,
    sum(coalesce(wounded_best, wounded_low, 0))::bigint as wounded,
    count(distinct admin1) as governorates,
    min(event_date) as first_date,
    max(event_date) as last_date
from attacks
group by perpetrator_id, perpetrator
order by attacks desc, perpetrator
