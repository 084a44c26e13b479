import { isStoreUnavailable, type StoreUnavailableError } from '@reshaem/core';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, directory, operatorSubmit, users } from '../../core/test/helpers.js';
import {
  createPostgresKysely,
  createSqlStore,
  migrate,
  type ReshaemDatabase,
} from '../src/index.js';
import { databaseUrl, testSchema } from './databases.js';

const LOCK_MS = 500;
const IDLE_MS = 1_500;

const update = (n: number) => ({
  type: 'registration.update',
  at: at(10 + n),
  by: users.headUlyRoads,
  registrationNumber: `REG-${n}`,
});

/** What `run` threw, and how long it took. */
async function failure(run: () => Promise<unknown>) {
  const began = performance.now();
  try {
    await run();
  } catch (error) {
    return { error, ms: performance.now() - began };
  }
  throw new Error('expected a failure');
}

describe.skipIf(!databaseUrl)('PostgreSQL: bounded waits', () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  const opened: Kysely<ReshaemDatabase>[] = [];
  /** A store session as the store opens it, with short bounds for the test. */
  const connect = (
    bounds: Parameters<typeof createPostgresKysely>[0] = { connectionString: '' },
  ) => {
    const db = createPostgresKysely({
      lockTimeoutMillis: LOCK_MS,
      idleInTransactionTimeoutMillis: IDLE_MS,
      ...bounds,
      connectionString: databaseUrl ?? '',
      searchPath: schema.schema,
    } as Parameters<typeof createPostgresKysely>[0]);
    opened.push(db);
    return db;
  };
  beforeAll(async () => {
    schema = await testSchema('bounds');
    await migrate(schema.connect(1));
  });
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.destroy().catch(() => {})));
    await schema?.drop();
  });

  it('a healthy writer gets a typed error within the lock bound, and carries on once the server ends the stalled session', async () => {
    const healthy = await createSqlStore({ db: connect(), directory });
    expect((await healthy.submit(operatorSubmit({ messageId: 'm-b1' }))).ok).toBe(true);

    // A stalled worker: it locked the message in a transaction, then stopped sending.
    const stalledDb = connect();
    const stalled = await stalledDb.startTransaction().execute();
    await sql`SELECT id FROM messages WHERE id = 'm-b1' FOR UPDATE`.execute(stalled);
    const stalledAt = performance.now();

    const blocked = await failure(() => healthy.send('m-b1', update(1)));
    expect(isStoreUnavailable(blocked.error)).toBe(true);
    expect((blocked.error as StoreUnavailableError).reason).toBe('timeout');
    expect(blocked.ms).toBeGreaterThanOrEqual(LOCK_MS * 0.9);
    expect(blocked.ms).toBeLessThan(LOCK_MS + 2_000);
    // Nothing of the refused write was stored.
    expect((await healthy.get('m-b1'))?.version).toBe(1);
    expect(await healthy.history('m-b1')).toHaveLength(1);

    // The server ends the idle transaction: its lock goes, the healthy writer gets through.
    await expect
      .poll(
        async () => {
          const r = await healthy.send('m-b1', update(2));
          return r.ok && r.message.version;
        },
        { timeout: IDLE_MS + 5_000, interval: 100 },
      )
      .toBe(2);
    const freedAfterMs = performance.now() - stalledAt;
    expect(freedAfterMs).toBeGreaterThanOrEqual(IDLE_MS * 0.9);
    // The stalled worker finds its session gone and its work rolled back.
    await expect(stalled.commit().execute()).rejects.toThrow();
    // Rolling back hands the dead connection back to the pool.
    await stalled
      .rollback()
      .execute()
      .catch(() => {});
    expect(await healthy.history('m-b1')).toHaveLength(2);
    console.log(
      `bounded waits: lock wait ended after ${Math.round(blocked.ms)} ms (bound ${LOCK_MS}); ` +
        `stalled session ended, writer through after ${Math.round(freedAfterMs)} ms (bound ${IDLE_MS})`,
    );
  });

  it('cancels a statement that runs past statement_timeout', async () => {
    const db = connect({ connectionString: '', statementTimeoutMillis: 300 });
    const slow = await failure(() => sql`SELECT pg_sleep(5)`.execute(db));
    expect((slow.error as { code?: string }).code).toBe('57014');
    expect(slow.ms).toBeLessThan(2_000);
    // The session is still good for the next statement.
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(db)).rows).toEqual([{ one: 1 }]);
  });

  it('a full pool makes a caller wait connectionTimeoutMillis at most: overloaded', async () => {
    const db = connect({ connectionString: '', max: 1, connectionTimeoutMillis: 300 });
    const store = await createSqlStore({ db, directory });
    const holder = await db.startTransaction().execute();
    await sql`SELECT 1`.execute(holder);
    const waited = await failure(() => store.get('m-b1'));
    expect((waited.error as StoreUnavailableError).reason).toBe('overloaded');
    expect(waited.ms).toBeLessThan(2_000);
    await holder.rollback().execute();
    expect((await store.get('m-b1'))?.id).toBe('m-b1');
  });

  it('a server nobody listens on is unreachable at once, not a hang', async () => {
    const url = new URL(databaseUrl ?? '');
    url.port = '1'; // nothing listens on port 1 of the loopback
    const db = createPostgresKysely({ connectionString: url.toString() });
    opened.push(db);
    const store = await createSqlStore({ db, directory });
    const refused = await failure(() => store.get('m-b1'));
    expect((refused.error as StoreUnavailableError).reason).toBe('unreachable');
    expect(refused.ms).toBeLessThan(5_000);
  });
});
