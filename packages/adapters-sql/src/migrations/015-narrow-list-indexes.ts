import type { Migration } from './migration.js';

/**
 * Lists that match few rows in a wide scope read what they show, not the scope. After 014 a
 * list walks a sort or scope index until it has a page of matches: when the matches are
 * rare in that index, or fewer than a page, the walk reads a large part of it or all of it.
 * Measured at 1,000,000 messages (`bench/scale`, EXPLAIN ANALYZE, BUFFERS):
 *
 * - a region's moderator (scope: messages received in the region) opening «Просрочено»
 *   walked all of `messages_created` (1,000,000 entries) to find 44: 0.5 s warm, 0.8–3.6 s
 *   under load. The deadline queues had an index for the holding organisation only (009);
 *   `messages_received_queues` is its twin for the receiving one, ordered by creation;
 * - the operator's (scope: every phoned-in message) overdue list by deadline walked all of
 *   `messages_response_due` and its «В работе» all of `messages_updated` (0.8–3.4 s), to find
 *   none. `messages_operator_overdue` holds the phoned-in messages that are or were overdue,
 *   by deadline; `messages_operator_working` those in a working folder or a queue;
 * - in the smallest region (0.8 % of the messages) its moderator's phoned-in, overdue by
 *   deadline and fast-track lists walked 156,000, 121,000 and 105,000 entries of the sort
 *   indexes for a page (50–90 ms warm). `messages_operator` now carries the scope's
 *   organisations, and `messages_overdue` and `messages_fast_track` hold only the flagged
 *   messages (a tenth each) with the scope's and the filters' columns, so these walks read
 *   6,300–6,800 entries: as long as the matches are as dense, the same at ten million.
 *
 * Each index is partial: a write adds an entry only to those whose predicate its row meets
 * (a phoned-in, overdue or fast-track message, or one in a deadline queue or with a pending
 * request). The operator's working set is written with the queues' own conditions beside
 * `folder <> 'processed'`, so that a queue filter (`deadline_state = 'overdue'`,
 * `extension_pending`) is seen by the planner to imply the predicate.
 *
 * Built inside the migration transaction like 014: writes to `messages` wait while it runs
 * (one pass over the table per index; 4–9 s in all for a million messages on a busy machine).
 */
const scope = 'holding_org_id, received_org_id, channel, executor_id, applicant_user_id';
const filters =
  'folder, status, fast_track, overdue, category_id, subcategory_id, fact_id, created_at, ' +
  'updated_at, registered_at, response_due_sort, response_due_at, deadline_state, rework, ' +
  'extension_pending, law_type, is_public, delegated_by_autorule';
/**
 * Every column a scope condition or a filter reads, but those in the index's key. Later
 * migrations reuse it: like this migration's text, it does not change once released.
 */
export const besides = (...key: string[]) =>
  `${scope}, ${filters}`
    .split(', ')
    .filter((c) => !key.includes(c))
    .join(', ');

export const narrowListIndexes: Migration = {
  version: 15,
  name: '015-narrow-list-indexes',
  statements: [
    `CREATE INDEX messages_received_queues ON messages (received_org_id, created_at, id)
      INCLUDE (deadline_state, extension_pending, folder, updated_at, registered_at, response_due_sort)
      WHERE deadline_state IN ('due_soon', 'overdue') OR extension_pending`,
    `CREATE INDEX messages_operator_overdue ON messages (response_due_sort, id)
      INCLUDE (${besides('response_due_sort')})
      WHERE channel = 'operator' AND overdue`,
    `CREATE INDEX messages_operator_working ON messages (folder, created_at, id)
      INCLUDE (${besides('folder', 'created_at')})
      WHERE channel = 'operator'
        AND (folder <> 'processed' OR deadline_state IS NOT NULL OR extension_pending)`,
    'DROP INDEX messages_operator',
    `CREATE INDEX messages_operator ON messages (created_at, id)
      INCLUDE (${besides('created_at')}) WHERE channel = 'operator'`,
    `CREATE INDEX messages_overdue ON messages (response_due_sort, id)
      INCLUDE (${besides('response_due_sort')}) WHERE overdue`,
    `CREATE INDEX messages_fast_track ON messages (created_at, id)
      INCLUDE (${besides('created_at')}) WHERE fast_track`,
  ],
};
