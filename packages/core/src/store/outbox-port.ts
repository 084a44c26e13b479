import type { Effect } from '../effects.js';
import type { CaseEffect } from '../onf/case-effects.js';

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
  /** When a consumer may claim it: the event's instant, then lease ends and retry times. */
  availableAt: string;
  /** The consumer that claimed it last. */
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
