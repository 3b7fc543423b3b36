// The report form's one enhancement of its own: a "use my location" button that fills the hidden lat/lon fields.
// The map picker (the public part's script) reads and writes the same fields, named by data-lat-input/data-lon-input,
// and hears "report:located" when the device gave a position.
(function () {
  "use strict";
  if (!("geolocation" in navigator)) return;
  var boxes = document.querySelectorAll("[data-map-picker][data-locate-label]");
  for (var i = 0; i < boxes.length; i++) {
    (function (box) {
      var lat = document.getElementById(box.getAttribute("data-lat-input"));
      var lon = document.getElementById(box.getAttribute("data-lon-input"));
      var source = document.getElementById(box.getAttribute("data-source-input"));
      if (!lat || !lon) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--secondary";
      button.setAttribute("data-locate", "");
      button.textContent = box.getAttribute("data-locate-label");
      box.appendChild(button);
      button.addEventListener("click", function () {
        navigator.geolocation.getCurrentPosition(
          function (pos) {
            lat.value = pos.coords.latitude.toFixed(6);
            lon.value = pos.coords.longitude.toFixed(6);
            if (source) source.value = "device";
            box.dispatchEvent(new CustomEvent("report:located", { bubbles: true, detail: { lat: pos.coords.latitude, lon: pos.coords.longitude } }));
          },
          function () {},
          { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
        );
      });
    })(boxes[i]);
  }
})();
