-- expectation: a document's n_chars is the length of its text
-- table: documents
-- column: n_chars
-- severity: warning
select doc_id, n_chars, length(text) as text_length
from documents
where n_chars is distinct from length(text)
