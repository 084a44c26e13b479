import type { Migration } from './migration.js';

/**
 * Lists read their filters, sorts and scopes from the index they walk. A list pages through
 * ids first: inside the viewer's scope index (`messages_holding`, `messages_received`,
 * `messages_operator`), reading the other columns from its INCLUDE list, or along a sort
 * index (`messages_created`, `_updated`, `_registered`, `_response_due`) until a page of rows
 * in the scope matches. Two things fetched table rows one by one (`bench/scale`, 1,000,000
 * messages):
 *
 * - the scope indexes lacked the columns later steps added (the deadline sort of 002, the
 *   queue columns of 009, the flags of 011): a region's list sorted by the deadline fetched
 *   its 65,000 rows (~1 s; from the index alone ~0.1 s);
 * - the sort indexes carried no scope: a region's moderator filtering fast-track messages
 *   walked `messages_created` and fetched 95,000 rows to find 50 (1.25 s; from the index
 *   alone 56 ms). How far such a walk goes depends on how dense the matches are, not on how
 *   many messages exist, so with the columns in the index its cost stays flat as data grows.
 *   When a page's worth of matches does not exist, the walk reads the whole index: the
 *   platform's moderators opening «Возвращены» (re-reviews, rare) walked a million entries
 *   (1.9 s). `messages_active` holds the folders staff work in (everything but «Обработанные»,
 *   about a tenth of the messages) by folder and creation, so a folder opens at its first row.
 *
 * Built inside the migration transaction like 008 and 009: writes to `messages` wait while
 * it runs (23 s for a million messages on a busy 2-core machine; a few minutes for ten
 * million). The indexes grow by about 1 KB per message in all.
 */
const filterColumns = [
  'folder',
  'status',
  'fast_track',
  'overdue',
  'category_id',
  'subcategory_id',
  'fact_id',
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
];
/** What a scope condition reads (`visibleOnMessages`). */
const scopeColumns = [
  'holding_org_id',
  'received_org_id',
  'channel',
  'executor_id',
  'applicant_user_id',
];
const inScope = [...filterColumns, 'channel', 'executor_id'].join(', ');
const onSort = (without: string) =>
  [...scopeColumns, ...filterColumns, 'created_at'].filter((c) => c !== without).join(', ');

const sortIndex = (name: string, column: string) => [
  `DROP INDEX ${name}`,
  `CREATE INDEX ${name} ON messages (${column}, id) INCLUDE (${onSort(column)})`,
];

export const scopeIndexColumns: Migration = {
  version: 14,
  name: '014-scope-index-columns',
  statements: [
    'DROP INDEX messages_holding',
    `CREATE INDEX messages_holding ON messages (holding_org_id, created_at, id) INCLUDE (${inScope})`,
    'DROP INDEX messages_received',
    `CREATE INDEX messages_received ON messages (received_org_id, created_at, id) INCLUDE (${inScope})`,
    'DROP INDEX messages_operator',
    `CREATE INDEX messages_operator ON messages (created_at, id) INCLUDE (${inScope})
      WHERE channel = 'operator'`,
    ...sortIndex('messages_created', 'created_at'),
    ...sortIndex('messages_updated', 'updated_at'),
    ...sortIndex('messages_registered', 'registered_at'),
    ...sortIndex('messages_response_due', 'response_due_sort'),
    `CREATE INDEX messages_active ON messages (folder, created_at, id) INCLUDE (${onSort('folder')})
      WHERE folder <> 'processed'`,
  ],
};
