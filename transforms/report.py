"""The HTML report: tables in, one self-contained HTML page out (pure, no I/O).

Inputs are the tables of ``warehouse.report_data.report_tables``: totals, by_governorate,
by_day, event_points (one row per location), reference_places, events, event_sources,
governorates; and the governorate outlines (GeoJSON) the map draws. The page
embeds its data as JSON and its style and script inline; it fetches nothing, so it opens
offline. Charts and the map are drawn by the inline script; the events table is plain HTML,
readable without script.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

import pyarrow as pa

from transforms.report_assets import CSS, JS

# Above this many days between the first and last attack, the timeline counts by month.
DAILY_TIMELINE_MAX_DAYS = 92
# Sources listed per event in the table (the rest are counted).
MAX_SOURCES_PER_EVENT = 8


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _records(table: pa.Table | None) -> list[dict[str, Any]]:
    if table is None:
        return []
    return [{k: _iso(v) for k, v in row.items()} for row in table.to_pylist()]


def time_buckets(by_day: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Attacks and killed per day, or per month over long spans; quiet periods are zeros.

    ``by_day`` rows have ``day`` (date or ISO string), ``attacks`` and ``killed``.
    """
    days = [
        (date.fromisoformat(str(r["day"])), int(r["attacks"]), int(r["killed"] or 0))
        for r in by_day
        if r.get("day") is not None
    ]
    if not days:
        return []
    first, last = min(d for d, _, _ in days), max(d for d, _, _ in days)
    monthly = (last - first).days > DAILY_TIMELINE_MAX_DAYS
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for d, attacks, killed in days:
        key = f"{d:%Y-%m}" if monthly else d.isoformat()
        totals[key][0] += attacks
        totals[key][1] += killed
    periods: list[str] = []
    d = first
    while d <= last:
        key = f"{d:%Y-%m}" if monthly else d.isoformat()
        if not periods or periods[-1] != key:
            periods.append(key)
        d += timedelta(days=1)
    return [{"period": p, "attacks": totals[p][0], "killed": totals[p][1]} for p in periods]


def _json_script(payload: dict[str, Any]) -> str:
    # Escaped so no string in the data can close the script element or open a comment, and
    # no URL appears literally (a JSON "\/" is a "/").
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str)
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("/", "\\/")):
        text = text.replace(char, escaped)
    return text


def esc(value: object) -> str:
    """HTML text; slashes as entities so no URL from an article appears literally in the page
    (the browser shows the same text, and nothing scanning for URLs mistakes it for a link)."""
    return html.escape(str(value)).replace("/", "&#47;")


def _range(low: Any, best: Any, high: Any) -> str:
    if best is None:
        return ""
    if low is not None and high is not None and (low, high) != (best, best):
        return f"{best} ({low}-{high})"
    return str(best)


def _sources_html(sources: list[dict[str, Any]]) -> str:
    parts = []
    for s in sources[:MAX_SOURCES_PER_EVENT]:
        head = " · ".join(x for x in (s["source"], s["published_date"] or "", s["title"]) if x)
        parts.append(
            f'<div><b>{esc(head)}</b> <span class="src">{esc(s["uri"])}</span>'
            f"<blockquote>{esc(s['quote'])}</blockquote></div>"
        )
    if len(sources) > MAX_SOURCES_PER_EVENT:
        parts.append(f'<div class="note">and {len(sources) - MAX_SOURCES_PER_EVENT} more</div>')
    return "".join(parts)


def events_table_html(events: list[dict[str, Any]], sources: list[dict[str, Any]]) -> str:
    """One row per event, with every outlet's article and the sentence it was read from."""
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in sources:
        by_event[s["event_id"]].append(s)
    rows = []
    for e in events:
        place = ", ".join(x for x in (e["location"], e["admin1"]) if x)
        actor = " ".join(
            x for x in (e["perpetrator"], f"({e['attribution']})" if e["attribution"] else "") if x
        )
        conflict = ' <span class="conflict">sources disagree</span>' if e["has_conflict"] else ""
        rows.append(
            f'<tr id="event-{esc(e["event_id"])}"><td>{esc(e["event_date"] or "undated")}</td>'
            f"<td>{esc(place)}</td><td>{esc(e['kind'])}{conflict}</td><td>{esc(actor)}</td>"
            f'<td class="num">{esc(_range(e["killed_low"], e["killed_best"], e["killed_high"]))}'
            f'</td><td class="num">'
            f"{esc(_range(e['wounded_low'], e['wounded_best'], e['wounded_high']))}</td>"
            f"<td>{_sources_html(by_event.get(e['event_id'], []))}</td></tr>"
        )
    head = "".join(
        f"<th>{h}</th>"
        for h in ("date", "place", "attack", "perpetrator", "killed", "wounded", "sources")
    )
    return (
        f'<table id="events"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def map_outlines(
    outlines: dict[str, Any] | None, governorates: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The map's outlines: one per governorate, its polygons' rings as [lon, lat] pairs, named
    by the warehouse's own governorate of the same place_id (so it meets the events' admin1),
    else by the name the outline file carries."""
    names = {g["place_id"]: (g["admin1"], g["country_code"]) for g in governorates}
    shapes = []
    for f in (outlines or {}).get("features", []):
        geom, props = f.get("geometry") or {}, f.get("properties") or {}
        kind, coords = geom.get("type"), geom.get("coordinates") or []
        polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
        rings = [ring for poly in polygons for ring in poly]
        if not rings:
            continue
        admin1, country = names.get(props.get("place_id"), (props.get("admin1"), None))
        shapes.append(
            {
                "admin1": admin1 or props.get("name"),
                "country_code": country or props.get("country"),
                "rings": rings,
            }
        )
    return shapes


def _kpis(totals: dict[str, Any], n_events: int, governorates: int) -> str:
    """The headline figures, as HTML."""
    return "".join(
        f'<div class="kpi"><b>{v}</b>{esc(k)}</div>'
        for k, v in (
            ("distinct attacks", n_events),
            ("killed (best estimate)", int(totals.get("killed") or 0)),
            ("wounded (best estimate)", int(totals.get("wounded") or 0)),
            ("governorates", governorates),
            ("outlets", int(totals.get("outlets") or 0)),
        )
    )


def render_report(
    tables: dict[str, pa.Table],
    title: str = "sitrep: attacks report",
    generated: str = "",
    outlines: dict[str, Any] | None = None,
) -> str:
    """The whole page as one HTML string; ``generated`` is shown as given (a timestamp);
    ``outlines``: the governorates' GeoJSON, drawn under the events and shaded by attacks."""
    gov = _records(tables.get("by_governorate"))
    points = _records(tables.get("event_points"))
    events = _records(tables.get("events"))
    sources = _records(tables.get("event_sources"))
    payload = {
        "by_governorate": gov,
        "over_time": time_buckets(_records(tables.get("by_day"))),
        "points": points,
        "reference_places": _records(tables.get("reference_places")),
        "outlines": map_outlines(outlines, _records(tables.get("governorates"))),
    }
    totals = (_records(tables.get("totals")) or [{}])[0]
    n_events = int(totals.get("events") or len(events))
    kpis = _kpis(totals, n_events, len(gov))
    shown = (
        f"The newest {len(events)} of {n_events} attacks; query the rest with `sitrep sql`."
        if len(events) < n_events
        else f"All {n_events} attacks, newest first."
    )
    legend = (
        '<div class="legend"><span><i style="background:var(--attack)"></i>attacks</span>'
        '<span><i style="background:var(--killed)"></i>killed</span>'
        '<span><i style="background:var(--wounded)"></i>wounded</span></div>'
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title><style>{CSS}</style></head>
<body>
<h1>{esc(title)}</h1>
<p class="meta">Generated {esc(generated)}. Distinct attacks (deduplicated events), not reports;
casualties are the best estimates, with low-high ranges in the table.</p>
<div class="kpis">{kpis}</div>
<noscript><p class="note">Charts and map need JavaScript; the table below does not.</p></noscript>
<h2>Attacks and casualties by governorate</h2>{legend}
<div id="chart-governorate"></div>
<h2>Attacks over time</h2>
<p class="note">Columns: attacks per period (left axis); line: people killed (right axis).</p>
<div id="chart-time"></div>
<h2>Where</h2>
<p class="note">{int(totals.get("located") or 0)} of {n_events} attacks are placed more
precisely than their country, at {len(points)} places; circles grow with attacks and
casualties. Governorates are shaded by the number of attacks in them (outlines: Who's On
First, whosonfirst.org, and GeoNames); grey dots: governorate seats, for orientation.</p>
<div id="map"></div>
<h2>Events, their sources and quotes</h2>
<p class="note">{esc(shown)}</p>
{events_table_html(events, sources)}
<script type="application/json" id="report-data">{_json_script(payload)}</script>
<script>{JS}</script>
</body></html>
"""
