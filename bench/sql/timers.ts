import type { SqlStore } from '@reshaem/adapters-sql';
import { claimSettings } from '@reshaem/core';
import { sql } from 'kysely';
import { claimTimers } from '../../packages/adapters-sql/src/store/kernel/timer-worker.js';
import { timed } from './reads.js';
import { fmt, log, pct } from './world.js';

export async function benchTimers(db: SqlStore['db']) {
  const now = '2025-06-01T00:00:00.000Z';
  await sql`TRUNCATE timers`.execute(db);
  const timer = (message: string, at: string) => sql`jsonb_build_object('id', 'deadline.overdue',
    'messageId', ${sql.raw(message)}, 'fireAt', iso(${sql.raw(at)}),
    'event', jsonb_build_object('type', 'deadline.overdue'))`;
  await sql`INSERT INTO timers (message_id, id, fire_at, available_at, timer)
    SELECT 'due-' || i, 'deadline.overdue', t, t, ${timer("'due-' || i", 't')}
    FROM (SELECT i, timestamptz '2025-01-01' + i * interval '1 second' AS t
          FROM generate_series(1, 1000) AS i) due`.execute(db);
  let total = 1000;
  for (const target of [10_000, 100_000, 1_000_000]) {
    await sql`INSERT INTO timers (message_id, id, fire_at, available_at, timer)
      SELECT 'b-' || i, 'deadline.overdue', t, t, ${timer("'b-' || i", 't')}
      FROM (SELECT i, timestamptz '2025-07-01' + i * interval '1 minute' AS t
            FROM generate_series(${total - 999}::integer, ${target - 1000}::integer) AS i) later`.execute(
      db,
    );
    total = target;
    await sql`VACUUM ANALYZE timers`.execute(db);
    const samples: number[] = [];
    for (let rep = 0; rep < 7; rep++) {
      await sql`UPDATE timers SET available_at = fire_at, attempts = 0, locked_by = NULL
        WHERE message_id LIKE 'due-%'`.execute(db);
      const claimed = await timed(samples, () =>
        claimTimers(db, claimSettings({ now, limit: 1000, workerId: 'bench' })),
      );
      if (claimed.length !== 1000) throw new Error(`claimed ${claimed.length}, not 1000`);
    }
    log(
      `  claim 1,000 due among ${total.toLocaleString('en').padStart(9)} timers: ` +
        `median ${fmt(pct(samples, 50))} ms (min ${fmt(Math.min(...samples))})`,
    );
  }
}

// ---------------------------------------------------------------- run
