import {
  applyEvent,
  type Principal,
  type StoredTimer,
  type StoreWritten,
  timerEvent,
  type WorkflowError,
} from '@reshaem/core';
import { retrying } from './db-errors.js';
import type { Db } from './reads.js';
import { lockMessage, store, type WriteContext } from './write-path.js';

/** What firing one claimed timer came to. */
export type Firing =
  | { kind: 'fired'; written: StoreWritten }
  | { kind: 'refused'; error: WorkflowError }
  | { kind: 'skipped' };

/**
 * Fires a claimed timer in one transaction, if the claim is still this worker's: applies
 * its event as `principal` and stores the result, or deletes the timer when the workflow
 * refuses the event. A claim another worker took over, or a timer a write replaced or
 * removed meanwhile, is skipped: the timer takes effect once.
 */
export function fireTimer(
  ctx: WriteContext,
  timer: StoredTimer,
  principal: Principal,
): Promise<Firing> {
  const remove = (db: Db) =>
    db
      .deleteFrom('timers')
      .where('workflow', '=', 'pos')
      .where('message_id', '=', timer.messageId)
      .where('id', '=', timer.id)
      .execute();
  return retrying(
    () =>
      ctx.db.transaction().execute(async (trx): Promise<Firing> => {
        const loaded = await lockMessage(trx, timer.messageId);
        const held = await trx
          .selectFrom('timers')
          .select('id')
          .where('workflow', '=', 'pos')
          .where('message_id', '=', timer.messageId)
          .where('id', '=', timer.id)
          .where('locked_by', '=', timer.lockedBy)
          .where('attempts', '=', timer.attempts)
          .forUpdate()
          .executeTakeFirst();
        if (!held) return { kind: 'skipped' };
        if (!loaded) {
          await remove(trx);
          return { kind: 'skipped' };
        }
        const result = applyEvent(loaded.snapshot, timerEvent(timer, principal), ctx.directory);
        if (!result.ok) {
          await remove(trx);
          return { kind: 'refused', error: result.error };
        }
        const written = await store(ctx, trx, result, loaded, undefined, timer);
        return written ? { kind: 'fired', written } : { kind: 'skipped' };
      }),
    // Aborted every time: the claim stays, and the timer is fired after its lease ends.
    async () => ({ kind: 'skipped' }),
  );
}
