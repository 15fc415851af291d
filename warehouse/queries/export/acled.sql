-- One row per event in ACLED's column layout (docs/exports.md has the mapping, column by
-- column, and what has no ACLED equivalent). $countries: path of seeds/reference/countries.csv;
-- $outlets: path of seeds/reference/outlets.csv (each outlet's country and scope).
-- acled_events: events, with actor1, actor2, perpetrators_killed null where the warehouse
-- has no such column (warehouse/export.py).
with countries as (
    select * from read_csv($countries, header = true, all_varchar = true)
),
outlets as (
    select * from read_csv($outlets, header = true, all_varchar = true)
),
scales as (
    -- ACLED's source scale of each report's outlet, seen from the event's country: a global
    -- outlet is International, a regional one Regional; a national or subnational outlet is
    -- National or Subnational in its own country, Regional in another of the event's ACLED
    -- region, International elsewhere. Outlets not in the table have no scale.
    select distinct
        r.event_id,
        case
            when o.scope = 'global' then 'International'
            when o.scope = 'regional' then 'Regional'
            when o.country = e.country_code and o.scope = 'subnational' then 'Subnational'
            when o.country = e.country_code then 'National'
            when oc.acled_region = ec.acled_region then 'Regional'
            else 'International'
        end as scale
    from event_reports as r
    join documents as d using (doc_id)
    join outlets as o on o.name = d.source
    join acled_events as e on e.event_id = r.event_id
    left join countries as oc on oc.iso2 = o.country
    left join countries as ec on ec.iso2 = e.country_code
),
source_scales as (
    -- ACLED joins an event's scales with '-', narrowest first ("National-International")
    select
        event_id,
        string_agg(
            scale, '-' order by list_position(
                ['Subnational', 'National', 'Regional', 'International'], scale
            )
        ) as source_scale
    from scales
    group by event_id
),
reports as (
    -- each event's reporting documents, earliest first: outlet, date, url, quote
    select
        r.event_id,
        d.source,
        d.published_date,
        d.uri,
        d.ingested_at,
        r.quote,
        row_number() over (
            partition by r.event_id
            order by d.published_date nulls last, d.source nulls last, r.report_id
        ) as n
    from event_reports as r
    join documents as d using (doc_id)
),
provenance as (
    select
        event_id,
        string_agg(distinct source, '; ' order by source) as sources,
        -- the first $max_quotes reports, earliest first; the rest are counted
        string_agg(
            '"' || quote || '" (' || coalesce(source, 'unknown outlet') || ', '
            || coalesce(strftime(published_date, '%Y-%m-%d'), 'undated') || ', ' || uri || ')',
            ' | ' order by n
        ) filter (where n <= $max_quotes)
        || case when count(*) > $max_quotes
            then ' | and ' || (count(*) - $max_quotes) || ' more report(s)' else '' end
            as quotes,
        max(ingested_at) as last_ingested
    from reports
    group by event_id
),
typed as (
    -- events' own columns named one by one: a column added to events later cannot collide
    -- with the ACLED names derived here
    select
        e.event_id, e.event_type, e.sub_event_type, e.event_date, e.first_reported,
        e.country_code, e.admin1, e.location, e.latitude, e.longitude, e.geo_precision,
        e.perpetrator, e.attribution, e.target, e.weapon, e.killed_low, e.killed_high,
        e.wounded_best, e.n_reports, e.n_documents, e.has_conflict,
        e.actor1 as coded_actor1, e.actor2 as coded_actor2, e.perpetrators_killed,
        c.iso3,
        c.iso_numeric,
        c.name as country,
        c.acled_region,
        pl.admin2,
        ent.entity_type as perpetrator_type,
        ent2.entity_type as actor2_type,
        -- ACLED's date is the event's; an undated event takes its first report's (precision 3)
        coalesce(e.event_date, e.first_reported) as acled_date,
        case
            when e.event_date is null then 3
            when e.date_precision = 'day' then 1
            when e.date_precision = 'week' then 2
            else 3
        end as time_precision,
        case e.target
            when 'civilians' then 'Civilians (' || coalesce(c.name, e.country_code) || ')'
            when 'military' then 'Military Forces of ' || coalesce(c.name, e.country_code)
            when 'security forces' then 'Police Forces of ' || coalesce(c.name, e.country_code)
            when 'officials' then 'Government of ' || coalesce(c.name, e.country_code)
            when 'foreign forces' then 'Foreign forces in ' || coalesce(c.name, e.country_code)
        end as target_actor,
        case e.target
            when 'civilians' then 'Civilians'
            when 'military' then 'State forces'
            when 'security forces' then 'State forces'
            when 'officials' then 'State forces'
            when 'foreign forces' then 'External/Other forces'
        end as inter2
    from acled_events as e
    left join countries as c on c.iso2 = e.country_code
    left join places as pl on pl.place_id = e.place_id
    left join entities as ent on ent.entity_id = e.perpetrator_id
    left join (
        -- actor2 is a canonical name: its type, when the name is one entity's
        select canonical_name, min(entity_type) as entity_type
        from entities group by canonical_name having count(*) = 1
    ) as ent2 on ent2.canonical_name = e.actor2
),
coded as (
    select
        *,
        coalesce(
            coded_actor1,
            perpetrator,
            'Unidentified Armed Group (' || coalesce(country, country_code, '') || ')'
        ) as acled_actor1,
        case
            when coalesce(coded_actor1, perpetrator) is null then 'Political militia'
            when perpetrator_type in ('state', 'institution', 'government') then 'State forces'
            else 'Rebel group'
        end as inter1,
        case
            when coded_actor2 is null then inter2
            when actor2_type in ('state', 'institution', 'government') then 'State forces'
            else coalesce(inter2, 'Rebel group')
        end as acled_inter2
    from typed
)
select
    coalesce(iso3, upper(country_code), 'XXX') || '-' || event_id as event_id_cnty,
    strftime(acled_date, '%Y-%m-%d') as event_date,
    year(acled_date) as year,
    time_precision,
    case
        when event_type in ('Protests', 'Riots') then 'Demonstrations'
        when event_type = 'Strategic developments' then 'Strategic developments'
        else 'Political violence'
    end as disorder_type,
    event_type,
    sub_event_type,
    acled_actor1 as actor1,
    null::varchar as assoc_actor_1,
    coalesce(coded_actor2, target_actor) as actor2,
    null::varchar as assoc_actor_2,
    inter1 || coalesce('-' || acled_inter2, ' only') as interaction,
    case when target = 'civilians' then 'Civilian targeting' end as civilian_targeting,
    try_cast(iso_numeric as integer) as iso,
    acled_region as region,
    country,
    admin1,
    admin2,
    null::varchar as admin3,
    location,
    round(latitude, 4) as latitude,
    round(longitude, 4) as longitude,
    try_cast(geo_precision as integer) as geo_precision,
    coalesce(p.sources, '') as source,
    coalesce(ss.source_scale, '') as source_scale,
    coalesce(p.quotes, '') || ' [sitrep ' || coded.event_id || ': ' || n_reports || ' report(s), '
        || n_documents || ' document(s); attribution ' || coalesce(attribution, 'unknown') || ']'
        as notes,
    -- ACLED counts every death of the event, attackers' too
    coalesce(killed_low, 0) + coalesce(perpetrators_killed, 0) as fatalities,
    concat_ws(
        '; ',
        'weapon: ' || weapon,
        'wounded: ' || wounded_best,
        'killed range: ' || killed_low || '-' || killed_high,
        'attackers killed: ' || perpetrators_killed,
        case when has_conflict then 'outlets disagree (see event_conflicts)' end
    ) as tags,
    coalesce(epoch(p.last_ingested)::bigint, 0) as timestamp
from coded
left join provenance as p using (event_id)
left join source_scales as ss using (event_id)
order by acled_date nulls last, event_id_cnty
