import type { MessageSnapshot } from './workflow.js';

/**
 * A durable timer a snapshot needs. Stores upsert timers by `id` after every write, delete
 * the ones no longer listed, and when `fireAt` passes send `event` (stamped with `fireAt`
 * and the system principal) through the normal apply path. A timer that fires after the
 * message moved on is refused or ignored by the machine: a harmless no-op.
 */
export interface Timer {
  /** Stable per message and purpose, e.g. `m-1:deadline.overdue`. */
  id: string;
  messageId: string;
  /** When it fires (ISO instant, UTC). */
  fireAt: string;
  /** The event to send, without `at` and `by`. */
  event: { type: string } & Record<string, unknown>;
}

type TimerRule = (snapshot: MessageSnapshot) => Timer[];

const rules: TimerRule[] = [];

/**
 * Every timer the snapshot needs now. Deterministic: the same snapshot always gives the
 * same timers, so a store can diff them against what it keeps.
 */
export function timersOf(snapshot: MessageSnapshot): Timer[] {
  const out: Timer[] = [];
  for (const rule of rules) out.push(...rule(snapshot));
  return out;
}
