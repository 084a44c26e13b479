import type { CaseEffect } from '../../onf/effects.js';
import type { Effect } from '../effects.js';

/** `pending` until delivered (`done`) or given up (`failed`). */
export type OutboxState = 'pending' | 'done' | 'failed';

/**
 * One effect to perform (a notification), written in the same transaction as its event:
 * a ПОС message's (`workflow: 'pos'`) or an ОНФ card's (`workflow: 'onf'`, `messageId` is
 * the card's id).
 */
export type OutboxEntry = MessageOutboxEntry | CaseOutboxEntry;

export interface MessageOutboxEntry extends OutboxEntryState {
  workflow: 'pos';
  effect: Effect;
}

export interface CaseOutboxEntry extends OutboxEntryState {
  workflow: 'onf';
  effect: CaseEffect;
}

/** What every outbox entry has besides its workflow and effect. */
export interface OutboxEntryState {
  /** Opaque, increasing in write order. */
  id: string;
  /** The message's id, or the card's for an ОНФ entry. */
  messageId: string;
  /** The message (or card) version whose write produced it. */
  version: number;
  state: OutboxState;
  /** How many times a consumer claimed it. */
  attempts: number;
  /**
   * Its place in the queue: the event's instant, then the retry time of the last failure.
   * Claims take entries in this order, so an entry whose claim expired comes back where it
   * was, not behind everything written meanwhile.
   */
  dueAt: string;
  /**
   * When a consumer may claim it: `dueAt`, or the end of the current claim's lease while a
   * consumer holds it.
   */
  availableAt: string;
  /** The consumer that claimed it last; `null` until claimed, and after a release. */
  lockedBy: string | null;
  /** Why the last delivery failed. */
  lastError: string | null;
}

export interface ClaimOutboxOptions {
  /** The consumer's clock (ISO instant). */
  now: string;
  /** At most this many entries; 100 by default. */
  limit?: number;
  /** How long a claim hides the entry from other consumers; 60 000 ms by default. */
  leaseMs?: number;
  /** Names the consumer in its claims; a random id by default. */
  workerId?: string;
}

/**
 * The claim a consumer holds on an entry: the entry's id, the consumer and the attempt its
 * claim counted. A claimed {@link OutboxEntry} is one, so pass the entry itself to
 * `completeOutbox` and `failOutbox`. A claim is stale once another consumer claimed the
 * entry again (the attempt moved on), the holder released it, or the entry was settled.
 */
export type OutboxClaim = Pick<OutboxEntryState, 'id' | 'lockedBy' | 'attempts'>;
