import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directory, operatorSubmit, T0 } from '../../core/test/helpers.js';
import { createSqlStore, migrate } from '../src/index.js';
import { databaseUrl, testSchema } from './databases.js';
import { bundleProcess, exited, printed, spawnProcess } from './processes/spawn.js';

/*
 * Timer workers as an operator runs them: separate processes over one PostgreSQL, killed
 * with SIGKILL and frozen with SIGSTOP past their lease at random while they work. Each
 * phoned-in message has two timers, the deadline's warning (due soon) and its breach
 * (overdue); firing the breach first would make the warning moot, so a warning lost to a
 * dead worker's claim shows up as a missing history line.
 */
const MESSAGES = 500;
const WORKERS = 4;
const LEASE_MS = 1000;
/** Chaos until every timer fired or this long has passed; then a calm finish. */
const CHAOS_MS = 30_000;
const TIME_LIMIT_MS = 60_000;
/** Every test timer is due by then; the workers' clocks run from it in real time. */
const WORKER_EPOCH = Date.parse('2026-06-01T00:00:00.000Z');

/** A small seeded generator, so that a failing run can be told apart and repeated. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe.skipIf(!databaseUrl)('PostgreSQL: timer workers killed and stalled at random', () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  const children = new Set<ChildProcess>();
  let bundle: string;
  beforeAll(async () => {
    bundle = await bundleProcess('timer-worker');
    schema = await testSchema('chaos');
    await migrate(schema.connect(1));
  });
  afterAll(async () => {
    for (const child of children) {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
    }
    await Promise.all([...children].map(exited));
    await schema?.drop();
  });

  it('fire every due timer exactly once, in due order, with its history line and outbox entry', async () => {
    const db = schema.connect(8);
    const store = await createSqlStore({ directory, db });
    const ids = Array.from({ length: MESSAGES }, (_, i) => `m-c${i}`);
    for (let i = 0; i < ids.length; i += 8) {
      const batch = ids.slice(i, i + 8);
      const results = await Promise.all(
        batch.map((id, j) => {
          const at = new Date(Date.parse(T0) + (i + j) * 60_000).toISOString();
          return store.submit(operatorSubmit({ messageId: id, number: id, at }));
        }),
      );
      expect(results.every((r) => r.ok)).toBe(true);
    }
    const { rows: before } = await sql<{ n: number; last: Date }>`
      SELECT count(*)::int AS n, max(fire_at) AS last FROM timers`.execute(db);
    const timers = before[0]?.n ?? 0;
    expect(timers).toBe(2 * MESSAGES);
    expect(before[0]?.last.getTime()).toBeLessThan(WORKER_EPOCH);

    const seed = Date.now();
    const draw = random(seed);
    const pick = <T>(items: T[]): T | undefined => items[Math.floor(draw() * items.length)];
    let generation = 0;
    // One clock for every worker, restarted ones included: real time, moved forward.
    const clockOffset = String(WORKER_EPOCH - Date.now());
    const start = async () => {
      const child = spawnProcess(bundle, {
        DATABASE_URL: databaseUrl ?? '',
        SCHEMA: schema.schema,
        CLOCK_OFFSET_MS: clockOffset,
        LEASE_MS: String(LEASE_MS),
        WORKER_ID: `w${generation++}`,
      });
      children.add(child);
      child.once('exit', () => children.delete(child));
      await printed(child, 'ready');
      return child;
    };
    const live = await Promise.all(Array.from({ length: WORKERS }, start));
    const stopped = new Set<ChildProcess>();
    const remaining = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM timers`.execute(db)).rows[0]?.n;

    const began = Date.now();
    let kills = 0;
    let stops = 0;
    const restarts: Promise<unknown>[] = [];
    while ((await remaining()) !== 0 && Date.now() - began < CHAOS_MS) {
      await sleep(200 + draw() * 400);
      const running = live.filter((c) => !stopped.has(c));
      const victim = pick(running);
      if (!victim || running.length < 2) {
        // Fewer than two at work (restarts are slow on a busy machine): let them come back
        // rather than spend the chaos time waiting.
        await Promise.all(restarts);
        continue;
      }
      if (draw() < 0.5) {
        // kill -9, then a fresh process in its place.
        victim.kill('SIGKILL');
        kills += 1;
        live.splice(live.indexOf(victim), 1);
        restarts.push(
          exited(victim)
            .then(start)
            .then((child) => live.push(child)),
        );
      } else {
        // Frozen for 1.5 to 3 leases: its claims expire and others take them over.
        victim.kill('SIGSTOP');
        stops += 1;
        stopped.add(victim);
        setTimeout(
          () => {
            victim.kill('SIGCONT');
            stopped.delete(victim);
          },
          LEASE_MS * (1.5 + 1.5 * draw()),
        );
      }
    }
    const chaos = Date.now() - began;
    // Then calm: every worker running, until the rest have fired (or the time is up).
    for (const child of stopped) child.kill('SIGCONT');
    await Promise.all(restarts);
    while ((await remaining()) !== 0 && Date.now() - began < TIME_LIMIT_MS) await sleep(50);
    const duration = Date.now() - began;
    for (const child of children) {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
    }
    await Promise.all([...children].map(exited));

    // Counted from SQL: one history line and one outbox entry per timer, in due order.
    const { rows: fired } = await sql<{
      message_id: string;
      type: string;
      lines: number;
      version: number;
      entries: number;
      entry_version: number | null;
    }>`
      SELECT h.message_id, h.type, count(*)::int AS lines, min(h.version) AS version,
        (SELECT count(*)::int FROM outbox o WHERE o.message_id = h.message_id
          AND o.effect ->> 'reason' = replace(h.type, 'deadline.', 'deadline_')) AS entries,
        (SELECT min(o.version) FROM outbox o WHERE o.message_id = h.message_id
          AND o.effect ->> 'reason' = replace(h.type, 'deadline.', 'deadline_')) AS entry_version
      FROM message_history h
      WHERE h.type IN ('deadline.due_soon', 'deadline.overdue')
      GROUP BY h.message_id, h.type`.execute(db);
    const doubled = fired.filter((f) => f.lines !== 1 || f.entries !== 1);
    const key = (id: string, type: string) => `${id} ${type}`;
    const byKey = new Map(fired.map((f) => [key(f.message_id, f.type), f]));
    const lost = ids.flatMap((id) =>
      ['deadline.due_soon', 'deadline.overdue'].filter((type) => !byKey.has(key(id, type))),
    );
    const outOfOrder = ids.filter(
      (id) =>
        (byKey.get(key(id, 'deadline.due_soon'))?.version ?? 0) >=
        (byKey.get(key(id, 'deadline.overdue'))?.version ?? 0),
    );
    const { rows: logged } = await sql<{ outcome: string; timers: number; lines: number }>`
      SELECT outcome, count(DISTINCT (message_id, timer_id))::int AS timers, count(*)::int AS lines
      FROM timer_log GROUP BY outcome`.execute(db);
    const claimedLeft = await remaining();
    console.log(
      `chaos timers (seed ${seed}): ${timers} timers, ${WORKERS} workers, ${kills} kill -9, ` +
        `${stops} SIGSTOP in ${chaos} ms of chaos, ${duration} ms in all; fired ${fired.length}, lost ${lost.length}, ` +
        `doubled ${doubled.length}, out of order ${outOfOrder.length}, left ${claimedLeft}`,
    );
    expect(claimedLeft).toBe(0);
    expect(lost).toEqual([]);
    expect(doubled).toEqual([]);
    expect(outOfOrder).toEqual([]);
    expect(fired.every((f) => f.entry_version === f.version)).toBe(true);
    expect(fired).toHaveLength(timers);
    // The timer log agrees: each timer fired once, none refused or superseded.
    expect(logged).toEqual([{ outcome: 'fired', timers, lines: timers }]);
    // The chaos happened: at least three workers died or froze while timers were due.
    expect(kills + stops).toBeGreaterThan(2);
  }, 120_000);
});
