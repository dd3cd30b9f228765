/* Small enhancements; every page works without them.
   - a sort <select> applies itself;
   - the comparison's district picker suggests districts as you type;
   - the comparison's charts are drawn with Apache ECharts (static/vendor). */
(function () {
  "use strict";

  // On a phone the filters come before the results: keep only the chosen facets open.
  if (window.matchMedia("(max-width: 800px)").matches) {
    document.querySelectorAll("details.facet").forEach(function (d) {
      if (!d.querySelector(".is-selected")) { d.open = false; }
    });
  }

  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  var picker = document.querySelector("[data-picker]");
  if (picker) {
    var input = picker.querySelector("input[name=add]");
    var list = picker.querySelector(".picker-results");
    var timer = null;
    var hrefFor = function (adcode) {
      var params = new URLSearchParams(window.location.search);
      params.delete("add");
      params.delete("format");
      params.append("d", adcode);
      return window.location.pathname + "?" + params.toString();
    };
    var show = function (results) {
      list.textContent = "";
      results.forEach(function (d) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = hrefFor(d.adcode);
        a.dataset.adcode = d.adcode;
        a.textContent = d.name + " ";
        var meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = d.city === d.province ? d.province : d.city + " · " + d.province;
        a.appendChild(meta);
        li.appendChild(a);
        list.appendChild(li);
      });
    };
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (!q) { show([]); return; }
      timer = setTimeout(function () {
        fetch(picker.dataset.lookup + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.json(); })
          .then(function (data) { if (input.value.trim() === q) show(data.results); })
          .catch(function () { /* the form still submits to the server */ });
      }, 150);
    });
    input.addEventListener("keydown", function (e) {
      var first = list.querySelector("a");
      if (e.key === "ArrowDown" && first) { e.preventDefault(); first.focus(); }
    });
    list.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && i < links.length - 1) { e.preventDefault(); links[i + 1].focus(); }
      if (e.key === "ArrowUp") { e.preventDefault(); (i > 0 ? links[i - 1] : input).focus(); }
      if (e.key === "Escape") { input.focus(); }
    });
  }

  var data = document.getElementById("chart-data");
  if (data && window.echarts) {
    var charts = JSON.parse(data.textContent);
    var styles = getComputedStyle(document.documentElement);
    var accent = styles.getPropertyValue("--accent").trim() || "#2f6f8f";
    var ink = styles.getPropertyValue("--ink").trim() || "#222";
    var muted = styles.getPropertyValue("--muted").trim() || "#5f6b76";
    var draw = function (el) {
      var c = charts[Number(el.dataset.chart)];
      var chart = window.echarts.init(el, null, { renderer: "svg" });
      chart.setOption({
        animation: false,
        aria: { enabled: false },
        grid: { left: 8, right: 96, top: 4, bottom: 4, containLabel: true },
        xAxis: { type: "value", axisLabel: { show: false }, splitLine: { show: false } },
        yAxis: { type: "category", data: c.categories, inverse: true, axisLabel: { color: ink } },
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
          barMaxWidth: 22,
          label: {
            show: true, position: "right", color: ink,
            formatter: function (p) { return c.labels[p.dataIndex]; }
          }
        }]
      });
      window.addEventListener("resize", function () { chart.resize(); });
    };
    // Charts in a folded <details> are drawn when it opens: a closed one has no size.
    document.querySelectorAll("[data-chart]").forEach(function (el) {
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
  }
})();
