import { randomBytes } from 'node:crypto';
import { createPostgresKysely, createSqlStore, migrate } from '@reshaem/adapters-sql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directory, expectProblem, json, operatorBody, world } from './support.js';

const databaseUrl = process.env.DATABASE_URL;
const LOCK_MS = 300;

async function admin(text: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

describe.skipIf(!databaseUrl)('HTTP over PostgreSQL: a write blocked by a stalled session', () => {
  const schema = `reshaem_t_http_lock_${randomBytes(4).toString('hex')}`;
  const db = createPostgresKysely({
    connectionString: databaseUrl ?? '',
    searchPath: schema,
    lockTimeoutMillis: LOCK_MS,
  });
  beforeAll(async () => {
    await admin(`CREATE SCHEMA ${schema}`);
    await migrate(db);
  });
  afterAll(async () => {
    await db.destroy();
    await admin(`DROP SCHEMA ${schema} CASCADE`);
  });

  it('answers 503 unavailable with Retry-After: 1 after the lock bound, changing nothing', async () => {
    const reported: unknown[] = [];
    const store = await createSqlStore({ db, directory });
    const w = world({ store, onUnexpectedError: (error) => reported.push(error) });
    const created = await w.call('POST', '/messages', { as: 'operator', body: operatorBody() });
    expect(created.status).toBe(201);
    const { id } = await json<{ id: string }>(created);

    // A stalled session: it locked the message in a transaction and stopped.
    const stalled = await db.startTransaction().execute();
    try {
      await stalled.selectFrom('messages').select('id').where('id', '=', id).forUpdate().execute();
      const began = performance.now();
      const res = await w.call('POST', `/messages/${id}/events`, {
        as: 'headUlyRoads',
        body: { type: 'registration.update', registrationNumber: 'REG-1' },
      });
      const ms = performance.now() - began;
      const body = await expectProblem(res, 'unavailable', 503);
      expect(body.reason).toBe('timeout');
      expect(res.headers.get('retry-after')).toBe('1');
      expect(ms).toBeGreaterThanOrEqual(LOCK_MS * 0.9);
      expect(ms).toBeLessThan(LOCK_MS + 3_000);
      expect(reported).toHaveLength(1);
    } finally {
      await stalled.rollback().execute();
    }
    expect((await store.get(id))?.version).toBe(1);
    expect(await store.history(id)).toHaveLength(1);
  });
});
