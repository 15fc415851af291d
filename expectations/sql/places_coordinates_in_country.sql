-- expectation: a gazetteer place's point lies inside its country's bounding box
-- table: places
-- column: latitude, longitude
-- severity: warning
select p.place_id, p.name, p.country_code, p.latitude, p.longitude
from places as p
join country_bbox as b on b.country_code = p.country_code
where not (p.latitude between b.min_lat and b.max_lat
           and p.longitude between b.min_lon and b.max_lon)
