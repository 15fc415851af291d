-- One row per event: the report's table, newest first, at most $max_events of them.
select
    event_id,
    event_date,
    coalesce(location, '') as location,
    coalesce(admin1, '') as admin1,
    coalesce(sub_event_type, event_type, '') as kind,
    coalesce(perpetrator, '') as perpetrator,
    coalesce(attribution, '') as attribution,
    killed_low, killed_best, killed_high,
    wounded_low, wounded_best, wounded_high,
    coalesce(n_sources, 0) as n_sources,
    coalesce(has_conflict, false) as has_conflict
from events
order by event_date desc nulls last, event_id
limit $max_events
