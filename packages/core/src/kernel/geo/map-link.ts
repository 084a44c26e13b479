import { z } from 'zod';
import type { GeoPoint } from './geo-point.js';

/**
 * A deployment's link to a point on its map of choice: an `http(s)` address with `{lat}` and
 * `{lon}` where the point's degrees go, e.g.
 * `https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}`. reshaem ships
 * none: without one, nothing people receive links to a third-party map.
 */
export const mapUrlTemplateSchema = z
  .string()
  .trim()
  .max(500)
  .refine((t) => /^https?:\/\/[^\s/]+/i.test(t) && !/\s/.test(t), {
    message: 'Адрес карты начинается с http:// или https:// и не содержит пробелов',
  })
  .refine((t) => t.includes('{lat}') && t.includes('{lon}'), {
    message: 'В адресе карты нужны обе подстановки: {lat} и {lon}',
  });

/**
 * A point as people read it: latitude, then longitude, in degrees with a decimal point.
 *
 * @example
 * formatGeoPoint({ lat: 54.3142, lon: 48.4031 }); // '54.3142, 48.4031'
 */
export const formatGeoPoint = (point: GeoPoint): string => `${point.lat}, ${point.lon}`;

/**
 * The link to a point on the deployment's map, or `undefined` without a template (or with
 * one {@link mapUrlTemplateSchema} refuses: a bad setting links nowhere rather than somewhere
 * unexpected).
 *
 * @example
 * mapLink('https://maps.example.ru/?ll={lon},{lat}', { lat: 54.3142, lon: 48.4031 });
 * // 'https://maps.example.ru/?ll=48.4031,54.3142'
 * mapLink(undefined, { lat: 54.3142, lon: 48.4031 }); // undefined
 */
export function mapLink(template: string | undefined, point: GeoPoint): string | undefined {
  if (template === undefined || !mapUrlTemplateSchema.safeParse(template).success) return;
  return template
    .trim()
    .replaceAll('{lat}', String(point.lat))
    .replaceAll('{lon}', String(point.lon));
}
