-- One row per report of an event: the outlet, the article and the sentence quoted.
select
    r.event_id,
    coalesce(d.source, '') as source,
    coalesce(d.title, '') as title,
    coalesce(d.uri, '') as uri,
    d.published_date,
    coalesce(r.quote, '') as quote
from event_reports as r
left join documents as d using (doc_id)
where r.event_id is not null
order by r.event_id, d.published_date nulls last, source, r.report_id
