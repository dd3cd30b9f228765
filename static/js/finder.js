/* The talent finder's form (templates/finder.html); the page works without it.
   - A persona link carries only what the page was sent for: with this, it ticks its groups in the
     form and sends the whole form, so that the needs, year and place filled in since are kept.
   - After Back or Forward the browser shows the form as it was left (restored, or the page kept
     whole), not as the results are: it is reset to what the page was sent with, which is what the
     results are for. */
(function () {
  "use strict";
  var form = document.querySelector("form.finder-form");
  if (!form) { return; }
  form.querySelectorAll("a[data-groups]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
      event.preventDefault();
      var groups = link.getAttribute("data-groups").split(" ");
      form.querySelectorAll('input[name="group"]').forEach(function (box) {
        box.checked = groups.indexOf(box.value) >= 0;
      });
      form.submit();
    });
  });
  window.addEventListener("pageshow", function () { form.reset(); });
})();
