import type { CaseEffect, Timer, TimerChanges } from '@reshaem/core';
import { sql } from 'kysely';
import { type Db, toStoredTimer } from '../kernel/reads.js';

/** The card write that changes its timers: its version, instant and the timer it fired. */
export interface CaseTimerWrite {
  version: number;
  at: string;
  fired: Timer | undefined;
}

/**
 * Applies a card write's timer changes (`workflow = 'onf'` rows, keyed apart from messages'),
 * and logs the fired timer and each removed one that was already due as superseded.
 */
export async function writeCaseTimers(
  db: Db,
  caseId: string,
  changes: TimerChanges,
  { version, at, fired }: CaseTimerWrite,
) {
  const { removed, upserted } = changes;
  if (removed.length > 0) {
    await sql`WITH td AS (DELETE FROM timers WHERE workflow = 'onf' AND message_id = ${caseId}
        AND id = ANY (${removed}::text[]) RETURNING id, fire_at, timer)
      INSERT INTO timer_log (workflow, message_id, timer_id, fire_at, outcome, version, at, timer)
      SELECT 'onf', ${caseId}, td.id, td.fire_at, 'superseded', ${version}::integer,
        ${at}::timestamptz, td.timer
      FROM td WHERE td.fire_at <= ${at}::timestamptz AND td.id <> ${fired?.id ?? ''}`.execute(db);
  }
  if (fired) {
    const fireAt = new Date(fired.fireAt).toISOString();
    const timer = JSON.stringify({ id: fired.id, messageId: caseId, fireAt, event: fired.event });
    await sql`INSERT INTO timer_log (workflow, message_id, timer_id, fire_at, outcome, version, at, timer)
      VALUES ('onf', ${caseId}, ${fired.id}, ${fireAt}::timestamptz, 'fired', ${version}::integer,
        ${at}::timestamptz, ${timer}::jsonb)`.execute(db);
  }
  for (const t of upserted) {
    const fireAt = new Date(t.fireAt).toISOString();
    const timer = JSON.stringify({ ...t, messageId: caseId, fireAt });
    // A replaced timer starts afresh, unclaimed.
    await sql`INSERT INTO timers (workflow, message_id, id, fire_at, available_at, timer)
      VALUES ('onf', ${caseId}, ${t.id}, ${fireAt}::timestamptz, ${fireAt}::timestamptz,
        ${timer}::jsonb)
      ON CONFLICT (workflow, message_id, id) DO UPDATE SET fire_at = excluded.fire_at,
        available_at = excluded.available_at, timer = excluded.timer, attempts = 0,
        locked_by = NULL`.execute(db);
  }
}

/** Writes a card write's effects to the outbox (`workflow = 'onf'`), in order. */
export async function writeCaseOutbox(
  db: Db,
  caseId: string,
  version: number,
  effects: CaseEffect[],
  at: string,
) {
  if (effects.length === 0) return;
  await sql`INSERT INTO outbox (workflow, message_id, version, effect, due_at, available_at)
    SELECT 'onf', ${caseId}, ${version}::integer, e.value, ${at}::timestamptz, ${at}::timestamptz
    FROM jsonb_array_elements(${JSON.stringify(effects)}::jsonb) WITH ORDINALITY AS e (value, n)
    ORDER BY e.n`.execute(db);
}

/** A card's pending timers, soonest first. */
export async function caseTimers(db: Db, caseId: string) {
  const rows = await db
    .selectFrom('timers')
    .selectAll()
    .where('workflow', '=', 'onf')
    .where('message_id', '=', caseId)
    .orderBy('fire_at')
    .orderBy('id')
    .execute();
  return rows.map(toStoredTimer);
}
