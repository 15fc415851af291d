"""The report page's inline style and script (kept apart from the Python that fills it in).

The script draws every chart and the map as SVG from the JSON embedded in the page: nothing is
fetched, so the page works from a file on a machine without network. When it has drawn, it
sets ``data-rendered`` on <body> and one ``data-*`` count per drawing (read by the browser test).
"""

CSS = """
:root { --ink:#1d2433; --muted:#667085; --line:#d0d5dd; --attack:#b42318; --killed:#1d4ed8;
        --wounded:#b54708; --ref:#98a2b3; font-family: system-ui, -apple-system, "Segoe UI",
        Roboto, "DejaVu Sans", sans-serif; color: var(--ink); }
body { margin: 0 auto; max-width: 1100px; padding: 1.5rem; line-height: 1.4; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
.meta, .note { color: var(--muted); font-size: .9rem; }
.kpis { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
.kpi { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; min-width: 8rem; }
.kpi b { display: block; font-size: 1.6rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1rem; }
svg { width: 100%; height: auto; background: #fff; }
svg text { font-size: 11px; fill: var(--ink); }
svg .axis { stroke: var(--line); } svg .grid { stroke: #eef0f3; }
rect.attacks, circle.event { fill: var(--attack); } rect.killed { fill: var(--killed); }
rect.wounded { fill: var(--wounded); } circle.event { fill-opacity: .6; stroke: #7a1a12; }
circle.ref { fill: var(--ref); } path.gov { stroke: #667085; stroke-width: .6;
fill-rule: evenodd; } path.gov:hover { stroke: var(--ink); stroke-width: 1.5; }
text.ref { fill: var(--muted); font-size: 10px; }
polyline.killed { fill: none; stroke: var(--killed); stroke-width: 2; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top;
         text-align: left; }
td.num { text-align: right; white-space: nowrap; }
blockquote { margin: .2rem 0 .5rem; padding-left: .6rem; border-left: 3px solid var(--line); }
.src { color: var(--muted); font-size: .85rem; word-break: break-all; }
.conflict { color: var(--wounded); font-weight: 600; }
.legend span { display: inline-block; margin-right: 1rem; }
.legend i { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; }
"""

JS = r"""
(function () {
  "use strict";
  // The SVG namespace, taken from the parser rather than spelled out as a URL.
  var NS = (function () {
    var probe = document.createElement("div");
    probe.innerHTML = "<svg></svg>";
    return probe.firstChild.namespaceURI;
  })();
  var data = JSON.parse(document.getElementById("report-data").textContent);
  function el(parent, name, attrs, text) {
    var node = document.createElementNS(NS, name);
    for (var k in attrs) { node.setAttribute(k, attrs[k]); }
    if (text !== undefined) { node.textContent = text; }
    parent.appendChild(node);
    return node;
  }
  function tip(node, text) { el(node, "title", {}, text); return node; }
  function svgIn(id, w, h) {
    var host = document.getElementById(id);
    var svg = el(host, "svg", {viewBox: "0 0 " + w + " " + h, role: "img"});
    return svg;
  }
  function maxOf(rows, key) {
    return rows.reduce(function (m, r) { return Math.max(m, r[key]); }, 0);
  }
  function niceMax(v) {
    if (v <= 0) { return 1; }
    var p = Math.pow(10, Math.floor(Math.log10(v))), m = v / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  }

  // Horizontal bars: one row per governorate, one bar per measure.
  function governorates() {
    var rows = data.by_governorate, measures = ["attacks", "killed", "wounded"];
    var rowH = 12 * measures.length + 10, left = 180, w = 1000;
    var h = Math.max(60, rows.length * rowH + 40), plot = w - left - 40;
    var svg = svgIn("chart-governorate", w, h), n = 0;
    var max = {};
    measures.forEach(function (m) { max[m] = niceMax(maxOf(rows, m)); });
    rows.forEach(function (r, i) {
      var y = 20 + i * rowH;
      el(svg, "text", {x: left - 6, y: y + rowH / 2, "text-anchor": "end"}, r.admin1);
      measures.forEach(function (m, j) {
        var bw = plot * r[m] / max[m];
        tip(el(svg, "rect", {"class": "bar " + m, x: left, y: y + j * 12, height: 10,
                             width: Math.max(bw, r[m] > 0 ? 1 : 0)}),
            r.admin1 + ": " + r[m] + " " + m);
        el(svg, "text", {x: left + bw + 4, y: y + j * 12 + 9}, String(r[m]));
        n += 1;
      });
    });
    el(svg, "line", {"class": "axis", x1: left, x2: left, y1: 10, y2: h - 10});
    document.body.setAttribute("data-governorate-bars", n);
  }

  // Columns of attacks per period, with a line of people killed on its own scale.
  function timeline() {
    var rows = data.over_time, w = 1000, h = 260, left = 40, right = 40, top = 15, bottom = 45;
    var svg = svgIn("chart-time", w, h), n = rows.length;
    var plotW = w - left - right, plotH = h - top - bottom, step = plotW / Math.max(n, 1);
    var maxA = niceMax(maxOf(rows, "attacks")), maxK = niceMax(maxOf(rows, "killed"));
    [0, 0.5, 1].forEach(function (f) {
      var y = top + plotH * (1 - f);
      el(svg, "line", {"class": "grid", x1: left, x2: w - right, y1: y, y2: y});
      el(svg, "text", {x: left - 4, y: y + 4, "text-anchor": "end"}, String(maxA * f));
      el(svg, "text", {x: w - right + 4, y: y + 4}, String(maxK * f));
    });
    var pts = [], every = Math.max(1, Math.ceil(n / 12)), bars = 0;
    rows.forEach(function (r, i) {
      var x = left + i * step, bh = plotH * r.attacks / maxA;
      tip(el(svg, "rect", {"class": "bar attacks time", x: x + step * 0.15, width: step * 0.7,
                           y: top + plotH - bh, height: bh}),
          r.period + ": " + r.attacks + " attacks, " + r.killed + " killed");
      bars += 1;
      pts.push((x + step / 2) + "," + (top + plotH * (1 - r.killed / maxK)));
      if (i % every === 0) {
        el(svg, "text", {x: x + step / 2, y: h - bottom + 16, "text-anchor": "middle"}, r.period);
      }
    });
    if (pts.length) { el(svg, "polyline", {"class": "killed", points: pts.join(" ")}); }
    el(svg, "line", {"class": "axis", x1: left, x2: w - right, y1: top + plotH, y2: top + plotH});
    document.body.setAttribute("data-time-bars", bars);
  }

  // Event locations on an equirectangular grid; gazetteer seats as the offline base layer.
  // Shade of a governorate by its attacks: none, then five steps up to the most attacked.
  var SHADES = ["#f2f4f7", "#fee4e2", "#fda29b", "#f04438", "#b42318", "#7a271a"];
  function shade(attacks, max) {
    if (!attacks) { return SHADES[0]; }
    return SHADES[Math.min(5, 1 + Math.floor(5 * (attacks - 1) / Math.max(1, max)))];
  }
  function bounds(pts, outlines, refs) {
    var lat = [], lon = [];
    outlines.forEach(function (o) {
      o.rings.forEach(function (r) {
        r.forEach(function (c) { lon.push(c[0]); lat.push(c[1]); });
      });
    });
    pts.concat(outlines.length || pts.length ? [] : refs).forEach(function (p) {
      lat.push(p.latitude); lon.push(p.longitude);
    });
    if (!lat.length) { lat = [32, 37.5]; lon = [35.5, 48.5]; }  // Syria and Iraq
    var padDeg = outlines.length ? 0.3 : 1;
    return {s: Math.min.apply(null, lat) - padDeg, n: Math.max.apply(null, lat) + padDeg,
            w: Math.min.apply(null, lon) - padDeg, e: Math.max.apply(null, lon) + padDeg};
  }
  function map() {
    var pts = data.points, refs = data.reference_places, outlines = data.outlines || [];
    var w = 1000, h = 620, pad = 30, b = bounds(pts, outlines, refs);
    var s = b.s, n = b.n, wst = b.w, e = b.e;
    // Equirectangular at the map's middle latitude: distances east-west and north-south
    // keep their proportions (what the browser test checks).
    var k = Math.cos((s + n) / 2 * Math.PI / 180);
    var scale = Math.min((w - 2 * pad) / ((e - wst) * k), (h - 2 * pad) / (n - s));
    function x(p) { return pad + (p.longitude - wst) * k * scale; }
    function y(p) { return pad + (n - p.latitude) * scale; }
    var svg = svgIn("map", w, h), g;
    var attacks = {}, most = 0, shaded = 0;
    data.by_governorate.forEach(function (r) {
      attacks[r.admin1 + "|" + r.country_code] = r.attacks;
      most = Math.max(most, r.attacks);
    });
    outlines.forEach(function (o) {
      var d = o.rings.map(function (ring) {
        return "M" + ring.map(function (c) {
          return x({longitude: c[0]}).toFixed(1) + "," + y({latitude: c[1]}).toFixed(1);
        }).join("L") + "Z";
      }).join("");
      var count = attacks[o.admin1 + "|" + o.country_code] || 0;
      if (count) { shaded += 1; }
      tip(el(svg, "path", {"class": "gov", d: d, fill: shade(count, most),
                           "data-admin1": o.admin1, "data-attacks": count}),
          o.admin1 + ": " + count + " attack(s)");
    });
    if (!outlines.length) {
      for (g = Math.ceil(wst); g <= e; g += 1) {
        var gx = x({longitude: g});
        el(svg, "line", {"class": "grid", x1: gx, x2: gx, y1: 0, y2: h});
        el(svg, "text", {"class": "ref", x: gx + 2, y: h - 4}, g + "°E");
      }
      for (g = Math.ceil(s); g <= n; g += 1) {
        var gy = y({latitude: g});
        el(svg, "line", {"class": "grid", y1: gy, y2: gy, x1: 0, x2: w});
        el(svg, "text", {"class": "ref", x: 2, y: y({latitude: g}) - 2}, g + "°N");
      }
    }
    refs.forEach(function (r) {
      if (r.latitude < s || r.latitude > n || r.longitude < wst || r.longitude > e) { return; }
      el(svg, "circle", {"class": "ref", cx: x(r), cy: y(r), r: 2});
      el(svg, "text", {"class": "ref", x: x(r) + 4, y: y(r) - 3}, r.name);
    });
    pts.forEach(function (p) {
      var when = p.first_date === p.last_date ? (p.first_date || "undated")
        : (p.first_date || "?") + " to " + (p.last_date || "?");
      tip(el(svg, "circle", {"class": "event", cx: x(p), cy: y(p),
                             r: 2 + 3 * Math.sqrt(p.attacks) + Math.sqrt(p.killed + p.wounded)}),
          p.location + " (" + p.admin1 + "): " + p.attacks + " attack(s), " + p.killed +
          " killed, " + p.wounded + " wounded, " + when);
    });
    if (outlines.length) {
      SHADES.forEach(function (c, i) {
        el(svg, "rect", {"class": "key", x: w - 200 + i * 30, y: h - 24, width: 30, height: 10,
                         fill: c});
      });
      el(svg, "text", {"class": "ref", x: w - 200, y: h - 28}, "attacks: 0");
      el(svg, "text", {"class": "ref", x: w - 20, y: h - 28, "text-anchor": "end"}, most);
    }
    document.body.setAttribute("data-map-points", pts.length);
    document.body.setAttribute("data-map-outlines", outlines.length);
    document.body.setAttribute("data-map-shaded", shaded);
  }

  governorates();
  timeline();
  map();
  document.body.setAttribute("data-rendered", "true");
})();
"""
