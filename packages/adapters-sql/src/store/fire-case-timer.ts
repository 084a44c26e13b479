import {
  applyCaseEvent,
  type CaseStoreError,
  type CaseWritten,
  type Principal,
  type StoredTimer,
  timerEvent,
} from '@reshaem/core';
import { casesHeldBy, lockCase, storeCase } from './case-writes.js';
import { retrying } from './db-errors.js';
import type { Db } from './reads.js';
import type { WriteContext } from './write-path.js';

/** What firing one claimed card timer came to. */
export type CaseFiring =
  | { kind: 'fired'; written: CaseWritten }
  | { kind: 'refused'; error: CaseStoreError }
  | { kind: 'skipped' };

/**
 * Fires a claimed ОНФ card timer (`workflow = 'onf'`) in one transaction, if the claim is
 * still this worker's: sends its event (stamped with its instant and `principal`) through
 * the card write path, or deletes the timer when the card's workflow refuses it. As for
 * message timers, a claim taken over or a timer replaced meanwhile is skipped.
 */
export function fireCaseTimer(
  ctx: WriteContext,
  timer: StoredTimer,
  principal: Principal,
): Promise<CaseFiring> {
  const remove = (db: Db) =>
    db
      .deleteFrom('timers')
      .where('workflow', '=', 'onf')
      .where('message_id', '=', timer.messageId)
      .where('id', '=', timer.id)
      .execute();
  return retrying(
    () =>
      ctx.db.transaction().execute(async (trx): Promise<CaseFiring> => {
        const current = await lockCase(trx, timer.messageId);
        const held = await trx
          .selectFrom('timers')
          .select('id')
          .where('workflow', '=', 'onf')
          .where('message_id', '=', timer.messageId)
          .where('id', '=', timer.id)
          .where('locked_by', '=', timer.lockedBy)
          .where('attempts', '=', timer.attempts)
          .forUpdate()
          .executeTakeFirst();
        if (!held) return { kind: 'skipped' };
        if (!current) {
          await remove(trx);
          return { kind: 'skipped' };
        }
        const event = timerEvent(timer, principal);
        const heldCardIds = await casesHeldBy(trx, principal.id);
        const result = applyCaseEvent(current.snapshot, event, ctx.directory, { heldCardIds });
        if (!result.ok) {
          await remove(trx);
          return { kind: 'refused', error: result.error };
        }
        const written = await storeCase(trx, result, current, undefined, timer);
        return { kind: 'fired', written };
      }),
    // Aborted every time: the claim stays, and the timer is fired after its lease ends.
    async () => ({ kind: 'skipped' }),
  );
}
