/**
 * The map picker in Chromium: a click on the map fills the two number inputs, the message is
 * submitted with that point and its page shows it. Without tiles the map is a blank
 * background with the region's box and loads nothing from elsewhere; with tiles (a real tile
 * server on a loopback port) the tiles come from that server alone and the message page
 * shows a small map. Without script the inputs are the form, as before.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapTilesOf } from '../src/web/map/map-settings.js';
import { type BrowserSession, openBrowserSession, skipBrowserTests } from './browser-session.js';

/** Kamchatka's box, as the directory ships it. */
const KAMCHATKA = { minLon: 155.4, minLat: 50.8, maxLon: 174.5, maxLat: 65.1 };

/** A 1×1 PNG: what the loopback tile server answers for every tile. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** Fills the applicant's form but the point, as a person would. */
async function fillTopic(page: Page, text: string) {
  await page.selectOption('select[name="orgId"]', 'kam-roads');
  await page.selectOption('select[name="subcategoryId"]', 'potholes');
  await page.selectOption('select[name="factId"]', 'pothole-street');
  await page.fill('textarea[name="text"]', text);
}

/** Clicks the map's centre (the region box's, once the map fits it) and returns the inputs it filled. */
async function pickPoint(page: Page) {
  const map = page.locator('form[data-form="submit"] .map-picker');
  await map.waitFor({ state: 'visible' });
  await map.click();
  const lat = await page.inputValue('input[name="lat"]');
  const lon = await page.inputValue('input[name="lon"]');
  return { lat, lon };
}

/** Submits the form and returns the message page's point text. */
async function submitAndReadPoint(page: Page) {
  await page.click('form[data-form="submit"] button[type="submit"]');
  await page.waitForURL(/\/messages\/[^/?]+\?done=submit/);
  return page.locator('[data-point]').getAttribute('data-point');
}

describe.skipIf(skipBrowserTests)('the map picker without tiles', () => {
  let session: BrowserSession | undefined;
  const requested: string[] = [];

  beforeAll(async () => {
    session = await openBrowserSession();
    session.page.on('request', (request) => requested.push(request.url()));
  }, 90_000);
  afterAll(async () => {
    await session?.close();
  });

  it('a click on the blank map with the region box fills the inputs; the message shows the point', async () => {
    if (!session) throw new Error('the browser session did not start');
    const { page, base } = session;
    await session.signInAs('app-ivanov');
    await fillTopic(page, 'Яма на дороге: точка указана на карте');
    // The region's box is drawn on a blank background; no tile, no attribution link.
    await expect.poll(() => page.locator('.map-picker svg path').count()).toBeGreaterThan(0);
    expect(await page.locator('.map-picker .leaflet-tile').count()).toBe(0);
    expect(await page.locator('.map-picker .leaflet-control-attribution').count()).toBe(0);

    const { lat, lon } = await pickPoint(page);
    const point = { lat: Number(lat), lon: Number(lon) };
    expect(point.lat).toBeGreaterThan(KAMCHATKA.minLat);
    expect(point.lat).toBeLessThan(KAMCHATKA.maxLat);
    expect(point.lon).toBeGreaterThan(KAMCHATKA.minLon);
    expect(point.lon).toBeLessThan(KAMCHATKA.maxLon);
    expect(lat).toMatch(/^\d+(\.\d{1,6})?$/);
    // The chosen point is marked on the map.
    expect(await page.locator('.map-picker svg path').count()).toBeGreaterThan(1);

    expect(await submitAndReadPoint(page)).toBe(`${lat},${lon}`);
    expect(await page.locator('[data-point]').textContent()).toContain(`${lat}, ${lon}`);
    // No tiles configured: the point is text only.
    expect(await page.locator('.map-view').count()).toBe(0);
    // Nothing came from anywhere but the portal, and the policy blocked nothing.
    expect(requested.filter((url) => !url.startsWith(base))).toEqual([]);
    expect(session.violations).toEqual([]);
  }, 60_000);

  it('without script the map stays hidden and the two inputs still take the point', async () => {
    if (!session) throw new Error('the browser session did not start');
    const browser = session.page.context().browser();
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' });
    try {
      const page = await context.newPage();
      await page.goto(`${session.base}/sign-in`);
      await page.click('button[data-user="app-ivanov"]');
      await page.waitForLoadState();
      await page.goto(`${session.base}/my`);
      expect(await page.locator('.map-picker').isHidden()).toBe(true);
      await fillTopic(page, 'Яма на дороге: точка введена вручную');
      await page.fill('input[name="lat"]', '53.0245');
      await page.fill('input[name="lon"]', '158.6433');
      expect(await submitAndReadPoint(page)).toBe('53.0245,158.6433');
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe.skipIf(skipBrowserTests)('the map picker over a tile server', () => {
  let session: BrowserSession | undefined;
  let tiles: Server;
  const tileRequests: string[] = [];

  beforeAll(async () => {
    tiles = createServer((request, response) => {
      tileRequests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      response.end(TILE);
    });
    await new Promise<void>((done) => tiles.listen(0, '127.0.0.1', done));
    const { port } = tiles.address() as AddressInfo;
    session = await openBrowserSession({
      map: {
        tiles: mapTilesOf(
          `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`,
          '© Тестовые <b>тайлы</b>',
        ),
      },
    });
  }, 90_000);
  afterAll(async () => {
    await session?.close();
    await new Promise((done) => tiles?.close(done));
  });

  it('draws the tiles from the configured server only, and the message page shows a small map', async () => {
    if (!session) throw new Error('the browser session did not start');
    const { page } = session;
    await session.signInAs('app-ivanov');
    await fillTopic(page, 'Яма у остановки: точка на карте с подложкой');
    await expect.poll(() => tileRequests.length).toBeGreaterThan(0);
    expect(tileRequests.every((url) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(url))).toBe(true);
    // The attribution is the configured text, shown as text, with no link to Leaflet's site.
    const attribution = page.locator('.map-picker .leaflet-control-attribution');
    expect(await attribution.textContent()).toBe('© Тестовые <b>тайлы</b>');
    expect(await attribution.locator('a').count()).toBe(0);

    const { lat, lon } = await pickPoint(page);
    expect(lat).not.toBe('');
    const before = tileRequests.length;
    expect(await submitAndReadPoint(page)).toBe(`${lat},${lon}`);
    const view = page.locator('.map-view');
    await view.waitFor({ state: 'visible' });
    await expect.poll(() => tileRequests.length).toBeGreaterThan(before);
    expect(await view.locator('svg path').count()).toBe(1);
    expect(session.violations).toEqual([]);
  }, 60_000);
});
