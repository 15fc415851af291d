-- One row per governorate (admin1): distinct attacks and their best casualty estimates.
select
    coalesce(admin1, 'unknown') as admin1,
    coalesce(max(country_code), '') as country_code,
    count(*) as attacks,
    coalesce(sum(killed_best), 0) as killed,
    coalesce(sum(wounded_best), 0) as wounded
from events
group by coalesce(admin1, 'unknown')
order by attacks desc, killed desc, admin1
