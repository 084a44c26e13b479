import type { CaseStoreError, StoredCase } from '../../onf/store-port.js';
import type { StoredMessage, StoreError } from '../../pos/store-port.js';
import type { Timer } from './timer.js';

/** A timer as a store keeps it: the core's timer and the state of its claim. */
export interface StoredTimer extends Timer {
  /** How many times a worker claimed it. */
  attempts: number;
  /** The worker that claimed it last; `null` until claimed. */
  lockedBy: string | null;
  /**
   * When a worker may claim it: `fireAt` at first, then the end of the current lease
   * (ISO instant, UTC). Claims take due timers in `fireAt` order all the same.
   */
  availableAt: string;
}

/**
 * How a timer ended: `fired` (its event applied), `refused` (its event refused: the message
 * had moved on; the timer was deleted), or `superseded` (already due, it was removed
 * unfired by a write whose event made it moot — an answer approved while a deadline warning
 * was due, say).
 */
export type TimerOutcome = 'fired' | 'refused' | 'superseded';

/**
 * One line of a message's timer log: how one of its due timers ended. Every due timer
 * gets one; timers removed before they fell due (the normal case when a message moves on)
 * get none.
 */
export interface TimerLogEntry {
  /** The timer as it was kept (the core's timer, without the claim). */
  timer: Timer;
  outcome: TimerOutcome;
  /**
   * The message version the firing produced, or the one whose write superseded the timer;
   * `null` when refused (nothing was written).
   */
  version: number | null;
  /** The instant of that write (the timer's `fireAt` when fired or refused). */
  at: string;
}

/** What `releaseClaims` gave back. */
export interface ReleasedClaims {
  /** Timers (messages' and cards') the worker held: claimable again at their `fireAt`. */
  timers: number;
  /** Pending outbox entries the worker held: claimable again at their `dueAt`. */
  outbox: number;
}

export interface RunDueTimersOptions {
  /** The worker's clock (ISO instant): timers with `fireAt <= now` are due. */
  now: string;
  /** At most this many timers per call; 100 by default. */
  limit?: number;
  /**
   * How long a claim lasts before another worker may take the timer over; 60 000 ms by
   * default. Keep it well above the time one batch takes and the clock skew between
   * machines.
   */
  leaseMs?: number;
  /** Names the worker in its claims; a random id by default. */
  workerId?: string;
}

/** What one `runDueTimers` call did. */
export interface TimerRun {
  /** How many due timers this call claimed. */
  claimed: number;
  /** Timers whose event the workflow applied, with the message they produced. */
  fired: Array<{ timer: Timer; message: StoredMessage }>;
  /**
   * Timers whose event the workflow refused (the message moved on): deleted, nothing else
   * changed.
   */
  refused: Array<{ timer: Timer; error: StoreError }>;
  /** ОНФ card timers whose event the card's workflow applied, with the card they produced. */
  firedCases: Array<{ timer: Timer; case: StoredCase }>;
  /** ОНФ card timers whose event was refused (the card moved on): deleted. */
  refusedCases: Array<{ timer: Timer; error: CaseStoreError }>;
  /**
   * Claimed, but gone before this worker fired them: another worker took the expired claim
   * over, or a write replaced or removed the timer.
   */
  skipped: number;
}
