import type { ClaimSettings, TimerChanges } from './claims.js';
import { copy, frozen } from './copy.js';
import type { Timer } from './timer.js';
import type { StoredTimer, TimerLogEntry } from './timer-port.js';

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
/** The write that changes a record's timers: its version, instant and the timer it fired. */
export interface TimerWrite {
  version: number;
  at: string;
  fired?: Timer | undefined;
}

export interface MemoryTimers {
  /**
   * Applies a write's {@link TimerChanges}; an upserted timer starts unclaimed. Logs the
   * fired timer, and each removed timer that was already due at the write's instant as
   * superseded.
   */
  change(
    messageId: string,
    changes: TimerChanges,
    workflow: TimerWorkflow,
    write: TimerWrite,
  ): void;
  of(messageId: string, workflow?: TimerWorkflow): StoredTimer[];
  /** Claims due timers (`availableAt <= now`) of both workflows, soonest `fireAt` first. */
  claim(settings: ClaimSettings): ClaimedTimer[];
  /** Is the claim still this worker's (not taken over, replaced or removed)? */
  holds(claimed: ClaimedTimer): boolean;
  /** Deletes a timer whose event the workflow refused, and logs it. */
  refuse(claimed: ClaimedTimer): void;
  /** How the record's due timers ended, oldest first. */
  logOf(messageId: string, workflow?: TimerWorkflow): TimerLogEntry[];
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

/** The core's timer without the claim fields. */
const plain = ({ id, messageId, fireAt, event }: Timer): Timer => ({
  id,
  messageId,
  fireAt,
  event,
});

export function createMemoryTimers(): MemoryTimers {
  const timers = new Map<string, ClaimedTimer>();
  const log: Array<{ workflow: TimerWorkflow; entry: TimerLogEntry }> = [];
  const record = (workflow: TimerWorkflow, entry: TimerLogEntry) =>
    log.push({ workflow, entry: frozen(entry) });

  return {
    change(messageId, { removed, upserted }, workflow, { version, at, fired }) {
      const atMs = Date.parse(at);
      for (const id of removed) {
        const key = keyOf(workflow, messageId, id);
        const gone = timers.get(key)?.timer;
        timers.delete(key);
        if (gone && gone.id !== fired?.id && Date.parse(gone.fireAt) <= atMs) {
          record(workflow, { timer: plain(gone), outcome: 'superseded', version, at });
        }
      }
      if (fired) {
        const timer = plain({ ...fired, messageId, fireAt: new Date(fired.fireAt).toISOString() });
        record(workflow, { timer, outcome: 'fired', version, at });
      }
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
    refuse({ workflow, timer }) {
      timers.delete(keyOf(workflow, timer.messageId, timer.id));
      record(workflow, {
        timer: plain(timer),
        outcome: 'refused',
        version: null,
        at: timer.fireAt,
      });
    },
    logOf: (messageId, workflow = 'pos') =>
      log
        .filter((l) => l.workflow === workflow && l.entry.timer.messageId === messageId)
        .map((l) => l.entry),
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
