/* A background job's progress, followed without reloading the page.
 *
 * An element with data-job-status="URL" holds a <progress> and an element with
 * data-job-text. Every two seconds the script asks URL (the job's state as JSON:
 * state, total, done, text), moves the bar and rewrites the text; when the job
 * has ended it reloads the page once, which then shows the file or the error.
 * Without the script the page still works: its "check again" link reloads it.
 * A static file, not an inline script, so that a strict CSP allows it.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-job-status]");
  if (!box || !window.fetch) return;
  var url = box.getAttribute("data-job-status");
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-job-text]");

  function tick() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (job) {
        if (!job) return setTimeout(tick, 5000);
        if (job.state === "done" || job.state === "failed") return window.location.reload();
        if (bar && job.total !== null) {
          bar.max = Math.max(job.total, 1);
          bar.value = job.done;
        }
        if (text && job.text) text.textContent = job.text;
        setTimeout(tick, 2000);
      })
      .catch(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 2000);
})();
