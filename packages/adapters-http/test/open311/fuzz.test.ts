/**
 * fast-check fuzzing of the Open311 parameters: every query parameter of the specification
 * (and stray ones) with arbitrary values, arbitrary resource names and POST forms, on the
 * memory store and on PGlite (where NUL bytes and lone surrogates must never reach the
 * database). Whatever comes in, the endpoint never answers 5xx, every refusal is the
 * specification's error array, and a refused POST stores nothing.
 */
import { createSqlStore } from '@reshaem/adapters-sql';
import { createMemoryStore, type MessageStore, SYSTEM_PRINCIPAL } from '@reshaem/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directory } from '../support.js';
import { API_KEY, BASE, open311World } from './setup.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const unit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(',', '-', ':', '.', 'T', 'Z', '+', '1', '9', '0', 'я'),
  },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uD83D\uDE00') },
);
const text = fc.string({ unit, maxLength: 40 });
const value = fc.oneof(
  text,
  fc.constantFrom('open', 'closed', 'open,closed', 'potholes', '41', '73', '99', ''),
  fc
    .date({
      min: new Date(-62_000_000_000_000),
      max: new Date(250_000_000_000_000),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.double().map(String),
);
const paramNames = fc.constantFrom(
  'service_request_id',
  'service_code',
  'start_date',
  'end_date',
  'status',
  'jurisdiction_id',
  'api_key',
  'lat',
  'long',
  'x',
);
const params = fc.array(fc.tuple(paramNames, value), { maxLength: 6 });
/** A URL cannot carry a lone surrogate; the fuzz sends it as the replacement's bytes instead. */
const encode = (s: string) =>
  encodeURIComponent(
    s.replace(/[\uD800-\uDFFF]/g, (c, i, all) => {
      const pair = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(
        all.slice(i - 1, i + 1) + all.slice(i, i + 2),
      );
      return pair ? c : '\uFFFD';
    }),
  ).replace(/%EF%BF%BD/g, '%ED%A0%80');
const query = (pairs: [string, string][]) => pairs.map(([k, v]) => `${k}=${encode(v)}`).join('&');
const resource = fc.constantFrom(
  'discovery',
  'services',
  'requests',
  'services/potholes',
  'requests/m-1',
  'tokens/m-1',
);

const stores: { name: string; open: () => Promise<MessageStore> | MessageStore; runs: number }[] = [
  { name: 'memory', open: () => createMemoryStore({ directory }), runs: RUNS },
  { name: 'PGlite', open: () => createSqlStore({ directory }), runs: Math.ceil(RUNS / 3) },
];

async function expectErrorArray(res: Response, format: string) {
  const body = await res.text();
  expect(res.status, body).toBeLessThan(500);
  if (res.status >= 400) {
    if (format === 'json') {
      const errors = JSON.parse(body) as { code: number; description: string }[];
      expect(errors.every((e) => e.code === res.status && e.description.length > 0)).toBe(true);
    } else {
      expect(body).toContain('<errors><error><code>');
    }
  }
}

describe.each(stores)('Open311 fuzz on $name', ({ open, runs }) => {
  it('GET: any parameters give no 5xx, and refusals are error arrays', {
    timeout: 120_000,
  }, async () => {
    const { w } = await open311World(undefined, await open());
    await fc.assert(
      fc.asyncProperty(
        resource,
        fc.constantFrom('json', 'xml'),
        params,
        async (name, format, pairs) => {
          const res = await w.app.request(`${BASE}/${name}.${format}?${query(pairs)}`);
          await expectErrorArray(res, format);
        },
      ),
      { numRuns: runs },
    );
    await w.store.close();
  });

  it('POST: any form gives no 5xx, and a refused form stores nothing', {
    timeout: 120_000,
  }, async () => {
    const { w } = await open311World(undefined, await open());
    const count = async () => (await w.store.list(SYSTEM_PRINCIPAL, { limit: 200 })).items.length;
    const field = fc.oneof(
      fc.tuple(paramNames, value),
      fc.tuple(
        fc.constantFrom(
          'description',
          'address_string',
          'first_name',
          'email',
          'phone',
          'attribute[fact]',
          'attribute[is_public]',
        ),
        value,
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('json', 'xml'),
        fc.array(field, { maxLength: 8 }),
        fc.boolean(),
        async (format, pairs, withKey) => {
          const before = await count();
          const form = new URLSearchParams(
            withKey ? [['api_key', API_KEY], ['service_code', 'potholes'], ...pairs] : pairs,
          );
          const res = await w.app.request(`${BASE}/requests.${format}`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: form.toString(),
          });
          await expectErrorArray(res, format);
          if (res.status >= 400) expect(await count()).toBe(before);
        },
      ),
      { numRuns: runs },
    );
    await w.store.close();
  });
});
