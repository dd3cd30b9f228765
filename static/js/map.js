/* The map of districts (templates/partials/district_map.html), drawn with
   Apache ECharts (static/vendor/echarts) on the outline of China that ECharts
   4 shipped (static/vendor/echarts-china-map). The data comes from the page
   (#map-data, json_script); the table under the map has the same rows, so
   the page says everything without this script.
   - a small pie per district at its longitude and latitude, its area
     growing with its number of offers, a slice (colour) per kind of offer;
   - clicking a pie opens the district; clicking a kind in the legend hides
     or shows its slices, and the pies shrink to what is still shown. */
(function () {
  "use strict";

  var holder = document.querySelector("[data-district-map]");
  var source = document.getElementById("map-data");
  if (!holder || !source || !window.echarts || !window.fetch) { return; }
  var data = JSON.parse(source.textContent);

  // Okabe–Ito and Tol's colour-blind-safe colours, a fixed one per kind.
  var COLOURS = {
    apartment: "#0072B2", workstation: "#E69F00", office_space: "#009E73", fund: "#CC79A7",
    subsidy: "#D55E00", rent_free_period: "#56B4E9", jobs: "#8C6D1F", service_org: "#332288",
    other: "#44AA99", figures: "#999999"
  };

  function escape(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  // Area proportional to the count: the radius grows with its square root.
  function size(n) { return n ? 8 + 6 * Math.sqrt(n) : 8; }

  var byAdcode = {};
  data.points.forEach(function (p) { byAdcode[p.adcode] = p; });

  // A small pie per district at its place: its slices are its offers by
  // kind, its area their number. `selected` is the legend's state: a kind
  // switched off leaves the pies, which shrink to what is still shown, and a
  // district with nothing left shown disappears.
  function pies(selected) {
    var placed = data.points.filter(function (p) { return p.lon !== null && p.lat !== null; });
    var shown = 0;
    var series = placed.map(function (p) {
      var slices = data.kinds.map(function (k) {
        var n = k.code === "figures" ? (p.total ? 0 : 1) : (p.offers[k.code] || 0);
        var on = selected[k.name] !== false;
        return { code: k.code, name: k.name, value: n, on: on, itemStyle: { color: COLOURS[k.code] || "#666" } };
      });
      var visible = slices.filter(function (d) { return d.on && d.value; });
      var offers = visible.reduce(function (sum, d) { return sum + (d.code === "figures" ? 0 : d.value); }, 0);
      if (visible.length) { shown += 1; }
      return {
        type: "pie",
        id: p.adcode,
        name: p.name,
        coordinateSystem: "geo",
        center: [p.lon, p.lat],
        radius: visible.length ? size(offers) / 2 : 0,
        z: 100 - Math.min(90, p.total),  // the largest pies under the smaller ones
        stillShowZeroSum: false,
        label: { show: false },
        labelLine: { show: false },
        emphasis: { scale: true, scaleSize: 4 },
        itemStyle: { borderColor: "#fff", borderWidth: 1 },
        cursor: "pointer",
        tooltip: { formatter: function () { return escape(p.summary); } },
        animation: false,
        data: slices.map(function (d) { return { name: d.name, value: d.value, itemStyle: d.itemStyle }; })
      };
    });
    holder.dataset.shown = String(shown);
    return series;
  }

  // A comparison looks at a few districts: frame them, with some country
  // around; the home page shows all of China.
  function frame() {
    var placed = data.points.filter(function (p) { return p.lon !== null && p.lat !== null; });
    if (!placed.length || holder.dataset.frame !== "points") { return {}; }
    var lons = placed.map(function (p) { return p.lon; });
    var lats = placed.map(function (p) { return p.lat; });
    var west = Math.min.apply(null, lons), east = Math.max.apply(null, lons);
    var south = Math.min.apply(null, lats), north = Math.max.apply(null, lats);
    var pad = Math.max(1.5, (east - west) * 0.3, (north - south) * 0.3);
    return { boundingCoords: [[west - pad, north + pad], [east + pad, south - pad]] };
  }

  // On a comparison, the few districts are named beside their points: a
  // series of its own, left out of the legend, that draws names only.
  function names() {
    return {
      name: "names", type: "scatter", coordinateSystem: "geo", silent: true, symbolSize: 0, z: 200,
      label: { show: true, position: "right", distance: 10, formatter: "{b}", color: "#1f2933", fontSize: 12,
               textBorderColor: "#fff", textBorderWidth: 3 },
      labelLayout: { moveOverlap: "shiftY" },  // neighbours (丰台, 朝阳) keep both names
      data: data.points.map(function (p) {
        var offers = Object.keys(p.offers).reduce(function (sum, k) { return sum + p.offers[k]; }, 0);
        return { name: p.name, value: [p.lon, p.lat, p.total],
                 label: { position: side(p), distance: size(offers) / 2 + 4 } };  // clear of its own pie
      })
    };
  }

  // A name goes on the side away from its nearest neighbour, so that it runs over no other point
  // (丰台's name lay across 朝阳, just east of it).
  function side(p) {
    var nearest = null, best = Infinity;
    data.points.forEach(function (q) {
      if (q === p || q.lon === null || q.lat === null) { return; }
      var d = Math.pow(q.lon - p.lon, 2) + Math.pow(q.lat - p.lat, 2);
      if (d < best) { best = d; nearest = q; }
    });
    return nearest && nearest.lon > p.lon ? "left" : "right";
  }

  function draw(outline) {
    window.echarts.registerMap("china", outline);
    var styles = getComputedStyle(document.documentElement);
    var ink = styles.getPropertyValue("--ink").trim() || "#222";
    var narrow = window.matchMedia("(max-width: 600px)").matches;
    var chart = window.echarts.init(holder, null, { renderer: "svg" });
    var geo = Object.assign({
      map: "china",
      roam: false,
      silent: true,
      top: narrow ? 48 : 36, bottom: 8, left: 8, right: 8,
      itemStyle: { areaColor: "#eef1f4", borderColor: "#b8c2cc", borderWidth: 0.6 },
      label: { show: false }
    }, frame());
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      legend: {
        type: "scroll", top: 0, left: 0, right: 0,
        itemWidth: 12, itemHeight: 12, icon: "circle",
        data: data.kinds.map(function (k) { return k.name; }),
        textStyle: { color: ink, fontSize: narrow ? 11 : 12 }
      },
      tooltip: { trigger: "item" },
      geo: geo,
      series: pies({}).concat(geo.boundingCoords ? [names()] : [])
    });
    chart.on("click", function (p) {
      var point = byAdcode[p.seriesId];
      if (point) { window.location.href = point.url; }
    });
    chart.on("legendselectchanged", function (event) {
      chart.setOption({ series: pies(event.selected) });
    });
    window.addEventListener("resize", function () { chart.resize(); });
    holder.dataset.drawn = "true";
  }

  fetch(holder.dataset.outline)
    .then(function (response) { return response.json(); })
    .then(draw)
    .catch(function () { holder.hidden = true; /* the table still tells it all */ });
})();
