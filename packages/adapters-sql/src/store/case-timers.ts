import type { CaseEffect, TimerChanges } from '@reshaem/core';
import { sql } from 'kysely';
import { type Db, toStoredTimer } from './reads.js';

/** Applies a card write's timer changes (`workflow = 'onf'` rows, keyed apart from messages'). */
export async function writeCaseTimers(db: Db, caseId: string, changes: TimerChanges) {
  const { removed, upserted } = changes;
  if (removed.length > 0) {
    await sql`DELETE FROM timers WHERE workflow = 'onf' AND message_id = ${caseId}
      AND id = ANY (${removed}::text[])`.execute(db);
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
