import type { Migration } from './migration.js';

/**
 * Claims keep the queue's order, and due timers are accounted for. A claim moves a row's `available_at` to the end of its
 * lease; sorting by it sent a row whose claim expired (its worker died) behind rows due
 * later. Outbox entries get `due_at`, their place in the queue (the event's instant, then
 * a failure's retry time), kept apart from the lease; timers already have `fire_at`. Claims
 * now order by these, through the indexes below.
 *
 * `timer_log` says how each due timer ended: fired, refused, or superseded (removed unfired,
 * already due, by a write whose event made it moot), with the version and instant of the
 * write. Timers removed before they fell due are not logged.
 */
export const claimOrderAndTimerLog: Migration = {
  version: 6,
  name: '006-claim-order-and-timer-log',
  statements: [
    'ALTER TABLE outbox ADD COLUMN due_at timestamptz',
    // An entry claimed right now keeps its place: its event's instant (when it was written).
    `UPDATE outbox SET due_at = CASE WHEN locked_by IS NULL OR available_at <= now()
      THEN available_at ELSE least(available_at, created_at) END`,
    'ALTER TABLE outbox ALTER COLUMN due_at SET NOT NULL',
    'DROP INDEX outbox_pending',
    "CREATE INDEX outbox_pending ON outbox (due_at, id) WHERE state = 'pending'",
    'DROP INDEX timers_available',
    'CREATE INDEX timers_due ON timers (fire_at, workflow, message_id, id)',
    `CREATE TABLE timer_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      workflow text NOT NULL DEFAULT 'pos' CHECK (workflow IN ('pos', 'onf')),
      message_id text COLLATE "C" NOT NULL,
      timer_id text COLLATE "C" NOT NULL,
      fire_at timestamptz NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('fired', 'refused', 'superseded')),
      version integer,
      at timestamptz NOT NULL,
      timer jsonb NOT NULL
    )`,
    'CREATE INDEX timer_log_message ON timer_log (workflow, message_id, id)',
  ],
};
