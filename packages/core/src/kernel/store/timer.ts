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
