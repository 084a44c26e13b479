import type { StoreWritten } from '@reshaem/core';
import { demoUsers } from '@reshaem/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { directory, operatorSubmit, T0 } from '../../core/test/helpers.js';
import { registerTimers, registrar } from '../../core/test/store-contract/timers.js';
import { createSqlStore, migrate, type SqlStore } from '../src/index.js';
import { databaseUrl, testSchema, truncateStore } from './databases.js';

const MESSAGES = 4;
const BLIND_CLIENTS = 12;
const CAREFUL_CLIENTS = 12;
const EVENTS_PER_CLIENT = 15;

describe.skipIf(!databaseUrl)('PostgreSQL: concurrent writers', () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  /** Three "processes", each with its own pool. */
  let stores: SqlStore[];
  beforeAll(async () => {
    schema = await testSchema('concurrency');
    await migrate(schema.connect(1));
    stores = await Promise.all(
      [0, 1, 2].map(() => createSqlStore({ db: schema.connect(8), directory })),
    );
  });
  beforeEach(() => truncateStore(stores[0]!.db));
  afterAll(() => schema?.drop());

  it('lose no update: versions strictly increase, the history is complete and in order', async () => {
    const ids = Array.from({ length: MESSAGES }, (_, i) => `m-c${i}`);
    for (const id of ids) {
      expect((await stores[0]!.submit(operatorSubmit({ messageId: id }))).ok).toBe(true);
    }
    const event = (client: number, n: number) => ({
      type: 'registration.update',
      at: T0,
      by: demoUsers.coordinatorUlyRoads,
      registrationNumber: `c${client}-${n}`,
    });
    type Got = { client: number; messageId: string; written: StoreWritten };
    const got: Got[] = [];
    let conflicts = 0;

    const blind = async (client: number) => {
      const store = stores[client % stores.length]!;
      for (let n = 0; n < EVENTS_PER_CLIENT; n++) {
        const messageId = ids[(client + n) % MESSAGES]!;
        const result = await store.send(messageId, event(client, n));
        if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
        got.push({ client, messageId, written: result });
      }
    };
    // Read, then write only over what was read: conflicts are expected, and change nothing.
    const careful = async (client: number) => {
      const store = stores[client % stores.length]!;
      for (let n = 0; n < EVENTS_PER_CLIENT; n++) {
        const messageId = ids[(client + n) % MESSAGES]!;
        for (;;) {
          const current = await store.get(messageId);
          const result = await store.send(messageId, event(client, n), {
            expectedVersion: current!.version,
          });
          if (result.ok) {
            got.push({ client, messageId, written: result });
            break;
          }
          expect(result.error.kind).toBe('version_conflict');
          conflicts += 1;
        }
      }
    };
    await Promise.all([
      ...Array.from({ length: BLIND_CLIENTS }, (_, c) => blind(c)),
      ...Array.from({ length: CAREFUL_CLIENTS }, (_, c) => careful(BLIND_CLIENTS + c)),
    ]);

    expect(got).toHaveLength((BLIND_CLIENTS + CAREFUL_CLIENTS) * EVENTS_PER_CLIENT);
    const pairs = new Set(got.map((g) => `${g.messageId}@${g.written.message.version}`));
    expect(pairs.size).toBe(got.length);
    for (const id of ids) {
      const mine = got.filter((g) => g.messageId === id);
      const history = await stores[1]!.history(id);
      const message = await stores[2]!.get(id);
      expect(message?.version).toBe(1 + mine.length);
      expect(history.map((h) => h.version)).toEqual(
        Array.from({ length: 1 + mine.length }, (_, i) => i + 1),
      );
      // Every accepted event is in the history exactly once, under the version it produced.
      const numbers = history.slice(1).map((h) => h.payload.registrationNumber);
      expect(new Set(numbers).size).toBe(mine.length);
      for (const g of mine) {
        expect(history[g.written.message.version - 1]?.payload.registrationNumber).toBe(
          g.written.record.payload.registrationNumber,
        );
      }
      // The snapshot is the last write's: nothing was overwritten by a stale one.
      expect(message?.snapshot.context.registrationNumber).toBe(numbers.at(-1));
      for (let c = 0; c < BLIND_CLIENTS + CAREFUL_CLIENTS; c++) {
        const versions = mine.filter((g) => g.client === c).map((g) => g.written.message.version);
        expect(versions).toEqual([...versions].sort((a, b) => a - b));
        expect(new Set(versions).size).toBe(versions.length);
      }
    }
    console.info(`concurrent writers: ${got.length} events, ${conflicts} version conflicts`);
  });

  it('fire each due timer exactly once, however many workers run', async () => {
    const timed = await Promise.all(
      stores.map((s) =>
        createSqlStore({
          db: s.db,
          directory,
          timersOf: registerTimers,
          timerPrincipal: registrar,
        }),
      ),
    );
    const ids = Array.from({ length: 60 }, (_, i) => `m-t${String(i).padStart(2, '0')}`);
    for (const id of ids) {
      expect((await timed[0]!.submit(operatorSubmit({ messageId: id, number: id }))).ok).toBe(true);
    }
    const now = '2030-01-01T00:00:00.000Z';
    const totals = { claimed: 0, fired: 0, refused: 0, skipped: 0 };
    const worker = async (w: number) => {
      const store = timed[w % timed.length]!;
      for (;;) {
        const run = await store.runDueTimers({ now, limit: 4, workerId: `w${w}` });
        totals.claimed += run.claimed;
        totals.fired += run.fired.length;
        totals.refused += run.refused.length;
        totals.skipped += run.skipped;
        if (run.claimed === 0) return;
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, w) => worker(w)));

    expect(totals).toMatchObject({ fired: ids.length, refused: 0 });
    expect(totals.claimed - totals.skipped).toBe(ids.length);
    for (const id of ids) {
      const history = await timed[1]!.history(id);
      expect(history.map((h) => [h.version, h.type, h.by.id])).toEqual([
        [1, 'submit', demoUsers.operator.id],
        [2, 'registration.update', 'system'],
      ]);
      expect(await timed[2]!.messageTimers(id)).toEqual([]);
    }
  });
});
