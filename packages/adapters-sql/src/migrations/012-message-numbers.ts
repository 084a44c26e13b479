import type { Migration } from './migration.js';

/**
 * A counter per region for the public numbers of new messages (`messageNumber`:
 * `<region>-<YYMMDD>-<seq>`). A row per region, raised with `UPDATE … RETURNING` in the
 * submit's own transaction: the row lock queues concurrent submits of one region, and a
 * submit that rolls back gives its number back (a sequence would leave a gap). Existing
 * messages keep their numbers; a region whose rows already carry numbers of this form
 * continues after the highest of them, so no number is handed out twice.
 */
export const messageNumbers: Migration = {
  version: 12,
  name: '012-message-numbers',
  statements: [
    `CREATE TABLE message_counters (
      region_code text PRIMARY KEY,
      last_value bigint NOT NULL CHECK (last_value >= 0)
    )`,
    `INSERT INTO message_counters (region_code, last_value)
      SELECT region_code, max(substring(number FROM '^[0-9]{2}-[0-9]{6}-([0-9]{4,18})$')::bigint)
      FROM messages
      WHERE number ~ '^[0-9]{2}-[0-9]{6}-[0-9]{4,18}$'
      GROUP BY region_code`,
  ],
};
