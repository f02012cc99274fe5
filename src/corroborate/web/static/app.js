/* The front page's map: offline outlines, event markers from the listed events, and the
   optional online tile layer. Markers are rebuilt from #map-data whenever HTMX swaps in a
   new list, so the map always shows what the list shows. Popup content comes from
   server-rendered (escaped) <template> elements; nothing here builds HTML from strings. */
(function () {
  "use strict";

  var mapElement = document.getElementById("map");
  if (!mapElement || !window.L) {
    return;
  }
  var staticRoot = mapElement.dataset.static || "/static";
  var map = L.map(mapElement, { worldCopyJump: true, zoomSnap: 0.5 }).setView([50.5, 35], 5);
  map.attributionControl.addAttribution("Outlines: Natural Earth");

  // The outlines lie under the tiles: offline they are the whole basemap; with a tile
  // server they show through wherever tiles are missing.
  map.createPane("outlines");
  map.getPane("outlines").style.zIndex = "150";

  function outlines(file, style) {
    return fetch(staticRoot + "/" + file)
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data) {
          L.geoJSON(data, { pane: "outlines", interactive: false, style: style }).addTo(map);
        }
      })
      .catch(function () {
        /* A basemap that fails to load leaves the markers usable. */
      });
  }
  outlines("countries.geojson", {
    color: "#7d8790", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1
  }).then(function () {
    return outlines("regions.geojson", {
      color: "#a3acb4", weight: 0.6, dashArray: "3 3", fill: false
    });
  });

  var tileUrl = mapElement.dataset.tileUrl;
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 18, attribution: "Tiles: " + new URL(tileUrl.replace("{s}", "a")).host })
      .addTo(map);
  }

  var markers = L.layerGroup().addTo(map);
  var byKey = new Map();

  function draw(root) {
    markers.clearLayers();
    byKey.clear();
    var points = [];
    root.querySelectorAll(".map-place").forEach(function (element) {
      var lat = parseFloat(element.dataset.lat);
      var lon = parseFloat(element.dataset.lon);
      if (!isFinite(lat) || !isFinite(lon)) {
        return;
      }
      var title = element.dataset.title || "";
      var marker = L.marker([lat, lon], { title: title, alt: title, riseOnHover: true });
      var box = document.createElement("div");
      box.className = "popup";
      var template = element.querySelector("template");
      if (template) {
        box.appendChild(document.importNode(template.content, true));
      }
      marker.bindPopup(box, { maxWidth: 320 });
      marker.addTo(markers);
      byKey.set(element.dataset.key, marker);
      points.push([lat, lon]);
    });
    if (points.length) {
      map.fitBounds(points, { padding: [40, 40], maxZoom: 8 });
    }
  }

  draw(document);
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "results") {
      draw(event.detail.target);
    }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.locate");
    if (!button) {
      return;
    }
    var marker = byKey.get(button.dataset.key);
    if (marker) {
      map.setView(marker.getLatLng(), Math.max(map.getZoom(), 8));
      marker.openPopup();
      mapElement.scrollIntoView({ block: "nearest" });
    }
  });
})();
