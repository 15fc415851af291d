-- One row per governorate of the gazetteer: the name events carry (admin1) for each place_id,
-- which the map's outlines (seeds/reference/governorates.geojson) are keyed on.
select place_id, admin1, country_code
from places
where precision = 'governorate'
order by place_id
