import type { Migration } from './migration.js';

/**
 * Every column a list filters or sorts by, in the scope indexes. The lists page through ids
 * inside the viewer's scope index (`messages_holding`, `messages_received`,
 * `messages_operator`) and read filters and sorts from its INCLUDE columns; the columns that
 * later steps added (the deadline sort of 002, the queues of 009, the public flag of 011)
 * were not there, so a region-wide list sorted by the response deadline, or filtered by a
 * queue, fetched each of the scope's rows from the table: ~1 s for a region of 65,000
 * messages among 1,000,000 (`bench/scale`), where the index alone takes a tenth of that.
 *
 * `messages_overdue` walks the overdue messages in deadline order («Просрочено», sorted by
 * the deadline) with the scope's columns at hand, for the wide scopes (operators, the
 * platform's moderators) that would otherwise sort every message they see.
 *
 * Built inside the migration transaction like 008 and 009: writes to `messages` wait while
 * it runs (about a minute per index for 10 million messages on a small machine).
 */
const listColumns = [
  'folder',
  'status',
  'fast_track',
  'overdue',
  'channel',
  'category_id',
  'subcategory_id',
  'fact_id',
  'executor_id',
  'updated_at',
  'registered_at',
  'response_due_sort',
  'response_due_at',
  'deadline_state',
  'rework',
  'extension_pending',
  'law_type',
  'is_public',
  'delegated_by_autorule',
].join(', ');

export const scopeIndexColumns: Migration = {
  version: 14,
  name: '014-scope-index-columns',
  statements: [
    'DROP INDEX messages_holding',
    `CREATE INDEX messages_holding ON messages (holding_org_id, created_at, id)
      INCLUDE (${listColumns})`,
    'DROP INDEX messages_received',
    `CREATE INDEX messages_received ON messages (received_org_id, created_at, id)
      INCLUDE (${listColumns})`,
    'DROP INDEX messages_operator',
    `CREATE INDEX messages_operator ON messages (created_at, id) INCLUDE (${listColumns})
      WHERE channel = 'operator'`,
    `CREATE INDEX messages_overdue ON messages (response_due_sort, id)
      INCLUDE (holding_org_id, received_org_id, channel, executor_id, applicant_user_id)
      WHERE overdue`,
  ],
};
