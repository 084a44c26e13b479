import { z } from 'zod';

/**
 * A point on the map in WGS84 degrees (what GPS and web maps speak): latitude −90…90,
 * longitude −180…180, both finite numbers.
 */
export const geoPointSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof geoPointSchema>;

const boxShape = z.object({
  minLon: z.number().min(-180).max(180),
  minLat: z.number().min(-90).max(90),
  maxLon: z.number().min(-180).max(180),
  maxLat: z.number().min(-90).max(90),
});

/**
 * A rectangle of longitudes and latitudes, edges included. It never crosses the
 * antimeridian (Чукотка's does; split it into two boxes if ever needed).
 */
export const boundingBoxSchema = boxShape.refine(
  (b) => b.minLon <= b.maxLon && b.minLat <= b.maxLat,
  { message: 'a bounding box runs from its west-south corner to its east-north corner' },
);
export type BoundingBox = z.infer<typeof boundingBoxSchema>;

const bboxPattern = /^\s*([^,]+),([^,]+),([^,]+),([^,]+)\s*$/;

/**
 * A bounding box as a query parameter writes it, `minLon,minLat,maxLon,maxLat` (the order of
 * GeoJSON, OpenStreetMap and OGC APIs), or as an object.
 */
export const boundingBoxParamSchema = z.union(
  [
    boundingBoxSchema,
    z
      .string()
      .max(200)
      .transform((text, ctx) => {
        const match = bboxPattern.exec(text);
        const numbers = match ? match.slice(1).map((n) => Number(n)) : [];
        if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) {
          ctx.addIssue({
            code: 'custom',
            message: 'Запишите рамку как minLon,minLat,maxLon,maxLat',
          });
          return z.NEVER;
        }
        const [minLon, minLat, maxLon, maxLat] = numbers as [number, number, number, number];
        const box = boundingBoxSchema.safeParse({ minLon, minLat, maxLon, maxLat });
        if (!box.success) {
          for (const issue of box.error.issues)
            ctx.addIssue({ code: 'custom', message: issue.message });
          return z.NEVER;
        }
        return box.data;
      }),
  ],
  {
    error:
      'a bounding box is minLon,minLat,maxLon,maxLat in degrees, west to east and south to north',
  },
);

/**
 * Is the point inside the box (edges included)?
 *
 * @example
 * containsPoint({ minLon: 155, minLat: 50, maxLon: 175, maxLat: 65 }, { lat: 53, lon: 158.6 }); // true
 */
export const containsPoint = (box: BoundingBox, point: GeoPoint): boolean =>
  point.lon >= box.minLon &&
  point.lon <= box.maxLon &&
  point.lat >= box.minLat &&
  point.lat <= box.maxLat;
