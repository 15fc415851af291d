-- expectation: n_documents equals the event's distinct reporting documents, n_reports its reports
-- table: events
-- column: n_documents
-- severity: critical
with counted as (
    select event_id, count(*) as reports, count(distinct doc_id) as documents
    from event_reports
    group by event_id
)
select e.event_id, e.n_reports, c.reports, e.n_documents, c.documents
from events as e
join counted as c using (event_id)
where e.n_documents is distinct from c.documents or e.n_reports is distinct from c.reports
