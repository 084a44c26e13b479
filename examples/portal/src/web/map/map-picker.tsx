import type { Directory } from '@reshaem/core';
import { MAP_ASSETS } from './map-assets.js';
import type { MapSettings } from './map-settings.js';

/** Leaflet's stylesheet and scripts, and the portal's map script (deferred, same origin). */
function MapScripts() {
  return (
    <>
      <link rel="stylesheet" href={MAP_ASSETS.leafletCss.path} />
      <script src={MAP_ASSETS.leafletJs.path} defer />
      <script src={MAP_ASSETS.pickerJs.path} defer />
    </>
  );
}

/** The tile server's attributes of a map element, when tiles are configured. */
const tileAttributes = (map: MapSettings) =>
  map.tiles ? { 'data-tiles': map.tiles.url, 'data-attribution': map.tiles.attribution } : {};

/**
 * The map picker of the submit form: hidden until its script runs, so that without script the
 * two number inputs are the form, as they always were. With script, a click on the map fills
 * them; the map shows the chosen organisation's region box (every known region's box before
 * one is chosen), over the configured tiles or on a blank background.
 */
export function MapPicker(props: { directory: Directory; map: MapSettings }) {
  const { directory } = props;
  const regions = [...new Set(directory.organisations.map((o) => o.regionCode))];
  const boxes = Object.fromEntries(
    regions.flatMap((code) => {
      const box = directory.regionBounds(code);
      return box ? [[code, box]] : [];
    }),
  );
  const orgRegions = Object.fromEntries(directory.organisations.map((o) => [o.id, o.regionCode]));
  return (
    <>
      <section
        class="map-picker"
        hidden
        data-map-picker="true"
        data-boxes={JSON.stringify(boxes)}
        data-org-regions={JSON.stringify(orgRegions)}
        aria-label="Карта: нажмите, чтобы указать точку"
        {...tileAttributes(props.map)}
      />
      <MapScripts />
    </>
  );
}

/** A small map of the message's point, only when tiles are configured (the text says it all otherwise). */
export function MapView(props: { point: { lat: number; lon: number }; map: MapSettings }) {
  if (!props.map.tiles) return null;
  return (
    <>
      <section
        class="map-view"
        hidden
        data-map-view="true"
        data-lat={String(props.point.lat)}
        data-lon={String(props.point.lon)}
        aria-label="Точка на карте"
        {...tileAttributes(props.map)}
      />
      <MapScripts />
    </>
  );
}
