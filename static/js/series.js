/* Indicators over time (district page, comparison): each series a small line chart drawn with
   Apache ECharts (static/vendor) from the JSON in #series-data (talentkb/summaries.py).
   Reported figures make the line; goals are hollow diamonds apart from it, never joined to it.
   A click on a point opens its sentence; the table beside each chart holds the same points. */
(function () {
  "use strict";
  var data = document.getElementById("series-data");
  if (!data || !window.echarts) { return; }
  var charts = JSON.parse(data.textContent);
  var styles = getComputedStyle(document.documentElement);
  var accent = styles.getPropertyValue("--accent").trim() || "#2f6f8f";
  var goalColor = styles.getPropertyValue("--goal").trim() || "#a4461d";
  var ink = styles.getPropertyValue("--ink").trim() || "#222";
  var palette = [accent, "#b5651d", "#4f7a28", "#7b4f9d", "#a23b5b", "#3d6fb6"];

  var points = function (values, extra) {
    return values.map(function (p) {
      return p ? Object.assign({ value: p.value, label_text: p.label, url: p.url }, extra || {}) : null;
    });
  };

  var draw = function (el) {
    var c = charts[Number(el.dataset.series)];
    var chart = window.echarts.init(el, null, { renderer: "svg" });
    // A chart holds one district's series, or (comparison) one line per district.
    var lines = c.lines || [{ name: c.title, reported: c.reported, goals: c.goals }];
    var series = [];
    lines.forEach(function (line, i) {
      var color = c.lines ? palette[i % palette.length] : accent;
      series.push({
        name: line.name, type: "line", data: points(line.reported), connectNulls: true,
        symbol: "circle", symbolSize: 7, itemStyle: { color: color }, lineStyle: { color: color, width: 2 }
      });
      series.push({
        name: line.name + " · " + c.goal, type: "scatter", data: points(line.goals),
        symbol: "diamond", symbolSize: 11,
        // One district's chart names its goals beside them; the comparison's legend and tooltips do.
        label: c.lines ? { show: false } : { show: true, position: "left", color: goalColor, formatter: c.goal },
        itemStyle: { color: "#fff", borderColor: c.lines ? color : goalColor, borderWidth: 2 }
      });
    });
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      grid: { left: 8, right: 16, top: c.lines ? 28 : 10, bottom: 4, containLabel: true },
      legend: c.lines ? { top: 0, type: "scroll", data: lines.map(function (l) { return l.name; }), textStyle: { color: ink } } : undefined,
      // Every period named (2024Q1 must not vanish between 2024 and 2025), tilted when they crowd.
      xAxis: { type: "category", data: c.periods, axisLabel: { color: ink, interval: 0, fontSize: 11, rotate: c.periods.length > 4 ? 30 : 0 } },
      yAxis: { type: "value", scale: true, axisLabel: { color: ink }, splitNumber: 3 },
      tooltip: {
        trigger: "item",
        formatter: function (p) {
          var d = p.data || {};
          var goal = p.seriesType === "scatter" ? " (" + c.goal + ")" : "";
          var who = c.lines ? p.seriesName.split(" · ")[0] + " " : "";
          return who + c.periods[p.dataIndex] + ": " + d.label_text + goal;
        }
      },
      series: series
    });
    chart.on("click", function (p) { if (p.data && p.data.url) { window.location.href = p.data.url; } });
    window.addEventListener("resize", function () { chart.resize(); });
  };

  document.querySelectorAll("[data-series]").forEach(function (el) {
    var folded = el.closest("details");
    if (folded && !folded.open) {
      folded.addEventListener("toggle", function once() {
        folded.removeEventListener("toggle", once);
        draw(el);
      });
    } else {
      draw(el);
    }
  });
})();
