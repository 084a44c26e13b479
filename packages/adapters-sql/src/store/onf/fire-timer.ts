import {
  type CaseStoreError,
  type CaseWritten,
  type Principal,
  type StoredTimer,
  timerEvent,
} from '@reshaem/core';
import { type Firing, fireClaimedTimer } from '../kernel/claimed-timer.js';
import type { WriteContext } from '../kernel/write-path.js';
import { casesHeldBy, lockCase, storeCase } from './writes.js';

/** What firing one claimed card timer came to. */
export type CaseFiring = Firing<CaseWritten, CaseStoreError>;

/**
 * Fires a claimed ОНФ card timer (`workflow = 'onf'`): sends its event (stamped with its
 * instant and `principal`) through the card write path, with the principal's held cards
 * as the lock facts, or deletes the timer when the card's workflow refuses it. The card's
 * earlier timers, if any still wait, fire first (see `fireClaimedTimer`).
 */
export function fireCaseTimer(
  ctx: WriteContext,
  claimed: StoredTimer,
  principal: Principal,
): Promise<CaseFiring[]> {
  return fireClaimedTimer(ctx, claimed, {
    workflow: 'onf',
    lock: lockCase,
    async fire(db, current, timer) {
      const heldCardIds = await casesHeldBy(db, principal.id);
      const event = timerEvent(timer, principal);
      const result = ctx.caseWorkflow.applyCaseEvent(current.snapshot, event, ctx.directory, {
        heldCardIds,
      });
      if (!result.ok) return { ok: false, error: result.error };
      return { ok: true, written: await storeCase(db, result, current, undefined, timer) };
    },
  });
}
