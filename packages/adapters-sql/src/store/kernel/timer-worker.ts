import {
  type ClaimSettings,
  claimSettings,
  type Principal,
  type RunDueTimersOptions,
  type StoredTimer,
  type Timer,
  type TimerRun,
} from '@reshaem/core';
import { type Selectable, sql } from 'kysely';
import type { TimersTable } from '../../database.js';
import { fireCaseTimer } from '../onf/fire-timer.js';
import { fireTimer } from '../pos/fire-timer.js';
import { type Db, toStoredTimer } from './reads.js';
import type { WriteContext } from './write-path.js';

/**
 * Claims up to `limit` due timers in one short statement: the soonest by `fire_at` (a timer
 * whose claim expired keeps its place, ahead of later ones), skipping rows another worker
 * is claiming or firing right now (FOR UPDATE SKIP LOCKED), and pushes each one's
 * `available_at` to the end of the lease. A due timer is found through the `fire_at`
 * index, so the cost depends on how many are due, not on how many exist.
 */
export async function claimTimers(
  db: Db,
  claim: ClaimSettings,
): Promise<Array<{ workflow: string; timer: StoredTimer }>> {
  // `fire_at <= available_at` always: the first condition lets the index bound the scan.
  const { rows } = await sql<Selectable<TimersTable>>`
    WITH due AS (
      SELECT workflow, message_id, id FROM timers
      WHERE fire_at <= ${claim.now}::timestamptz AND available_at <= ${claim.now}::timestamptz
      ORDER BY fire_at, workflow, message_id, id
      LIMIT ${claim.limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE timers AS t
      SET attempts = t.attempts + 1, locked_by = ${claim.workerId}, available_at = ${claim.leaseUntil}::timestamptz
      FROM due WHERE t.workflow = due.workflow AND t.message_id = due.message_id AND t.id = due.id
      RETURNING t.*
    )
    SELECT * FROM claimed ORDER BY fire_at, workflow, message_id, id`.execute(db);
  return rows.map((row) => ({ workflow: row.workflow, timer: toStoredTimer(row) }));
}

/** Gives back `workerId`'s timer claims: claimable again at their `fire_at`. */
export async function releaseTimers(db: Db, workerId: string): Promise<number> {
  const result = await db
    .updateTable('timers')
    .set({ locked_by: null, available_at: sql`fire_at` })
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const plainTimer = ({ id, messageId, fireAt, event }: Timer): Timer => ({
  id,
  messageId,
  fireAt,
  event,
});

/**
 * The SQL store's timer worker: claim, then fire each claimed timer in its own
 * transaction. Run it from as many processes as you like; if one dies mid-batch, its
 * claims expire after the lease and another worker fires those timers.
 */
export async function runDueTimers(
  ctx: WriteContext,
  principal: Principal,
  options: RunDueTimersOptions,
): Promise<TimerRun> {
  const claimed = await claimTimers(
    ctx.db,
    claimSettings({ ...options, workerId: options.workerId ?? ctx.workerId }),
  );
  const run: TimerRun = {
    claimed: claimed.length,
    fired: [],
    refused: [],
    firedCases: [],
    refusedCases: [],
    skipped: 0,
  };
  for (const { workflow, timer } of claimed) {
    if (workflow === 'onf') {
      for (const firing of await fireCaseTimer(ctx, timer, principal)) {
        if (firing.kind === 'fired') {
          run.firedCases.push({ timer: plainTimer(firing.timer), case: firing.written.case });
        } else if (firing.kind === 'refused') {
          run.refusedCases.push({ timer: plainTimer(firing.timer), error: firing.error });
        } else run.skipped += 1;
      }
      continue;
    }
    for (const firing of await fireTimer(ctx, timer, principal)) {
      if (firing.kind === 'fired') {
        run.fired.push({ timer: plainTimer(firing.timer), message: firing.written.message });
      } else if (firing.kind === 'refused') {
        run.refused.push({ timer: plainTimer(firing.timer), error: firing.error });
      } else run.skipped += 1;
    }
  }
  return run;
}
