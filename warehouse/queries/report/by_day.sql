-- One row per day with at least one dated attack.
select
    event_date as day,
    count(*) as attacks,
    coalesce(sum(killed_best), 0) as killed
from events
where event_date is not null
group by event_date
order by event_date
