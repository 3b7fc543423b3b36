// The citizen-report map (docs/reports/map.md): plain ES2017 for Chrome 109 / Firefox 115, no build step.
// Loaded with `defer` only on pages that have a map placeholder; Leaflet itself is fetched only when a map is shown.
// Settings and texts come from this script's own data attributes (the CSP allows no inline script).
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !document.querySelector) return;
  var cfg = {
    tileUrl: script.getAttribute("data-tile-url") || "",
    attribution: script.getAttribute("data-attribution") || "",
    leafletJs: script.getAttribute("data-leaflet-js"),
    leafletCss: script.getAttribute("data-leaflet-css"),
    mapCss: script.getAttribute("data-map-css"),
    texts: {},
  };
  try {
    cfg.texts = JSON.parse(script.getAttribute("data-texts") || "{}");
  } catch (e) {
    cfg.texts = {};
  }
  var text = function (key, params) {
    var s = cfg.texts[key] || key;
    if (params) {
      Object.keys(params).forEach(function (k) {
        s = s.split("{" + k + "}").join(String(params[k]));
      });
    }
    return s;
  };
  /** Vietnam as a whole: where a map starts when nothing better is known. */
  var START = { center: [16.0, 106.0], zoom: 5 };
  var COLOURS = { open: "#d4351c", answered: "#1d70b8", closed: "#00703c" };

  var leaflet = null;
  function loadLeaflet() {
    if (window.L) return Promise.resolve(window.L);
    if (!leaflet) {
      leaflet = new Promise(function (resolve, reject) {
        // Leaflet's CSS, then ours over it (contrast of its links, for axe and for people).
        [cfg.leafletCss, cfg.mapCss].forEach(function (href) {
          if (!href) return;
          var link = document.createElement("link");
          link.rel = "stylesheet";
          link.href = href;
          document.head.appendChild(link);
        });
        var s = document.createElement("script");
        s.src = cfg.leafletJs;
        s.onload = function () {
          resolve(window.L);
        };
        s.onerror = function () {
          leaflet = null;
          reject(new Error("leaflet"));
        };
        document.head.appendChild(s);
      });
    }
    return leaflet;
  }

  function escapeHtml(s) {
    var d = document.createElement("div");
    d.textContent = s;
    return d.innerHTML;
  }

  function baseMap(L, el) {
    var map = L.map(el, { center: START.center, zoom: START.zoom, scrollWheelZoom: false });
    L.tileLayer(cfg.tileUrl, { maxZoom: 19, attribution: escapeHtml(cfg.attribution) }).addTo(map);
    return map;
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      e.appendChild(c);
    });
    return e;
  }

  // ── The public map: markers from the GeoJSON endpoint, for the part of the commune in view ────────────────────
  function reportMap(box) {
    if (!cfg.tileUrl) return;
    var status = document.querySelector("[data-map-status]");
    var say = function (s) {
      if (status) status.textContent = s;
    };
    loadLeaflet().then(
      function (L) {
        box.hidden = false;
        var fallback = document.querySelector("[data-map-noscript]");
        if (fallback) fallback.hidden = true;
        var map = baseMap(L, box);
        var layer = L.layerGroup().addTo(map);
        var source = box.getAttribute("data-geojson");
        var seq = 0;
        var first = true;
        var load = function () {
          var mine = ++seq;
          var url = source + (first ? "" : "&bbox=" + encodeURIComponent(map.getBounds().toBBoxString()));
          fetch(url, { headers: { accept: "application/geo+json" }, credentials: "same-origin" })
            .then(function (r) {
              if (!r.ok) throw new Error(String(r.status));
              return r.json();
            })
            .then(function (data) {
              if (mine !== seq) return;
              layer.clearLayers();
              var points = [];
              data.features.forEach(function (f) {
                var p = f.properties;
                var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
                points.push(ll);
                var popup = el("div", {}, [
                  el("strong", { text: p.code + " · " + p.category }),
                  el("br"),
                  el("span", { text: p.statusLabel }),
                  el("br"),
                  el("span", { text: [p.village, p.landmark].filter(Boolean).join(" – ") }),
                  el("br"),
                  el("a", { href: p.url, text: text("open") }),
                ]);
                L.circleMarker(ll, {
                  radius: 9,
                  color: "#0b0c0c",
                  weight: 1,
                  fillColor: COLOURS[p.statusGroup] || "#505a5f",
                  fillOpacity: 0.85,
                })
                  .bindPopup(popup)
                  .bindTooltip(p.code + " · " + p.category)
                  .addTo(layer);
              });
              box.setAttribute("data-markers", String(data.features.length));
              say(data.truncated ? text("truncated") : "");
              if (first) {
                first = false;
                if (points.length) map.fitBounds(points, { maxZoom: 16, padding: [24, 24] });
                map.on("moveend", load);
              }
            })
            .catch(function () {
              if (mine === seq) say(text("failed"));
            });
        };
        load();
      },
      function () {
        say(text("failed"));
      },
    );
  }

  // ── The picker on the report form: the phone's location, or a point picked on the map ────────────────────────
  function picker(box) {
    var lat = document.getElementById(box.getAttribute("data-lat-input"));
    var lon = document.getElementById(box.getAttribute("data-lon-input"));
    if (!lat || !lon) return;
    // Nothing to offer (no geolocation, no tiles): the placeholder stays hidden, the village and landmark stand alone.
    if (!navigator.geolocation && !cfg.tileUrl) return;
    var source = box.getAttribute("data-source-input") ? document.getElementById(box.getAttribute("data-source-input")) : null;
    var status = el("p", { role: "status", "aria-live": "polite", class: "hint" });
    var map = null;
    var marker = null;
    var set = function (a, b, how) {
      lat.value = a === "" ? "" : a.toFixed(6);
      lon.value = b === "" ? "" : b.toFixed(6);
      if (source) source.value = how;
      [lat, lon].forEach(function (i) {
        i.dispatchEvent(new Event("input", { bubbles: true }));
        i.dispatchEvent(new Event("change", { bubbles: true }));
      });
      status.textContent = a === "" ? "" : text("located", { lat: lat.value, lon: lon.value });
      clear.hidden = a === "";
    };
    var place = function (L, ll) {
      if (marker) marker.setLatLng(ll);
      else {
        marker = L.marker(ll, { draggable: true, keyboard: true, title: text("pick") }).addTo(map);
        marker.on("dragend", function () {
          var p = marker.getLatLng();
          set(p.lat, p.lng, "map");
        });
      }
    };
    var buttons = el("p", { class: "report-links" });
    if (navigator.geolocation) {
      var locate = el("button", { type: "button", class: "button button--secondary", text: text("locate") });
      locate.addEventListener("click", function () {
        status.textContent = text("locating");
        navigator.geolocation.getCurrentPosition(
          function (pos) {
            set(pos.coords.latitude, pos.coords.longitude, "device");
            if (map && window.L) {
              place(window.L, [pos.coords.latitude, pos.coords.longitude]);
              map.setView([pos.coords.latitude, pos.coords.longitude], 17);
            }
          },
          function () {
            status.textContent = text("denied");
          },
          { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 },
        );
      });
      buttons.appendChild(locate);
    }
    if (cfg.tileUrl) {
      var pick = el("button", { type: "button", class: "button button--secondary", text: text("pick"), "aria-expanded": "false" });
      pick.addEventListener("click", function () {
        pick.disabled = true;
        loadLeaflet().then(
          function (L) {
            pick.hidden = true;
            var holder = el("div", { class: "map-picker__map", role: "application", "aria-label": text("mapLabel") });
            holder.style.height = "20rem";
            holder.style.marginBottom = "1rem";
            box.insertBefore(el("p", { class: "hint", text: text("hint") }), status);
            box.insertBefore(holder, status);
            map = baseMap(L, holder);
            var a = parseFloat(lat.value);
            var b = parseFloat(lon.value);
            if (isFinite(a) && isFinite(b)) {
              map.setView([a, b], 16);
              place(L, [a, b]);
            }
            map.on("click", function (e) {
              place(L, e.latlng);
              set(e.latlng.lat, e.latlng.lng, "map");
            });
            // Without a pointer: arrows move the map (Leaflet's keyboard), Enter marks its centre.
            holder.addEventListener("keydown", function (e) {
              if (e.key !== "Enter" || e.target !== holder) return;
              e.preventDefault();
              var c = map.getCenter();
              place(L, c);
              set(c.lat, c.lng, "map");
            });
            holder.setAttribute("data-ready", "true");
          },
          function () {
            pick.disabled = false;
            status.textContent = text("failed");
          },
        );
      });
      buttons.appendChild(pick);
    }
    var clear = el("button", { type: "button", class: "link-button", text: text("clear") });
    clear.hidden = !(lat.value && lon.value);
    clear.addEventListener("click", function () {
      set("", "", "none");
      if (marker && map) {
        map.removeLayer(marker);
        marker = null;
      }
    });
    buttons.appendChild(clear);
    box.appendChild(buttons);
    box.appendChild(status);
    if (lat.value && lon.value) status.textContent = text("located", { lat: lat.value, lon: lon.value });
    box.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-report-map]"), reportMap);
  Array.prototype.forEach.call(document.querySelectorAll("[data-map-picker]"), picker);
})();
