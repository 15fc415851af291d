-- The published events of 21 February 2026, the day of the seed story's two attacks.
SELECT location, n_documents, n_sources
FROM events
WHERE event_date = DATE '2026-02-21'
ORDER BY location
