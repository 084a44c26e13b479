import {
  applyEvent,
  type Principal,
  type StoredTimer,
  type StoreWritten,
  timerEvent,
  type WorkflowError,
} from '@reshaem/core';
import { type Firing as AnyFiring, fireClaimedTimer } from './claimed-timer.js';
import { lockMessage, store, type WriteContext } from './write-path.js';

/** What firing one claimed message timer came to. */
export type Firing = AnyFiring<StoreWritten, WorkflowError>;

/**
 * Fires a claimed message timer (`workflow = 'pos'`): applies its event as `principal`
 * through the message write path, or deletes the timer when the workflow refuses it.
 */
export function fireTimer(
  ctx: WriteContext,
  timer: StoredTimer,
  principal: Principal,
): Promise<Firing> {
  return fireClaimedTimer(ctx, timer, {
    workflow: 'pos',
    lock: lockMessage,
    async fire(db, loaded) {
      const result = applyEvent(loaded.snapshot, timerEvent(timer, principal), ctx.directory);
      if (!result.ok) return { ok: false, error: result.error };
      return { ok: true, written: await store(ctx, db, result, loaded, undefined, timer) };
    },
  });
}
