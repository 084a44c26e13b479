import type { ClaimSettings, TimerChanges } from './claims.js';
import type { StoredTimer } from './timer-port.js';

/** The memory store's timers, keyed by message and timer id. */
export interface MemoryTimers {
  /** Applies a write's {@link TimerChanges}; an upserted timer starts unclaimed. */
  change(messageId: string, changes: TimerChanges): void;
  of(messageId: string): StoredTimer[];
  /** Claims due timers (`availableAt <= now`), soonest first. */
  claim(settings: ClaimSettings): StoredTimer[];
  /** Is the claim still this worker's (not taken over, replaced or removed)? */
  holds(claimed: StoredTimer): boolean;
  remove(messageId: string, id: string): void;
}

const keyOf = (messageId: string, id: string) => `${messageId}\u0000${id}`;
const byDue = (a: StoredTimer, b: StoredTimer) =>
  a.availableAt < b.availableAt
    ? -1
    : a.availableAt > b.availableAt
      ? 1
      : keyOf(a.messageId, a.id) < keyOf(b.messageId, b.id)
        ? -1
        : 1;

export function createMemoryTimers(): MemoryTimers {
  const timers = new Map<string, StoredTimer>();

  return {
    change(messageId, { removed, upserted }) {
      for (const id of removed) timers.delete(keyOf(messageId, id));
      for (const timer of upserted) {
        const fireAt = new Date(timer.fireAt).toISOString();
        timers.set(keyOf(messageId, timer.id), {
          ...structuredClone(timer),
          messageId,
          fireAt,
          attempts: 0,
          lockedBy: null,
          availableAt: fireAt,
        });
      }
    },
    of: (messageId) =>
      structuredClone(
        [...timers.values()]
          .filter((t) => t.messageId === messageId)
          .sort((a, b) =>
            a.fireAt < b.fireAt ? -1 : a.fireAt > b.fireAt ? 1 : a.id < b.id ? -1 : 1,
          ),
      ),
    claim({ now, limit, workerId, leaseUntil }) {
      const due = [...timers.values()]
        .filter((t) => t.availableAt <= now)
        .sort(byDue)
        .slice(0, limit);
      for (const timer of due) {
        timer.attempts += 1;
        timer.lockedBy = workerId;
        timer.availableAt = leaseUntil;
      }
      return structuredClone(due);
    },
    holds(claimed) {
      const current = timers.get(keyOf(claimed.messageId, claimed.id));
      return (
        current !== undefined &&
        current.lockedBy === claimed.lockedBy &&
        current.attempts === claimed.attempts
      );
    },
    remove(messageId, id) {
      timers.delete(keyOf(messageId, id));
    },
  };
}
