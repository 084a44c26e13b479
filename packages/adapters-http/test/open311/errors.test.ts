import { describe, expect, it } from 'vitest';
import { expectErrors, type Format, readAnswer } from './georeport-client.js';
import { API_KEY, BASE, open311World, WEAK_KEY } from './setup.js';

const formats: Format[] = ['json', 'xml'];
const valid = {
  api_key: API_KEY,
  service_code: 'potholes',
  lat: '53.05',
  long: '158.65',
  description: 'Яма',
};
const without = (key: keyof typeof valid) => {
  const { [key]: _, ...rest } = valid;
  return rest;
};

describe.each(formats)('Open311 errors in %s', (format) => {
  it('POST requests: 403 without a valid api_key, nothing stored', async () => {
    const { client, w } = await open311World();
    const before = (await w.store.list({ id: 'system', roles: [{ role: 'system' }] }, {})).items
      .length;
    expectErrors(await client.postRequest(format, without('api_key')), 403);
    expectErrors(await client.postRequest(format, { ...valid, api_key: 'wrong' }), 403);
    expectErrors(await client.postRequest(format, { ...valid, api_key: WEAK_KEY }), 403);
    const after = (await w.store.list({ id: 'system', roles: [{ role: 'system' }] }, {})).items
      .length;
    expect(after).toBe(before);
  });

  it.each([
    ['no service_code', without('service_code'), 400, 'service_code'],
    ['no description', without('description'), 400, 'description'],
    ['no location', { ...without('lat'), long: '' }, 400, 'location'],
    ['lat without long', without('long'), 400, 'lat and long'],
    ['lat not a number', { ...valid, lat: 'north' }, 400, 'lat'],
    ['lat out of range', { ...valid, lat: '91' }, 400, 'lat'],
    [
      'a point outside the region',
      { ...valid, lat: '54.31', long: '48.40', jurisdiction_id: '41' },
      400,
      'Камчатский край',
    ],
    ['unknown service', { ...valid, service_code: 'nope' }, 404, 'service_code'],
    ['unknown jurisdiction', { ...valid, jurisdiction_id: '99' }, 404, 'jurisdiction_id'],
    ['unknown fact', { ...valid, 'attribute[fact]': 'nope' }, 400, 'attribute[fact]'],
    ['bad public flag', { ...valid, 'attribute[is_public]': 'yes' }, 400, 'is_public'],
    ['bad email', { ...valid, email: 'not-an-email' }, 400, 'email'],
  ])('POST requests: %s', async (_, fields, status, mentions) => {
    const { client } = await open311World();
    const descriptions = expectErrors(await client.postRequest(format, fields), status);
    expect(descriptions.join(' ')).toContain(mentions);
  });

  it('POST requests: a JSON body is refused (the form is the specification’s)', async () => {
    const { w } = await open311World();
    const res = await w.app.request(`${BASE}/requests.${format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(valid),
    });
    expectErrors(await readAnswer(res, format), 400);
  });

  it.each([
    [
      '90 days and a minute',
      { start_date: '2025-01-01T00:00:00Z', end_date: '2025-04-01T00:01:00Z' },
    ],
    ['start after end', { start_date: '2025-02-01T00:00:00Z', end_date: '2025-01-01T00:00:00Z' }],
    ['a date without its zone', { start_date: '2025-01-01T00:00:00' }],
    ['not a date', { end_date: 'yesterday' }],
    ['unknown status', { status: 'pending' }],
    ['an empty id list', { service_request_id: ',' }],
  ])('GET requests: 400 for %s', async (_, params) => {
    const { client } = await open311World();
    expectErrors(await client.requests(format, params), 400);
  });

  it('GET requests: 404 for an unknown jurisdiction; a parameter twice is 400', async () => {
    const { client, w } = await open311World();
    expectErrors(await client.requests(format, { jurisdiction_id: '99' }), 404);
    expectErrors(await client.services(format, { jurisdiction_id: '99' }), 404);
    const twice = await w.app.request(`${BASE}/requests.${format}?status=open&status=closed`);
    expectErrors(await readAnswer(twice, format), 400);
  });

  it('an unknown resource under the prefix is a 404 in the same form', async () => {
    const { w } = await open311World();
    const res = await w.app.request(`${BASE}/nothing.${format}`);
    expectErrors(await readAnswer(res, format), 404);
    const deep = await w.app.request(`${BASE}/a/b/c.${format}`);
    expectErrors(await readAnswer(deep, format), 404);
  });
});

describe('the prefix', () => {
  it('is configurable, and without the option there are no Open311 routes', async () => {
    const { client } = await open311World('/georeport/v2');
    expect((await client.services('json')).status).toBe(200);
    const { w } = await open311World('/georeport/v2');
    expect((await w.app.request(`${BASE}/services.json`)).status).toBe(404);
  });

  it('a resource without a format is a 404 error array in JSON', async () => {
    const { w } = await open311World();
    const res = await w.app.request(`${BASE}/services`);
    expectErrors(await readAnswer(res, 'json'), 404);
  });
});
