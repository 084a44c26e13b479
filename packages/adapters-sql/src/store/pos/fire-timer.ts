import {
  type Principal,
  type StoredTimer,
  type StoreWritten,
  timerEvent,
  type WorkflowError,
} from '@reshaem/core';
import { type Firing as AnyFiring, fireClaimedTimer } from '../kernel/claimed-timer.js';
import { lockMessage, store, type WriteContext } from '../kernel/write-path.js';

/** What firing one claimed message timer came to. */
export type Firing = AnyFiring<StoreWritten, WorkflowError>;

/**
 * Fires a claimed message timer (`workflow = 'pos'`): applies its event as `principal`
 * through the message write path, or deletes the timer when the workflow refuses it. The
 * message's earlier timers, if any still wait, fire first (see `fireClaimedTimer`).
 */
export function fireTimer(
  ctx: WriteContext,
  claimed: StoredTimer,
  principal: Principal,
): Promise<Firing[]> {
  return fireClaimedTimer(ctx, claimed, {
    workflow: 'pos',
    lock: lockMessage,
    async fire(db, loaded, timer) {
      const event = timerEvent(timer, principal);
      const result = ctx.workflow.applyEvent(loaded.snapshot, event, ctx.directory);
      if (!result.ok) return { ok: false, error: result.error };
      return { ok: true, written: await store(ctx, db, result, loaded, undefined, timer) };
    },
  });
}
