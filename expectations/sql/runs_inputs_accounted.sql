-- expectation: per run, inputs_seen = documents_loaded + documents_rejected = the run's ledger rows
-- table: runs
-- column: inputs_seen
-- severity: critical
with ledger as (
    select run_id, count(*) as n
    from run_inputs
    group by run_id
)
select r.run_id, r.inputs_seen, r.documents_loaded, r.documents_rejected, l.n as ledger_rows
from runs as r
left join ledger as l using (run_id)
where r.inputs_seen is distinct from r.documents_loaded + r.documents_rejected
   or r.inputs_seen is distinct from coalesce(l.n, 0)
