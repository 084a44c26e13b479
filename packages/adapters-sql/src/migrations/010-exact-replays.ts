import type { Migration } from './migration.js';

/**
 * An idempotency key's first result kept as the exact JSON text it was written as
 * (`result_text`), so a replay parses the same members in the same order and the HTTP
 * adapter answers the first body byte for byte. `jsonb` keeps members in its own order
 * (shorter keys first), which re-serialized replays. Rows written before this step keep
 * their `result` (jsonb) and replay as before; new rows leave it null.
 */
export const exactReplays: Migration = {
  version: 10,
  name: '010-exact-replays',
  statements: [
    'ALTER TABLE idempotency_keys ADD COLUMN result_text text',
    'ALTER TABLE idempotency_keys ALTER COLUMN result DROP NOT NULL',
  ],
};
