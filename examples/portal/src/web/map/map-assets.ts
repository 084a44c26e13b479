import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Hono } from 'hono';
import type { PageEnv } from '../../auth/session.js';

interface Asset {
  path: string;
  type: string;
  body: string;
  etag: string;
}

const require = createRequire(import.meta.url);

function asset(path: string, type: string, file: string): Asset {
  const body = readFileSync(file, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex');
  return { path: `${path}?v=${hash.slice(0, 12)}`, type, body, etag: `"${hash}"` };
}

/**
 * The maps' scripts and stylesheet, served by the portal from its own origin so that the
 * pages' Content-Security-Policy allows them as `'self'`: Leaflet's `dist` files from the
 * installed package, and the portal's own `map-picker.client.js`. Each address carries the
 * file's hash (`?v=`), so a cache may keep it for a day and an upgrade is fetched anew.
 */
export const MAP_ASSETS = {
  leafletJs: asset(
    '/assets/leaflet/leaflet.js',
    'text/javascript; charset=utf-8',
    require.resolve('leaflet/dist/leaflet.js'),
  ),
  leafletCss: asset(
    '/assets/leaflet/leaflet.css',
    'text/css; charset=utf-8',
    require.resolve('leaflet/dist/leaflet.css'),
  ),
  pickerJs: asset(
    '/assets/map-picker.js',
    'text/javascript; charset=utf-8',
    new URL('./map-picker.client.js', import.meta.url).pathname,
  ),
} as const;

/**
 * `GET /assets/…`: the three files of {@link MAP_ASSETS} and nothing else (no directory
 * listing, no other file of the package), public and cacheable.
 *
 * @example
 * registerMapAssets(app);
 */
export function registerMapAssets(app: Hono<PageEnv>): void {
  for (const file of Object.values(MAP_ASSETS)) {
    const route = file.path.split('?')[0] ?? file.path;
    app.get(route, (c) => {
      const headers = {
        'content-type': file.type,
        'cache-control': 'public, max-age=86400',
        etag: file.etag,
      };
      if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, headers);
      return c.body(file.body, 200, headers);
    });
  }
}
