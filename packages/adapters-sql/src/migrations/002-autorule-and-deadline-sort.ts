import type { Migration } from './migration.js';

/**
 * The SPEC §7 filter «делегировано автоправилом» and sorting by the response deadline.
 * A message without a deadline sorts first, as `-infinity` (the core sorts it as '').
 */
export const autoruleAndDeadlineSort: Migration = {
  version: 2,
  name: 'autorule flag and response deadline sort',
  statements: [
    'ALTER TABLE messages ADD COLUMN delegated_by_autorule boolean NOT NULL DEFAULT false',
    "ALTER TABLE messages ADD COLUMN response_due_sort timestamptz NOT NULL DEFAULT '-infinity'",
    `UPDATE messages SET
      delegated_by_autorule = jsonb_typeof(snapshot -> 'context' -> 'delegatedByAutorule') = 'object',
      response_due_sort = coalesce(response_due_at, '-infinity')`,
    'CREATE INDEX messages_response_due ON messages (response_due_sort, id)',
    'CREATE INDEX messages_delegated ON messages (created_at, id) WHERE delegated_by_autorule',
  ],
};
