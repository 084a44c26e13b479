import type { StoredTimer } from '@reshaem/core';
import { sql } from 'kysely';
import { retrying } from './db-errors.js';
import { type Db, toStoredTimer } from './reads.js';
import type { WriteContext } from './write-path.js';

/** What firing one timer came to. */
export type Firing<Written, Error> =
  | { kind: 'fired'; timer: StoredTimer; written: Written }
  | { kind: 'refused'; timer: StoredTimer; error: Error }
  | { kind: 'skipped' };

/** How a workflow's timers take effect: lock the record, apply the event, store it. */
export interface TimerWorkflow<Record, Written, Error> {
  workflow: 'pos' | 'onf';
  lock(db: Db, id: string): Promise<Record | undefined>;
  /** Applies `timer`'s event to the record and stores it, or says why the rules refused. */
  fire(
    db: Db,
    record: Record,
    timer: StoredTimer,
  ): Promise<{ ok: true; written: Written | undefined } | { ok: false; error: Error }>;
}

/** The record's timers due before `timer` (by `fire_at`, then id), locked, soonest first. */
async function earlierTimers(db: Db, workflow: string, timer: StoredTimer) {
  const fireAt = new Date(timer.fireAt).toISOString();
  const { rows } = await sql<Parameters<typeof toStoredTimer>[0]>`
    SELECT * FROM timers
    WHERE workflow = ${workflow} AND message_id = ${timer.messageId}
      AND (fire_at, id) < (${fireAt}::timestamptz, ${timer.id}::text COLLATE "C")
    ORDER BY fire_at, id
    FOR UPDATE`.execute(db);
  return rows.map(toStoredTimer);
}

/**
 * Fires a claimed timer in one transaction, if the claim is still this worker's: applies
 * its event and stores the result, or deletes the timer (and logs it `refused`) when the
 * workflow refuses the event. A claim another worker took over, or a timer a write replaced or removed
 * meanwhile, is skipped: the timer takes effect once. Shared by message and card timers.
 *
 * A record's timers fire in due order. A worker that died holding an earlier timer of the
 * same record leaves it claimed until its lease ends, while a later one may be claimed
 * already; firing the later one first could make the earlier one moot (a breach ends the
 * warning's purpose) and delete it unfired. So the earlier ones fire first, in the same
 * transaction, under the record's lock; the dead worker's claim is then stale.
 */
export function fireClaimedTimer<Record, Written, Error>(
  ctx: WriteContext,
  claimed: StoredTimer,
  flow: TimerWorkflow<Record, Written, Error>,
): Promise<Array<Firing<Written, Error>>> {
  const remove = (db: Db, timer: StoredTimer) =>
    db
      .deleteFrom('timers')
      .where('workflow', '=', flow.workflow)
      .where('message_id', '=', timer.messageId)
      .where('id', '=', timer.id)
      .execute();
  /** Is the claim still this worker's, the timer unchanged? Locks its row. */
  const holds = async (db: Db) =>
    (await db
      .selectFrom('timers')
      .select('id')
      .where('workflow', '=', flow.workflow)
      .where('message_id', '=', claimed.messageId)
      .where('id', '=', claimed.id)
      .where('locked_by', '=', claimed.lockedBy)
      .where('attempts', '=', claimed.attempts)
      .forUpdate()
      .executeTakeFirst()) !== undefined;
  /** Deletes a timer whose event the workflow refused, and logs it. */
  const refuse = async (db: Db, timer: StoredTimer) => {
    await remove(db, timer);
    const fireAt = new Date(timer.fireAt).toISOString();
    const plain = { id: timer.id, messageId: timer.messageId, fireAt, event: timer.event };
    await db
      .insertInto('timer_log')
      .values({
        workflow: flow.workflow,
        message_id: timer.messageId,
        timer_id: timer.id,
        fire_at: fireAt,
        outcome: 'refused',
        version: null,
        at: fireAt,
        timer: JSON.stringify(plain),
      })
      .execute();
  };
  const fireOne = async (db: Db, timer: StoredTimer): Promise<Firing<Written, Error>> => {
    const record = await flow.lock(db, timer.messageId);
    if (!record) {
      await remove(db, timer);
      return { kind: 'skipped' };
    }
    const outcome = await flow.fire(db, record, timer);
    if (!outcome.ok) {
      await refuse(db, timer);
      return { kind: 'refused', timer, error: outcome.error };
    }
    return outcome.written
      ? { kind: 'fired', timer, written: outcome.written }
      : { kind: 'skipped' };
  };
  return retrying(
    () =>
      ctx.db.transaction().execute(async (trx): Promise<Array<Firing<Written, Error>>> => {
        const record = await flow.lock(trx, claimed.messageId);
        if (!(await holds(trx))) return [{ kind: 'skipped' }];
        if (!record) {
          await remove(trx, claimed);
          return [{ kind: 'skipped' }];
        }
        const firings: Array<Firing<Written, Error>> = [];
        for (const earlier of await earlierTimers(trx, flow.workflow, claimed)) {
          firings.push(await fireOne(trx, earlier));
        }
        // An earlier timer's event may have replaced or removed this one.
        if (firings.length > 0 && !(await holds(trx))) return [...firings, { kind: 'skipped' }];
        firings.push(await fireOne(trx, claimed));
        return firings;
      }),
    // Aborted every time: the claim stays, and the timer is fired after its lease ends.
    async () => [{ kind: 'skipped' }],
  );
}
