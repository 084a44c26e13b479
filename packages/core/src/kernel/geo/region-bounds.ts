import type { BoundingBox } from './geo-point.js';

/**
 * Bounding boxes of the subjects the demo world and the tests use, generous by a few
 * hundredths of a degree around their outermost points. A portal adds (or replaces) others
 * through the directory's `regionBounds`.
 *
 * - 41 Камчатский край: Cape Lopatka (50.87° N) to the Koryak highlands (~64.8° N), the
 *   Okhotsk coast (~155.5° E) to the Komandorski Islands and the Olyutorsky coast (~174.4° E);
 * - 73 Ульяновская область: 52.45°–54.87° N, 45.83°–50.21° E.
 */
export const SHIPPED_REGION_BOUNDS: Readonly<Record<string, BoundingBox>> = {
  '41': { minLon: 155.4, minLat: 50.8, maxLon: 174.5, maxLat: 65.1 },
  '73': { minLon: 45.8, minLat: 52.4, maxLon: 50.25, maxLat: 54.9 },
};
