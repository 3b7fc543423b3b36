// A ticket's own page: while the ticket is in the queue its status is fetched again every few seconds and put in place
// (a polite live region) instead of reloading the whole page, which would interrupt a screen reader (WCAG 2.2.1).
// Without JavaScript the page has a timed refresh.
(function () {
  "use strict";
  var here = document.querySelector("[data-ticket-live]");
  if (!here || !window.fetch || !window.DOMParser) return;
  var seconds = Number(here.getAttribute("data-ticket-live")) || 30;
  var update = function () {
    fetch(window.location.href, { headers: { accept: "text/html" }, credentials: "same-origin" })
      .then(function (r) {
        return r.ok ? r.text() : Promise.reject(new Error(String(r.status)));
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html").querySelector("[data-ticket-status]");
        if (!next) return;
        if (next.innerHTML !== here.innerHTML) here.innerHTML = next.innerHTML;
        // Served, no-show or cancelled: nothing more will change.
        if (next.hasAttribute("data-ticket-live")) window.setTimeout(update, seconds * 1000);
      })
      .catch(function () {
        window.setTimeout(update, seconds * 2000);
      });
  };
  window.setTimeout(update, seconds * 1000);
})();
