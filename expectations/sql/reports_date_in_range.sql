-- expectation: a report's event date is not before 1900 (a misread, not an old event) nor in the future
-- table: event_reports
-- column: event_date
-- severity: critical
select report_id, event_date
from event_reports
where event_date < $min_event_date or event_date > current_date
