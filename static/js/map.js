/* The map of districts (templates/partials/district_map.html), drawn with
   Apache ECharts (static/vendor/echarts) on the outline of China that ECharts
   4 shipped (static/vendor/echarts-china-map). The data comes from the page
   (#map-data, json_script); the table under the map has the same rows, so
   the page says everything without this script.
   - a point per district at its longitude and latitude, its area growing
     with its number of offers, one series (colour) per kind of offer;
   - clicking a point opens the district; clicking a kind in the legend hides
     or shows its points. */
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
  function size(n) { return n ? 7 + 5 * Math.sqrt(n) : 6; }

  function series() {
    // Kinds with more offers are drawn first, under the others, so that a
    // small circle is not hidden under a large one at the same district.
    var totals = {};
    data.points.forEach(function (p) {
      Object.keys(p.offers).forEach(function (k) { totals[k] = (totals[k] || 0) + p.offers[k]; });
    });
    var order = data.kinds.map(function (k) { return k.code; })
      .sort(function (a, b) { return (totals[b] || 0) - (totals[a] || 0); });
    return data.kinds.map(function (kind) {
      var points = data.points.filter(function (p) {
        return kind.code === "figures" ? !p.total : p.offers[kind.code];
      });
      return {
        name: kind.name,
        type: "scatter",
        coordinateSystem: "geo",
        itemStyle: { color: COLOURS[kind.code] || "#666", opacity: 0.75, borderColor: "#fff", borderWidth: 1 },
        emphasis: { scale: 1.3 },
        cursor: "pointer",
        data: points.map(function (p) {
          var n = kind.code === "figures" ? 0 : p.offers[kind.code];
          return { name: p.name, value: [p.lon, p.lat, n], url: p.url, summary: p.summary, adcode: p.adcode };
        }),
        symbolSize: function (value) { return size(value[2]); },
        z: 2 + order.indexOf(kind.code)
      };
    });
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
      name: "names", type: "scatter", coordinateSystem: "geo", silent: true, symbolSize: 0, z: 20,
      label: { show: true, position: "right", distance: 10, formatter: "{b}", color: "#1f2933", fontSize: 12,
               textBorderColor: "#fff", textBorderWidth: 3 },
      data: data.points.map(function (p) {
        return { name: p.name, value: [p.lon, p.lat, p.total] };
      })
    };
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
      tooltip: {
        trigger: "item",
        formatter: function (p) { return escape(p.data.summary); }
      },
      geo: geo,
      series: geo.boundingCoords ? series().concat([names()]) : series()
    });
    chart.on("click", function (p) {
      if (p.data && p.data.url) { window.location.href = p.data.url; }
    });
    window.addEventListener("resize", function () { chart.resize(); });
    holder.dataset.drawn = "true";
  }

  fetch(holder.dataset.outline)
    .then(function (response) { return response.json(); })
    .then(draw)
    .catch(function () { holder.hidden = true; /* the table still tells it all */ });
})();
