import { claimSettings } from '@reshaem/core';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { directory, operatorSubmit } from '../../core/test/helpers.js';
import { createSqlStore, type ReshaemDatabase, type SqlStore } from '../src/index.js';
import { claimTimers } from '../src/store/kernel/timer-worker.js';
import { migratedPglite, truncateStore } from './databases.js';

/*
 * A worker killed right after its claim statement leaves exactly this behind: the soonest
 * timer claimed, its lease running, and nothing fired. (The chaos test does it with real
 * processes and `kill -9`; here one claim statement stands for the dead worker, so the
 * order can be checked step by step.)
 */
const YEAR_LATER = '2026-01-15T00:00:00.000Z';
const minutesAfter = (instant: string, n: number) =>
  new Date(Date.parse(instant) + n * 60_000).toISOString();

let db: Kysely<ReshaemDatabase>;
let store: SqlStore;
beforeAll(async () => {
  db = await migratedPglite();
});
beforeEach(async () => {
  await truncateStore(db);
  store = await createSqlStore({ directory, db });
  // A phoned-in message starts its response deadline: a warning, then the breach.
  const created = await store.submit(operatorSubmit());
  expect(created.ok).toBe(true);
  expect((await store.messageTimers('m-op')).map((t) => t.event.type)).toEqual([
    'deadline.due_soon',
    'deadline.overdue',
  ]);
});
afterAll(() => db?.destroy());

const deadWorkerClaims = (leaseMinutes: number) =>
  claimTimers(
    db,
    claimSettings({ now: YEAR_LATER, limit: 1, leaseMs: leaseMinutes * 60_000, workerId: 'dead' }),
  );

const firedTypes = async () =>
  (await store.history('m-op')).filter((h) => h.by.id === 'system').map((h) => h.type);

describe('timers after a worker died holding one', () => {
  it("fire a message's earlier timer first, while the dead claim's lease still runs", async () => {
    const [claimed] = await deadWorkerClaims(60);
    expect(claimed?.timer.event.type).toBe('deadline.due_soon');

    const run = await store.runDueTimers({ now: minutesAfter(YEAR_LATER, 1), workerId: 'w' });
    expect(run.fired.map((f) => f.timer.event.type)).toEqual([
      'deadline.due_soon',
      'deadline.overdue',
    ]);
    expect(await firedTypes()).toEqual(['deadline.due_soon', 'deadline.overdue']);
    expect(await store.messageTimers('m-op')).toEqual([]);
    const log = await store.messageTimerLog('m-op');
    expect(log.map((l) => [l.timer.event.type, l.outcome, l.version])).toEqual([
      ['deadline.due_soon', 'fired', 2],
      ['deadline.overdue', 'fired', 3],
    ]);
    const reasons = (await store.messageOutbox('m-op')).map((e) =>
      e.effect.type === 'notify' ? e.effect.reason : e.effect.type,
    );
    expect(reasons.filter((r) => r.startsWith('deadline_'))).toEqual([
      'deadline_due_soon',
      'deadline_overdue',
    ]);
  });

  it('claim a timer whose claim expired by its due time, ahead of later ones', async () => {
    await deadWorkerClaims(1);
    const now = minutesAfter(YEAR_LATER, 2);
    const first = await store.runDueTimers({ now, limit: 1, workerId: 'w' });
    expect(first.fired.map((f) => [f.timer.event.type, f.message.version])).toEqual([
      ['deadline.due_soon', 2],
    ]);
    await store.runDueTimers({ now, workerId: 'w' });
    expect(await firedTypes()).toEqual(['deadline.due_soon', 'deadline.overdue']);
  });

  it('are released by a stopping worker: claimable at once, at their due time', async () => {
    await deadWorkerClaims(60);
    expect(await store.releaseClaims('dead')).toEqual({ timers: 1, outbox: 0 });
    expect(await store.messageTimers('m-op')).toMatchObject([
      { lockedBy: null, attempts: 1 },
      { lockedBy: null, attempts: 0 },
    ]);
    const [dueSoon] = await store.messageTimers('m-op');
    expect(dueSoon?.availableAt).toBe(dueSoon?.fireAt);
    const run = await store.runDueTimers({ now: YEAR_LATER, limit: 1, workerId: 'w' });
    expect(run.fired.map((f) => f.timer.event.type)).toEqual(['deadline.due_soon']);
  });
});
