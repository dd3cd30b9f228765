/* Small enhancements; every page works without them.
   - the lists' filters fold behind a button on phones, and focus returns to the facet just used;
   - a table's "scroll sideways" hint shows only when it overflows;
   - the comparison's district picker suggests districts as you type.
   The charts are static/js/charts.js. */
(function () {
  "use strict";

  // The list pages' filters. A facet link's #fragment names the link (or the facet) just used:
  // after the reload, focus goes back there, not to the top of the page (16 Tabs away).
  var narrow = window.matchMedia("(max-width: 800px)");
  var used = null;
  if (window.location.hash.length > 1) {
    var id = decodeURIComponent(window.location.hash.slice(1));
    used = document.getElementById(id);
    if (used && !used.closest("[data-filters]")) { used = null; }
  }
  var panel = document.querySelector("details[data-filters]");
  if (panel) {
    // On a phone the facets fold behind the "Filters" button, unless a facet was just used;
    // on a wide screen the button is hidden and the facets always open.
    var fold = function () { panel.open = !narrow.matches || used !== null; };
    fold();
    narrow.addEventListener("change", function () { used = null; fold(); });
    if (narrow.matches) {
      panel.querySelectorAll("details.facet").forEach(function (d) {
        if (!d.querySelector(".is-selected") && !d.contains(used)) { d.open = false; }
      });
    }
  }
  if (used) {
    for (var d = used.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) { d.open = true; }
    var target = used.tagName === "DETAILS" ? used.querySelector("summary") : used;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }

  // A table wider than its box scrolls sideways: its hint shows only then.
  var fits = function () {
    document.querySelectorAll("[data-table-scroll]").forEach(function (box) {
      var hint = box.previousElementSibling;
      if (hint && hint.hasAttribute("data-scroll-hint")) {
        hint.toggleAttribute("data-fits", box.scrollWidth <= box.clientWidth + 1);
      }
    });
  };
  fits();
  window.addEventListener("resize", fits);
  document.addEventListener("toggle", fits, true);  // a table folded in <details> is measured when it opens

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
        // English pages show the pinyin names the server stores (name_en …).
        var en = document.documentElement.lang === "en";
        var name = en && d.name_en ? d.name_en : d.name;
        var city = en && d.city_en ? d.city_en : d.city;
        var province = en && d.province_en ? d.province_en : d.province;
        a.textContent = name + " ";
        var meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = city === province ? province : city + " · " + province;
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
})();
