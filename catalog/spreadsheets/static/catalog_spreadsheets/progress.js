// Polls the import's status endpoint and moves the progress bar; reloads the page when the job
// stops running (the report or the result is rendered by the server). Without JavaScript the
// page refreshes itself (<noscript> meta refresh).
(function () {
  "use strict";
  var box = document.getElementById("job-progress");
  if (!box || !window.fetch) { return; }
  var bar = document.getElementById("job-progress-bar");
  var processed = document.getElementById("job-processed");
  var total = document.getElementById("job-total");
  var status = document.getElementById("job-status-text");
  var delay = 1000;
  function poll() {
    fetch(box.dataset.url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response); })
      .then(function (data) {
        if (bar) { bar.value = data.percent; bar.textContent = data.percent + " %"; }
        if (status) { status.textContent = data.status_display; }
        if (processed) { processed.textContent = data.processed; }
        if (total) { total.textContent = data.total; }
        if (!data.running) { window.location.reload(); return; }
        delay = Math.min(delay * 1.5, 5000);
        window.setTimeout(poll, delay);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, delay);
})();
