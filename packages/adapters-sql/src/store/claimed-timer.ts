import type { StoredTimer } from '@reshaem/core';
import { retrying } from './db-errors.js';
import type { Db } from './reads.js';
import type { WriteContext } from './write-path.js';

/** What firing one claimed timer came to. */
export type Firing<Written, Error> =
  | { kind: 'fired'; written: Written }
  | { kind: 'refused'; error: Error }
  | { kind: 'skipped' };

/** How a workflow's timers take effect: lock the record, apply the event, store it. */
export interface TimerWorkflow<Record, Written, Error> {
  workflow: 'pos' | 'onf';
  lock(db: Db, id: string): Promise<Record | undefined>;
  /** Applies the timer's event to the record and stores it, or says why the rules refused. */
  fire(
    db: Db,
    record: Record,
  ): Promise<{ ok: true; written: Written | undefined } | { ok: false; error: Error }>;
}

/**
 * Fires a claimed timer in one transaction, if the claim is still this worker's: applies
 * its event and stores the result, or deletes the timer when the workflow refuses the
 * event. A claim another worker took over, or a timer a write replaced or removed
 * meanwhile, is skipped: the timer takes effect once. Shared by message and card timers.
 */
export function fireClaimedTimer<Record, Written, Error>(
  ctx: WriteContext,
  timer: StoredTimer,
  flow: TimerWorkflow<Record, Written, Error>,
): Promise<Firing<Written, Error>> {
  const remove = (db: Db) =>
    db
      .deleteFrom('timers')
      .where('workflow', '=', flow.workflow)
      .where('message_id', '=', timer.messageId)
      .where('id', '=', timer.id)
      .execute();
  return retrying(
    () =>
      ctx.db.transaction().execute(async (trx): Promise<Firing<Written, Error>> => {
        const record = await flow.lock(trx, timer.messageId);
        const held = await trx
          .selectFrom('timers')
          .select('id')
          .where('workflow', '=', flow.workflow)
          .where('message_id', '=', timer.messageId)
          .where('id', '=', timer.id)
          .where('locked_by', '=', timer.lockedBy)
          .where('attempts', '=', timer.attempts)
          .forUpdate()
          .executeTakeFirst();
        if (!held) return { kind: 'skipped' };
        if (!record) {
          await remove(trx);
          return { kind: 'skipped' };
        }
        const outcome = await flow.fire(trx, record);
        if (!outcome.ok) {
          await remove(trx);
          return { kind: 'refused', error: outcome.error };
        }
        return outcome.written ? { kind: 'fired', written: outcome.written } : { kind: 'skipped' };
      }),
    // Aborted every time: the claim stays, and the timer is fired after its lease ends.
    async () => ({ kind: 'skipped' }),
  );
}
