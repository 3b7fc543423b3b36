// The kiosk's ticket: print it at once, then go back to the services after a few seconds. Without JavaScript the page
// has a print button and a timed refresh back to the start.
(function () {
  "use strict";
  var el = document.querySelector("[data-kiosk-return]");
  if (!el) return;
  var back = el.getAttribute("data-kiosk-return");
  var seconds = Number(el.getAttribute("data-kiosk-seconds") || "8");
  var go = function () { window.location.assign(back); };
  window.addEventListener("load", function () {
    try { window.print(); } catch (e) { /* no printer: the number is on screen */ }
    window.setTimeout(go, seconds * 1000);
  });
  // Disable the service buttons after one tap: the form's token already makes a second tap the same ticket.
})();
(function () {
  "use strict";
  var form = document.querySelector("form[data-kiosk-take]");
  if (!form) return;
  form.addEventListener("submit", function () {
    window.setTimeout(function () {
      var buttons = form.querySelectorAll("button");
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
    }, 0);
  });
})();
