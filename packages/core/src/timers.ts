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

const deadlineState = (snapshot: MessageSnapshot): string | undefined => {
  const region = (snapshot.value as { deadline?: unknown }).deadline;
  if (region && typeof region === 'object' && 'running' in region) {
    return String((region as { running: unknown }).running);
  }
  return undefined;
};

/** A running deadline needs its warning (while on time) and its breach. */
const deadlineTimers: TimerRule = (snapshot) => {
  const m = snapshot.context;
  const state = deadlineState(snapshot);
  const timers: Timer[] = [];
  if (state === 'on_time' && m.dueSoonAt) {
    timers.push({
      id: `${m.id}:deadline.due_soon`,
      messageId: m.id,
      fireAt: m.dueSoonAt,
      event: { type: 'deadline.due_soon', dueAt: m.dueSoonAt },
    });
  }
  if ((state === 'on_time' || state === 'due_soon') && m.responseDueAt) {
    timers.push({
      id: `${m.id}:deadline.overdue`,
      messageId: m.id,
      fireAt: m.responseDueAt,
      event: { type: 'deadline.overdue', dueAt: m.responseDueAt },
    });
  }
  return timers;
};

const rules: TimerRule[] = [deadlineTimers];

/**
 * Every timer the snapshot needs now. Deterministic: the same snapshot always gives the
 * same timers, so a store can diff them against what it keeps.
 */
export function timersOf(snapshot: MessageSnapshot): Timer[] {
  const out: Timer[] = [];
  for (const rule of rules) out.push(...rule(snapshot));
  return out;
}
