-- expectation: an event's date is on or before the publication date of every document reporting it
-- table: events
-- column: event_date
-- severity: critical
select e.event_id, e.event_date, r.doc_id, d.published_date
from events as e
join event_reports as r on r.event_id = e.event_id
join documents as d on d.doc_id = r.doc_id
where e.event_date > d.published_date
