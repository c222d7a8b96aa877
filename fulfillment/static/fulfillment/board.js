/* Offline queue of the partner board (and cooperative forms marked data-queue): a step sent while the network is down is kept in
   localStorage and sent again when the phone is back online. The server treats the same
   idempotency key twice as one step, so resending is always safe. Without JS the forms post
   normally. */
(function () {
  "use strict";
  var KEY = "coopstore.partner.queue";
  var note = document.querySelector("[data-queue-note]");
  function load() { try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; } }
  function save(items) { localStorage.setItem(KEY, JSON.stringify(items)); show(items); }
  function show(items) {
    if (!note) return;
    note.hidden = !items.length;
    note.textContent = items.length ? (document.documentElement.lang === "ar"
      ? "خطوات في الانتظار: " : document.documentElement.lang === "en"
      ? "Steps waiting for the network: " : "Étapes en attente du réseau : ") + items.length : "";
  }
  function send(item) {
    return fetch(item.action, {method: "POST", body: new URLSearchParams(item.body),
      credentials: "same-origin", redirect: "manual",
      headers: {"X-Requested-With": "fetch"}});
  }
  function flush() {
    var items = load();
    if (!items.length || !navigator.onLine) return;
    var left = [];
    var chain = Promise.resolve();
    items.forEach(function (item) {
      chain = chain.then(function () {
        return send(item).catch(function () { left.push(item); });
      });
    });
    chain.then(function () { save(left); if (!left.length) window.location.reload(); });
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-queue") || !window.fetch) return;
    event.preventDefault();
    var item = {action: form.action, body: Array.from(new FormData(form).entries())};
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    send(item).then(function () {
      // The step's redirect is not followed here (its flash message would be lost): load
      // the board again, which shows the outcome.
      window.location.assign(window.location.pathname + window.location.search);
    }).catch(function () {
      var items = load(); items.push(item); save(items);
      if (button) button.disabled = false;
    });
  });
  window.addEventListener("online", flush);
  show(load());
  flush();
})();
