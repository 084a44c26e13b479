import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Hono } from 'hono';
import type { PageEnv } from '../../auth/session.js';
import { MAP_PICKER_SCRIPT } from './map-picker-script.js';

interface Asset {
  path: string;
  type: string;
  body: string;
  etag: string;
}

const require = createRequire(import.meta.url);
const JS = 'text/javascript; charset=utf-8';
/** A file of the installed Leaflet package's `dist`. */
const leafletFile = (name: string) => readFileSync(require.resolve(`leaflet/dist/${name}`), 'utf8');

function asset(path: string, type: string, body: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex');
  return { path: `${path}?v=${hash.slice(0, 12)}`, type, body, etag: `"${hash}"` };
}

/**
 * The maps' scripts and stylesheet, served by the portal from its own origin so that the
 * pages' Content-Security-Policy allows them as `'self'`: Leaflet's `dist` files from the
 * installed package, and the portal's own script (`MAP_PICKER_SCRIPT`). Each address carries the
 * file's hash (`?v=`), so a cache may keep it for a day and an upgrade is fetched anew.
 */
export const MAP_ASSETS = {
  leafletJs: asset('/assets/leaflet/leaflet.js', JS, leafletFile('leaflet.js')),
  leafletCss: asset(
    '/assets/leaflet/leaflet.css',
    'text/css; charset=utf-8',
    leafletFile('leaflet.css'),
  ),
  pickerJs: asset('/assets/map-picker.js', JS, MAP_PICKER_SCRIPT),
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
