import type { ClaimSettings, TimerChanges } from './claims.js';
import { copy } from './copy.js';
import type { StoredTimer } from './timer-port.js';

/** Whose timer it is: a ПОС message's or an ОНФ card's (separate key spaces). */
export type TimerWorkflow = 'pos' | 'onf';

/** A claimed timer and the workflow it belongs to. */
export interface ClaimedTimer {
  workflow: TimerWorkflow;
  timer: StoredTimer;
}

/**
 * The memory store's timers, keyed by workflow, message (or card) and timer id: a card's
 * timer is never taken for a message's with the same id.
 */
export interface MemoryTimers {
  /** Applies a write's {@link TimerChanges}; an upserted timer starts unclaimed. */
  change(messageId: string, changes: TimerChanges, workflow?: TimerWorkflow): void;
  of(messageId: string, workflow?: TimerWorkflow): StoredTimer[];
  /** Claims due timers (`availableAt <= now`) of both workflows, soonest `fireAt` first. */
  claim(settings: ClaimSettings): ClaimedTimer[];
  /** Is the claim still this worker's (not taken over, replaced or removed)? */
  holds(claimed: ClaimedTimer): boolean;
  remove(messageId: string, id: string, workflow?: TimerWorkflow): void;
  /** Gives back `workerId`'s claims: claimable again at their `fireAt`; how many. */
  release(workerId: string): number;
}

const keyOf = (workflow: TimerWorkflow, messageId: string, id: string) =>
  `${workflow}\u0000${messageId}\u0000${id}`;
const claimKey = (c: ClaimedTimer) => keyOf(c.workflow, c.timer.messageId, c.timer.id);
/** Due order: `fireAt` (not the end of an expired lease), then the key. */
const byDue = (a: ClaimedTimer, b: ClaimedTimer) =>
  a.timer.fireAt < b.timer.fireAt
    ? -1
    : a.timer.fireAt > b.timer.fireAt
      ? 1
      : claimKey(a) < claimKey(b)
        ? -1
        : 1;

export function createMemoryTimers(): MemoryTimers {
  const timers = new Map<string, ClaimedTimer>();

  return {
    change(messageId, { removed, upserted }, workflow = 'pos') {
      for (const id of removed) timers.delete(keyOf(workflow, messageId, id));
      for (const timer of upserted) {
        const fireAt = new Date(timer.fireAt).toISOString();
        const stored: StoredTimer = {
          ...copy(timer),
          messageId,
          fireAt,
          attempts: 0,
          lockedBy: null,
          availableAt: fireAt,
        };
        timers.set(keyOf(workflow, messageId, timer.id), { workflow, timer: stored });
      }
    },
    of: (messageId, workflow = 'pos') =>
      copy(
        [...timers.values()]
          .filter((c) => c.workflow === workflow && c.timer.messageId === messageId)
          .map((c) => c.timer)
          .sort((a, b) =>
            a.fireAt < b.fireAt ? -1 : a.fireAt > b.fireAt ? 1 : a.id < b.id ? -1 : 1,
          ),
      ),
    claim({ now, limit, workerId, leaseUntil }) {
      const due = [...timers.values()]
        .filter((c) => c.timer.availableAt <= now)
        .sort(byDue)
        .slice(0, limit);
      for (const { timer } of due) {
        timer.attempts += 1;
        timer.lockedBy = workerId;
        timer.availableAt = leaseUntil;
      }
      return copy(due);
    },
    holds(claimed) {
      const current = timers.get(claimKey(claimed))?.timer;
      return (
        current !== undefined &&
        current.lockedBy === claimed.timer.lockedBy &&
        current.attempts === claimed.timer.attempts
      );
    },
    remove(messageId, id, workflow = 'pos') {
      timers.delete(keyOf(workflow, messageId, id));
    },
    release(workerId) {
      let released = 0;
      for (const { timer } of timers.values()) {
        if (timer.lockedBy !== workerId) continue;
        timer.lockedBy = null;
        timer.availableAt = timer.fireAt;
        released += 1;
      }
      return released;
    },
  };
}
