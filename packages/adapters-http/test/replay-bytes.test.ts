/**
 * An Idempotency-Key replay repeats the first response body byte for byte on every store.
 * PostgreSQL's jsonb keeps object members in its own order (shorter keys first), so a
 * result stored as jsonb came back re-serialized: `{"type":…,"text":…}` replayed as
 * `{"text":…,"type":…}`. The bodies here carry objects whose member order jsonb changes.
 */
import { createSqlStore, type SqlStore } from '@reshaem/adapters-sql';
import { createMemoryStore, type MessageStore } from '@reshaem/core';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseUrl, testSchema } from '../../adapters-sql/test/databases.js';
import { directory, type Handle, potholeBody, type TestWorld, toInWork, world } from './support.js';

interface Backend {
  name: string;
  open(): Promise<MessageStore>;
  close(): Promise<void>;
}

const opened: SqlStore[] = [];
const schemas: Awaited<ReturnType<typeof testSchema>>[] = [];
const backends: Backend[] = [
  { name: 'memory', open: async () => createMemoryStore({ directory }), close: async () => {} },
  {
    name: 'PGlite',
    async open() {
      const store = await createSqlStore({ directory });
      opened.push(store);
      return store;
    },
    close: async () => {
      await Promise.all(opened.map((s) => s.close()));
    },
  },
  ...(databaseUrl
    ? [
        {
          name: 'PostgreSQL',
          async open() {
            const schema = await testSchema('replay');
            schemas.push(schema);
            return createSqlStore({ db: schema.connect(2), directory, migrate: true });
          },
          close: async () => {
            await Promise.all(schemas.map((s) => s.drop()));
          },
        },
      ]
    : []),
];

/** Sends the same request twice with one key: both answers, as text. */
async function twice(w: TestWorld, path: string, as: Handle, body: Record<string, unknown>) {
  const headers = { 'idempotency-key': `k-${path}` };
  const first = await w.call('POST', path, { as, body, headers });
  expect(first.status, await first.clone().text()).toBeLessThan(300);
  w.clock.advance(5);
  const again = await w.call('POST', path, { as, body, headers });
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  return { first: await first.text(), again: await again.text(), status: again.status };
}

describe.each(backends)('Idempotency-Key replays on $name', (backend) => {
  afterAll(() => backend.close());

  it('repeat the first body byte for byte, for a submit and for an event', async () => {
    const w = world({ store: await backend.open() });
    const submit = await twice(w, '/messages', 'applicant', potholeBody());
    expect(submit.status).toBe(201);
    expect(submit.again).toBe(submit.first);
    const { id } = JSON.parse(submit.first) as { id: string };

    for (const step of toInWork) {
      w.clock.advance(1);
      const res = await w.call('POST', `/messages/${id}/events`, {
        as: step.as,
        body: step.event,
      });
      expect(res.status).toBe(200);
    }
    const answer = { type: 'resolved', text: 'Яма заделана', files: [{ name: 'акт.pdf' }] };
    const event = await twice(w, `/messages/${id}/events`, 'executorRoads', {
      type: 'answer.submit',
      answer,
    });
    expect(event.status).toBe(200);
    // The answer's members in the order they were sent, which is not jsonb's order.
    expect(event.first).toContain('"answer":{"type":"resolved","text":"Яма заделана"');
    expect(event.again).toBe(event.first);
  }, 60_000);
});
