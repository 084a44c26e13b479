import type { Migration } from './migration.js';

/**
 * Lists that match fewer than a page in a wide scope read only what they show. After 014 a
 * list walks a sort or scope index until it has a page of matches; when fewer exist, the
 * walk reads the whole index. Measured at 1,000,000 messages (`bench/scale`, EXPLAIN
 * ANALYZE, BUFFERS):
 *
 * - a region's moderator opening «Просрочено» (scope: messages received in the region)
 *   walked all of `messages_created` (1,000,000 entries) to find 44: 0.5 s warm, 15 s under
 *   load. The deadline queues had an index for the holding organisation only (009);
 *   `messages_received_queues` is its twin for the receiving one, ordered by creation;
 * - the operator's (scope: every phoned-in message) «Просрочено» list by deadline walked all
 *   of `messages_response_due` (0.8–1.9 s) and the «В работе» folder all of
 *   `messages_updated` (0.6–0.85 s), both to find none: no phoned-in message was live or
 *   overdue. `messages_operator_overdue` holds the phoned-in messages that are or were
 *   overdue, by deadline; `messages_operator_working` those in a working folder or a queue.
 *
 * Each is partial: it holds the rows of a queue or of the operator's working set, a few per
 * cent of the messages, and a write adds an entry only to the ones whose predicate its row
 * meets (a phoned-in message, or one in a deadline queue or with a pending request).
 * What such a list reads is then bounded by the matches in the viewer's scope, not by how
 * many messages are stored. The operator's working set is written with the queues' own
 * conditions beside `folder <> 'processed'`, so that a queue filter (`deadline_state =
 * 'overdue'`, `extension_pending`) is seen by the planner to imply the predicate.
 *
 * Built inside the migration transaction like 014: writes to `messages` wait while it runs
 * (one pass over the table per index).
 */
const sorts = 'created_at, updated_at, registered_at, response_due_sort';
const filters =
  'status, fast_track, overdue, category_id, subcategory_id, fact_id, response_due_at, ' +
  'deadline_state, rework, extension_pending, law_type, is_public, delegated_by_autorule, ' +
  'holding_org_id, received_org_id, executor_id';

export const narrowListIndexes: Migration = {
  version: 15,
  name: '015-narrow-list-indexes',
  statements: [
    `CREATE INDEX messages_received_queues ON messages (received_org_id, created_at, id)
      INCLUDE (deadline_state, extension_pending, folder, updated_at, registered_at, response_due_sort)
      WHERE deadline_state IN ('due_soon', 'overdue') OR extension_pending`,
    `CREATE INDEX messages_operator_overdue ON messages (response_due_sort, id)
      INCLUDE (folder, created_at, updated_at, registered_at, ${filters})
      WHERE channel = 'operator' AND overdue`,
    `CREATE INDEX messages_operator_working ON messages (folder, created_at, id)
      INCLUDE (${sorts.replace('created_at, ', '')}, ${filters})
      WHERE channel = 'operator'
        AND (folder <> 'processed' OR deadline_state IS NOT NULL OR extension_pending)`,
  ],
};
