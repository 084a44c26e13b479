/**
 * The maps in-process: Leaflet and the picker script served from the portal's own origin
 * (those three files and nothing else), the picker in the submit forms only as a hidden
 * enhancement, the tile server as configuration that the policy then allows, and nothing
 * from elsewhere by default.
 */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { MAP_ASSETS } from '../src/web/map/map-assets.js';
import { mapTilesOf } from '../src/web/map/map-settings.js';
import { formPost, memoryPortalApp } from './support.js';

const TILES = 'https://tiles.example.org/osm/{z}/{x}/{y}.png';

async function signedIn(portal: ReturnType<typeof memoryPortalApp>, userId: string) {
  const response = await portal.app.request('/sign-in', formPost({ userId }));
  return response.headers.get('set-cookie')?.split(';')[0] ?? '';
}

describe('the maps’ files', () => {
  it('serves Leaflet and the picker script with their hash, cacheable, to anyone', async () => {
    const { app } = memoryPortalApp();
    for (const [file, type] of [
      [MAP_ASSETS.leafletJs, 'text/javascript; charset=utf-8'],
      [MAP_ASSETS.leafletCss, 'text/css; charset=utf-8'],
      [MAP_ASSETS.pickerJs, 'text/javascript; charset=utf-8'],
    ] as const) {
      expect(file.path).toMatch(/\?v=[0-9a-f]{12}$/);
      const response = await app.request(file.path);
      expect(response.status, file.path).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe(file.body);
      const again = await app.request(file.path, {
        headers: { 'if-none-match': response.headers.get('etag') ?? '' },
      });
      expect(again.status).toBe(304);
    }
    expect(MAP_ASSETS.leafletJs.body).toContain('Leaflet 1.9.4');
  });

  it('serves no other file', async () => {
    const { app } = memoryPortalApp();
    for (const path of [
      '/assets/leaflet/leaflet-src.js',
      '/assets/leaflet/images/marker-icon.png',
      '/assets/leaflet/../../package.json',
      '/assets/map-picker-script.ts',
      '/assets/',
      '/assets/%2e%2e/src/config.ts',
    ]) {
      expect((await app.request(path)).status, path).toBe(404);
    }
  });
});

describe('the map picker in the forms', () => {
  it('is in the applicant’s and the operator’s forms, hidden until its script runs', async () => {
    const portal = memoryPortalApp();
    for (const [user, path] of [
      ['app-ivanov', '/my'],
      ['op-uly-112', '/operator'],
    ] as const) {
      const html = await (
        await portal.app.request(path, { headers: { cookie: await signedIn(portal, user) } })
      ).text();
      expect(html, user).toMatch(/<section class="map-picker" hidden="" data-map-picker="true"/);
      expect(html).toContain('data-boxes="{&quot;41&quot;:{&quot;minLon&quot;:155.4');
      expect(html).toContain(`src="${MAP_ASSETS.pickerJs.path}"`);
      expect(html).not.toContain('data-tiles');
      // The two inputs stay the form's fields.
      expect(html).toContain('name="lat"');
      expect(html).toContain('name="lon"');
    }
  });

  it('takes the tile server from the configuration and lets the policy allow its images', async () => {
    const portal = memoryPortalApp({ map: { tiles: mapTilesOf(TILES, '© OpenStreetMap') } });
    const response = await portal.app.request('/my', {
      headers: { cookie: await signedIn(portal, 'app-ivanov') },
    });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("img-src 'self' https://tiles.example.org;");
    const html = await response.text();
    expect(html).toContain(`data-tiles="${TILES}"`);
    expect(html).toContain('data-attribution="© OpenStreetMap"');
    // By default the policy allows images of the portal alone.
    const plain = memoryPortalApp();
    const page = await plain.app.request('/sign-in');
    expect(page.headers.get('content-security-policy')).toContain("img-src 'self';");
  });

  it('reads RESHAEM_MAP_TILES and refuses one that is not a tile template', () => {
    expect(readConfig([], {}).map).toEqual({});
    expect(
      readConfig([], { RESHAEM_MAP_TILES: TILES, RESHAEM_MAP_ATTRIBUTION: ' © OSM ' }).map,
    ).toEqual({ tiles: { url: TILES, attribution: '© OSM', origin: 'https://tiles.example.org' } });
    expect(mapTilesOf('https://{s}.tile.example.org/{z}/{x}/{y}.png', '').origin).toBe(
      'https://*.tile.example.org',
    );
    for (const [url, why] of [
      ['tiles.example.org/{z}/{x}/{y}.png', /http/],
      ['https://tiles.example.org/{z}/{x}.png', /\{y\} is missing/],
      ["https://tiles.example.org/{z}/{x}/{y}.png'; script-src *", /spaces or quotes/],
      ['javascript:alert(1)//{z}{x}{y}', /http/],
    ] as const) {
      expect(() => readConfig([], { RESHAEM_MAP_TILES: url }), url).toThrow(why);
    }
  });
});
