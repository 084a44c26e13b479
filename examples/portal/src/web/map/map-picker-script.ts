/**
 * The portal's map script, served as `/assets/map-picker.js` (see `map-assets.ts`). Kept as a
 * string in a module, not a file read at start-up, so the portal finds it however it is
 * bundled or run. Plain browser script, no build step: the submit form's picker and the
 * message page's small map over Leaflet (`window.L`).
 */
export const MAP_PICKER_SCRIPT = `/*
 * The portal's maps (Leaflet, served from the portal's own origin): the submit form's picker
 * and the message page's small map. Plain script, no build step. Without it — or without
 * Leaflet — the pages keep their two number inputs and the point as text.
 */
(() => {
  const L = window.L;
  if (!L) return;

  const readJson = (el, name) => {
    try {
      return JSON.parse(el.getAttribute(name) || 'null');
    } catch {
      return null;
    }
  };
  const escapeHtml = (text) =>
    text.replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
    );
  /** Degrees as the inputs take them: at most six decimals (about 10 cm). */
  const degrees = (value) => String(Number(value.toFixed(6)));

  /** A Leaflet map on the element: the configured tiles, or a blank background. */
  function baseMap(el) {
    el.hidden = false;
    const tiles = el.getAttribute('data-tiles');
    const map = L.map(el, { attributionControl: Boolean(tiles), zoomSnap: 0.25 });
    if (tiles) {
      // Attribution is text from the configuration, never markup; no link to Leaflet's site.
      map.attributionControl.setPrefix(false);
      L.tileLayer(tiles, {
        attribution: escapeHtml(el.getAttribute('data-attribution') || ''),
        maxZoom: 19,
      }).addTo(map);
    }
    return map;
  }

  const marker = (map, point) =>
    L.circleMarker(point, {
      radius: 8,
      color: '#b3261e',
      weight: 3,
      fillOpacity: 0.4,
      interactive: false,
    }).addTo(map);

  for (const el of document.querySelectorAll('[data-map-picker]')) {
    const form = el.closest('form');
    const lat = form?.querySelector('input[name="lat"]');
    const lon = form?.querySelector('input[name="lon"]');
    if (!lat || !lon) continue;
    const org = form.querySelector('select[name="orgId"]');
    const boxes = readJson(el, 'data-boxes') || {};
    const orgRegions = readJson(el, 'data-org-regions') || {};
    const map = baseMap(el);
    const outlines = L.layerGroup().addTo(map);
    let chosen = null;
    const show = (point) => {
      if (chosen) chosen.setLatLng(point);
      else chosen = marker(map, point);
    };
    const fit = () => {
      outlines.clearLayers();
      const code = org ? orgRegions[org.value] : undefined;
      const codes = code && boxes[code] ? [code] : Object.keys(boxes);
      let all = null;
      for (const c of codes) {
        const b = boxes[c];
        const bounds = L.latLngBounds([b.minLat, b.minLon], [b.maxLat, b.maxLon]);
        L.rectangle(bounds, { weight: 2, color: '#1f4e79', fill: false, interactive: false }).addTo(
          outlines,
        );
        all = all ? all.extend(bounds) : bounds;
      }
      if (all) map.fitBounds(all, { padding: [12, 12] });
      else map.setView([60, 100], 2);
    };
    const fromInputs = () => {
      const a = Number(lat.value.replace(',', '.'));
      const b = Number(lon.value.replace(',', '.'));
      if (lat.value !== '' && lon.value !== '' && Number.isFinite(a) && Number.isFinite(b)) {
        show([a, b]);
      }
    };
    map.on('click', (event) => {
      const point = event.latlng.wrap();
      lat.value = degrees(point.lat);
      lon.value = degrees(point.lng);
      show(point);
    });
    lat.addEventListener('change', fromInputs);
    lon.addEventListener('change', fromInputs);
    org?.addEventListener('change', fit);
    fit();
    fromInputs();
  }

  for (const el of document.querySelectorAll('[data-map-view]')) {
    const point = [Number(el.getAttribute('data-lat')), Number(el.getAttribute('data-lon'))];
    if (!point.every(Number.isFinite)) continue;
    const map = baseMap(el);
    map.setView(point, 16);
    marker(map, point);
  }
})();
`;
