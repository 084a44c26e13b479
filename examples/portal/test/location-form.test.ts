import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formPost, page, signIn, startTestPortal, type TestPortal } from './support.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal?.close());

const pothole = { orgId: 'kam-roads', subcategoryId: 'potholes', text: 'Яма у подъезда' };

describe('a point on the submit form', () => {
  it('offers two number inputs that work without script, and shows the point on the card', async () => {
    const cookie = await signIn(portal, 'app-ivanov');
    const form = await page(portal, cookie, '/my');
    expect(form).toMatch(/<input name="lat" type="number"/);
    expect(form).toMatch(/<input name="lon" type="number"/);
    const response = await portal.app.request(
      '/my/messages',
      formPost({ ...pothole, lat: '53.0245', lon: '158,6433' }, cookie),
    );
    expect(response.status).toBe(303);
    const card = await page(portal, cookie, response.headers.get('location') ?? '');
    expect(card).toContain('Точка на карте');
    expect(card).toContain('53.0245, 158.6433');
  });

  it('refuses a point outside the region, or half a point, saying which field', async () => {
    const cookie = await signIn(portal, 'app-ivanov');
    const outside = await portal.app.request(
      '/my/messages',
      formPost({ ...pothole, lat: '54.31', lon: '48.40' }, cookie),
    );
    expect(outside.status).toBe(422);
    const text = await outside.text();
    expect(text).toContain('Точка на карте');
    expect(text).toContain('Камчатский край');
    const half = await portal.app.request(
      '/my/messages',
      formPost({ ...pothole, lat: '53' }, cookie),
    );
    expect(half.status).toBe(422);
  });
});
