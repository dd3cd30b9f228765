/* The charts, drawn with Apache ECharts (static/vendor); every page says the same in a table or in words.
   - the comparison's bars, one chart beside each row, from the JSON in #chart-data;
   - indicators over time (district page, comparison), each a small line chart from #series-data
     (talentkb/summaries.py): reported figures make the line; goals are hollow diamonds apart from
     it, never joined to it. A click on a point opens its sentence. */
(function () {
  "use strict";
  if (!window.echarts) { return; }
  var styles = getComputedStyle(document.documentElement);
  var accent = styles.getPropertyValue("--accent").trim() || "#2f6f8f";
  var goalColor = styles.getPropertyValue("--goal").trim() || "#a4461d";
  var ink = styles.getPropertyValue("--ink").trim() || "#222";
  var muted = styles.getPropertyValue("--muted").trim() || "#5f6b76";
  var palette = [accent, "#b5651d", "#4f7a28", "#7b4f9d", "#a23b5b", "#3d6fb6"];

  // Each element [data-NAME="i"] gets chart i of the JSON in #ID. Charts in a folded <details>
  // are drawn when it opens: a closed one has no size.
  var drawAll = function (id, name, draw) {
    var data = document.getElementById(id);
    if (!data) { return; }
    var charts = JSON.parse(data.textContent);
    document.querySelectorAll("[data-" + name + "]").forEach(function (el) {
      var c = charts[Number(el.dataset[name])];
      var folded = el.closest("details");
      if (folded && !folded.open) {
        folded.addEventListener("toggle", function once() {
          folded.removeEventListener("toggle", once);
          draw(el, c);
        });
      } else {
        draw(el, c);
      }
    });
  };

  // The width of the longest of these labels as ECharts writes them (12px sans-serif), and a margin.
  var measure = document.createElement("canvas").getContext("2d");
  var labelRoom = function (labels) {
    measure.font = "12px sans-serif";
    return 16 + Math.max.apply(null, labels.map(function (t) { return measure.measureText(t).width; }));
  };

  var barWidth = 12;
  var bars = function (el, c) {
    var chart = window.echarts.init(el, null, { renderer: "svg" });
    // Room on the right for the longest label, up to 55% of the chart; a longer one breaks onto a second line.
    // Each district's name is written above its bar, not beside it: beside, English names ("Changtai
    // District") and figures ("≤ 30,000,000 yuan") took the whole width and left the bars none.
    var room = Math.min(labelRoom(c.labels), el.clientWidth * 0.55);
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      grid: { left: 1, right: room, top: 14, bottom: 0 },
      xAxis: { type: "value", axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: {
        type: "category", data: c.categories, inverse: true, axisTick: { show: false },
        axisLabel: {
          color: ink, inside: true, align: "left", verticalAlign: "bottom", margin: 0,
          padding: [0, 0, barWidth / 2 + 3, 5]
        }
      },
      tooltip: { trigger: "item", formatter: function (p) { return p.name + ": " + c.labels[p.dataIndex]; } },
      series: [{
        type: "bar",
        // A district without the figure gets no bar (never one that reads as zero),
        // and its label says why: "not reported" or "another unit".
        data: c.values.map(function (v, i) {
          return c.missing[i]
            ? { value: 0, itemStyle: { color: "transparent" }, label: { color: muted, fontStyle: "italic" } }
            : v;
        }),
        itemStyle: { color: accent, borderRadius: [0, 3, 3, 0] },
        barWidth: barWidth,
        label: {
          show: true, position: "right", color: ink, width: room - 12, overflow: "break",
          formatter: function (p) { return c.labels[p.dataIndex]; }
        }
      }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  };

  var points = function (values, extra) {
    return values.map(function (p) {
      return p ? Object.assign({ value: p.value, label_text: p.label, url: p.url }, extra || {}) : null;
    });
  };

  var overTime = function (el, c) {
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

  drawAll("chart-data", "chart", bars);
  drawAll("series-data", "series", overTime);
})();
