-- One row: the warehouse's totals (the report's headline figures).
select
    (select count(*) from events) as events,
    (select coalesce(sum(killed_best), 0) from events) as killed,
    (select coalesce(sum(wounded_best), 0) from events) as wounded,
    (
        select count(distinct d.source)
        from event_reports as r
        join documents as d using (doc_id)
    ) as outlets,
    (select count(*) from events
      where latitude between -90 and 90 and longitude between -180 and 180
        and not exists (
            select 1 from places as p
            where p.place_id = events.place_id and p.precision = 'country'
        )
    ) as located
