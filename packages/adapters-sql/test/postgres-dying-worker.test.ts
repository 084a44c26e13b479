import { type MessageSnapshot, statusOf, type Timer } from '@reshaem/core';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, directory, operatorSubmit, users } from '../../core/test/helpers.js';
import { registerTimers, registrar } from '../../core/test/store-contract/timers.js';
import { createPostgresKysely, createSqlStore, migrate } from '../src/index.js';
import { databaseUrl, testSchema } from './databases.js';

/**
 * A pool whose connection dies after `queries` statements, as a killed worker's would: the
 * server rolls back whatever transaction was open, and the worker never comes back. With
 * `pause`, it stalls there instead until `pause` resolves, as a worker stuck in a long GC
 * pause or a network partition would.
 */
function dyingPool(searchPath: string, queries: number, pause?: Promise<void>): PostgresPool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 1,
    options: `-c search_path=${searchPath}`,
  });
  let count = 0;
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let released = false;
      const release = (error?: Error) => {
        if (released) return;
        released = true;
        client.release(error);
      };
      return {
        query: (async (text: string, parameters: ReadonlyArray<unknown>) => {
          count += 1;
          if (count > queries && pause) await pause;
          else if (count > queries) {
            release(new Error('worker killed'));
            throw new Error('worker killed');
          }
          return client.query(text, [...parameters]);
        }) as unknown as PostgresPoolClient['query'],
        release: () => release(),
      };
    },
    end: () => pool.end(),
  };
}

describe.skipIf(!databaseUrl)('PostgreSQL: a timer worker that dies', () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  beforeAll(async () => {
    schema = await testSchema('dying');
    await migrate(schema.connect(1));
  });
  afterAll(() => schema?.drop());

  it('loses nothing: its timers fire once, after its lease ends', async () => {
    const options = { directory, timersOf: registerTimers, timerPrincipal: registrar };
    const healthy = await createSqlStore({ ...options, db: schema.connect(2) });
    const ids = Array.from({ length: 10 }, (_, i) => `m-d${i}`);
    for (const id of ids) {
      expect((await healthy.submit(operatorSubmit({ messageId: id, number: id }))).ok).toBe(true);
    }
    // Dies in its second firing: after the claim (1 statement) and one whole firing
    // (begin, lock, check the claim, write, commit), while holding the second message.
    const doomed = await createSqlStore({
      ...options,
      db: createPostgresKysely({ pool: dyingPool(schema.schema, 1 + 5 + 3) }),
    });
    const now = '2030-01-01T00:00:00.000Z';
    const leaseMs = 60_000;
    await expect(
      doomed.runDueTimers({ now, limit: 5, leaseMs, workerId: 'doomed' }),
    ).rejects.toThrow('worker killed');
    await doomed.close().catch(() => {});

    const claimedByDoomed = async () =>
      (await Promise.all(ids.map((id) => healthy.messageTimers(id))))
        .flat()
        .filter((t) => t.lockedBy === 'doomed');
    expect(await claimedByDoomed()).toHaveLength(4);

    // Another worker takes what the dead one had not claimed, and leaves its claims alone …
    const first = await healthy.runDueTimers({ now, leaseMs, workerId: 'w1' });
    expect(first).toMatchObject({ claimed: 5, refused: [], skipped: 0 });
    const beforeLeaseEnds = new Date(Date.parse(now) + leaseMs - 1).toISOString();
    expect((await healthy.runDueTimers({ now: beforeLeaseEnds, workerId: 'w1' })).claimed).toBe(0);
    // … until the lease ends: then it fires them.
    const afterLeaseEnds = new Date(Date.parse(now) + leaseMs).toISOString();
    const second = await healthy.runDueTimers({ now: afterLeaseEnds, workerId: 'w2' });
    expect(second).toMatchObject({ claimed: 4, refused: [], skipped: 0 });
    expect(await claimedByDoomed()).toEqual([]);

    for (const id of ids) {
      const history = await healthy.history(id);
      expect(history.filter((h) => h.by.id === 'system')).toHaveLength(1);
      expect(await healthy.messageTimers(id)).toEqual([]);
    }
    await healthy.close();
  });

  it('skips the timers a stalled worker claimed once another took them over', async () => {
    // A recurring timer: the same id comes back an hour after each firing, so a stale
    // claim would find the row again; only the claim check stops a second firing.
    const hourly = (snapshot: MessageSnapshot): Timer[] =>
      statusOf(snapshot) === 'coordination'
        ? [
            {
              id: `${snapshot.context.id}:hourly`,
              messageId: snapshot.context.id,
              fireAt: new Date(Date.parse(snapshot.context.updatedAt) + 3_600_000).toISOString(),
              event: { type: 'registration.update', registeredAt: snapshot.context.createdAt },
            },
          ]
        : [];
    const options = { directory, timersOf: hourly, timerPrincipal: registrar };
    const healthy = await createSqlStore({ ...options, db: schema.connect(2) });
    const ids = Array.from({ length: 3 }, (_, i) => `m-s${i}`);
    for (const id of ids) {
      expect((await healthy.submit(operatorSubmit({ messageId: id, number: id }))).ok).toBe(true);
    }
    let resume!: () => void;
    const pause = new Promise<void>((resolve) => {
      resume = resolve;
    });
    // Stalls right after its claim, before firing anything.
    const stalled = await createSqlStore({
      ...options,
      db: createPostgresKysely({ pool: dyingPool(schema.schema, 1, pause) }),
    });
    const now = at(61);
    const stalledRun = stalled.runDueTimers({ now, leaseMs: 1000, workerId: 'stalled' });
    await expect
      .poll(async () => (await healthy.messageTimers('m-s0'))[0]?.lockedBy)
      .toBe('stalled');

    const later = new Date(Date.parse(now) + 1000).toISOString();
    const takeover = await healthy.runDueTimers({ now: later, workerId: 'w' });
    expect(takeover).toMatchObject({ claimed: 3, refused: [], skipped: 0 });
    expect(await healthy.messageTimers('m-s0')).toMatchObject([{ fireAt: at(120), attempts: 0 }]);
    resume();
    expect(await stalledRun).toMatchObject({ claimed: 3, fired: [], refused: [], skipped: 3 });
    for (const id of ids) {
      const history = await healthy.history(id);
      expect(history.map((h) => [h.by.id, h.at])).toEqual([
        [users.operator.id, at(0)],
        ['system', at(60)],
      ]);
    }
    await stalled.close();
    await healthy.close();
  });
});
