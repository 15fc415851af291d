-- One row per report of an event shown in the table: the outlet, the article, the quote.
with shown as (
    select event_id
    from events
    order by event_date desc nulls last, event_id
    limit $max_events
)
select
    r.event_id,
    coalesce(d.source, '') as source,
    coalesce(d.title, '') as title,
    coalesce(d.uri, '') as uri,
    d.published_date,
    coalesce(r.quote, '') as quote
from event_reports as r
join shown using (event_id)
left join documents as d using (doc_id)
order by r.event_id, d.published_date nulls last, source, r.report_id
