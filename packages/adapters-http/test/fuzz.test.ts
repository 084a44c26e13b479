/**
 * fast-check fuzzing of bodies, query strings, headers and paths, on the memory store and
 * on PGlite (where text that PostgreSQL cannot hold — NUL bytes, lone surrogates — used to
 * reach the database). Whatever comes in, the API never answers 5xx, every refusal is an
 * RFC 9457 problem, and a 4xx never changes the store (messages, versions, histories).
 */
import { createSqlStore } from '@reshaem/adapters-sql';
import { createMemoryStore, type MessageStore, messageEventTypes } from '@reshaem/core';
import { eventPayloadArbitrary } from '@reshaem/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  directory,
  drive,
  handles,
  operatorBody,
  potholeBody,
  storeState,
  type TestWorld,
  toAssigned,
  toCoordination,
  toInWork,
  world,
} from './support.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/**
 * The alphabet of generated strings: printable ASCII, some Cyrillic, and what text cannot
 * hold — NUL, lone high and low surrogates — beside a well-formed pair.
 */
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('я', 'Ё', '\u0000', '\uD800', '\uDFFF', '\uD83D\uDE00') },
);
const text = (constraints: { maxLength?: number } = {}) => fc.string({ ...constraints, unit });
/** `encodeURIComponent` throws on a lone surrogate, which a URL cannot carry anyway. */
const encodeSegment = (value: string) =>
  encodeURIComponent(
    value.replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    ),
  );

const backends: {
  name: string;
  open: () => Promise<MessageStore & { close?: () => Promise<void> }>;
  runs: number;
}[] = [
  { name: 'the memory store', open: async () => createMemoryStore({ directory }), runs: RUNS },
  // Each run reads the whole store twice: fewer runs keep PGlite's share to seconds.
  { name: 'PGlite', open: () => createSqlStore({ directory }), runs: Math.ceil(RUNS / 3) },
];

describe.each(backends)('fuzzing on $name', ({ open, runs }) => {
  let w: TestWorld;
  let ids: string[];

  beforeAll(async () => {
    w = world({ store: await open() });
    ids = [
      await drive(w, []),
      await drive(w, toCoordination),
      await drive(w, toAssigned),
      await drive(w, toInWork),
      await drive(w, [], { as: 'operator', body: operatorBody() }),
    ];
  }, 120_000);
  afterAll(async () => {
    await (w.store as { close?: () => Promise<void> }).close?.();
  });

  const caller = fc.option(fc.constantFrom(...handles), { nil: null, freq: 8 });
  const targetId = () => fc.oneof(fc.constantFrom(...ids), text({ maxLength: 20 }));
  const jsonValue = fc.jsonValue({ maxDepth: 3, stringUnit: unit });

  /** Event-like bodies: real event types with fitting or broken payloads, and noise. */
  const eventBody = fc.oneof(
    fc
      .constantFrom(...messageEventTypes)
      .chain((type) =>
        fc.tuple(
          fc.constant(type),
          eventPayloadArbitrary(directory, type),
          fc.dictionary(text({ maxLength: 8 }), jsonValue, { maxKeys: 3 }),
        ),
      )
      .map(([type, payload, extra]) => ({ ...extra, ...payload, type })),
    fc.dictionary(
      fc.constantFrom('type', 'by', 'at', 'answer', 'executorId', 'orgId', 'comment'),
      jsonValue,
    ),
    jsonValue,
  );

  const submitBody = fc.oneof(
    fc
      .record({
        channel: fc.constantFrom('epgu_form', 'operator', 'integration', 'org_widget', 'nope'),
        orgId: fc.constantFrom('kam-roads', 'uly-roads', 'uly-112', 'kam-gov', 'none'),
        text: fc.oneof(text(), fc.constant('Центр мониторинга 112: яма')),
        subcategoryId: fc.constantFrom('potholes', 'road-repair', 'school-food', 'x'),
        messageId: fc.option(text({ maxLength: 30 }), { nil: undefined }),
        lawType: fc.constantFrom('message', 'appeal_59fz', 'other'),
      })
      .map((over) => potholeBody(over)),
    fc.dictionary(text({ maxLength: 12 }), jsonValue),
    jsonValue,
  );

  /** Headers a client might send, sane and not. */
  const headers = fc.record(
    {
      'content-type': fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'application/problem+json',
        'text/plain',
        'application/jsonx',
        '',
        ';;;',
      ),
      'if-match': fc.oneof(
        fc.constantFrom('*', '"1"', '"2"', '"3"', 'W/"2"', '"1", "2"', '""'),
        text(),
      ),
      'idempotency-key': fc.oneof(fc.constantFrom('k1', 'k2', '"k1"'), text({ maxLength: 300 })),
      'if-none-match': fc.oneof(fc.constantFrom('"1"', '*'), text()),
      accept: fc.constantFrom('*/*', 'text/html', 'application/xml'),
    },
    { requiredKeys: [] },
  );

  const asciiHeaders = headers.map((h) =>
    Object.fromEntries(Object.entries(h).filter(([, v]) => /^[\x20-\x7E]*$/.test(v))),
  );

  const rawBody = fc.oneof(
    eventBody.map((b) => JSON.stringify(b) ?? 'null'),
    text({ maxLength: 200 }),
    fc.constantFrom('{', '{"type":', '\u0000', '[1,2', '{"type":"work.take"}'),
  );

  async function expectHonest(res: Response, before: string) {
    expect(res.status).toBeLessThan(500);
    if (res.status >= 400) {
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const body = (await res.json()) as { type: string; status: number };
      expect(body.type).toMatch(/^https:\/\/reshaem\.dev\/problems\/[a-z-]+$/);
      expect(body.status).toBe(res.status);
      expect(await storeState(w.store)).toBe(before);
    } else {
      await res.arrayBuffer();
    }
  }

  describe('fuzzing', () => {
    it('POST /messages/{id}/events: never 5xx, never a change on 4xx', async () => {
      await fc.assert(
        fc.asyncProperty(targetId(), caller, rawBody, asciiHeaders, async (id, as, body, hdrs) => {
          const before = await storeState(w.store);
          const res = await w.call('POST', `/messages/${encodeSegment(id)}/events`, {
            as,
            body,
            headers: { 'content-type': 'application/json', ...hdrs },
          });
          await expectHonest(res, before);
        }),
        { numRuns: runs },
      );
    });

    it('POST /messages: never 5xx, never a change on 4xx', async () => {
      await fc.assert(
        fc.asyncProperty(caller, submitBody, asciiHeaders, async (as, body, hdrs) => {
          const before = await storeState(w.store);
          const res = await w.call('POST', '/messages', {
            as,
            body: JSON.stringify(body) ?? 'null',
            headers: { 'content-type': 'application/json', ...hdrs },
          });
          await expectHonest(res, before);
        }),
        { numRuns: runs },
      );
    });

    const queryKey = fc.oneof(
      fc.constantFrom(
        'folder',
        'statuses',
        'orgIds',
        'executorIds',
        'categoryIds',
        'subcategoryIds',
        'factIds',
        'source',
        'channels',
        'fastTrack',
        'overdue',
        'text',
        'createdFrom',
        'createdTo',
        'sort',
        'direction',
        'limit',
        'cursor',
      ),
      text({ maxLength: 10 }),
    );
    const queryValue = fc.oneof(
      fc.constantFrom(
        'moderation',
        'kam-roads',
        'true',
        'false',
        '0',
        '50',
        '201',
        'asc',
        'desc',
        'createdAt',
        'site',
        'epgu',
        '2025-01-15T00:00:00Z',
        'eyJ4Ijox',
        'WyIiLCIiXQ',
      ),
      text({ maxLength: 30 }),
    );
    const queryString = fc
      .array(fc.tuple(queryKey, queryValue), { maxLength: 6 })
      .map((pairs) => new URLSearchParams(pairs).toString());

    it('GET list and export query strings: never 5xx, reads never change anything', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('/messages', '/messages/export.csv', '/messages/export.xlsx', '/folders'),
          queryString,
          caller,
          async (path, query, as) => {
            const before = await storeState(w.store);
            const res = await w.call('GET', `${path}?${query}`, { as });
            expect(res.status).toBeLessThan(500);
            if (res.status >= 400)
              expect(res.headers.get('content-type')).toBe('application/problem+json');
            await res.arrayBuffer();
            expect(await storeState(w.store)).toBe(before);
          },
        ),
        { numRuns: runs },
      );
    });

    it('any method on any path: never 5xx', async () => {
      const segment = fc.oneof(
        fc.constantFrom(
          'messages',
          'events',
          'history',
          'folders',
          'catalogue',
          'docs',
          'openapi.json',
          'export.csv',
          ...ids,
        ),
        text({ maxLength: 8 }).map(encodeSegment),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'),
          fc.array(segment, { minLength: 0, maxLength: 4 }),
          caller,
          rawBody,
          async (method, segments, as, body) => {
            const before = await storeState(w.store);
            const withBody = method !== 'GET' && method !== 'HEAD';
            const res = await w.call(method, `/${segments.join('/')}`, {
              as,
              ...(withBody ? { body } : {}),
            });
            expect(res.status).toBeLessThan(500);
            await res.arrayBuffer();
            if (res.status >= 400) expect(await storeState(w.store)).toBe(before);
          },
        ),
        { numRuns: runs },
      );
    });
  });
});
