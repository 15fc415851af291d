-- Governorate seats and capitals from the gazetteer: the map's offline orientation layer.
select name, latitude, longitude
from places
where feature_code in ('PPLC', 'PPLA')
  and latitude between -90 and 90 and longitude between -180 and 180
order by name
