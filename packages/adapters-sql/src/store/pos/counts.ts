import {
  type Directory,
  type FolderCounts,
  folderLabels,
  type Principal,
  type Queue,
  type QueueCounts,
  queueLabels,
  type ViewScope,
  viewScopeOf,
} from '@reshaem/core';
import { type RawBuilder, sql } from 'kysely';
import type { RollupScope } from '../kernel/folder-rollups.js';
import type { Db } from '../kernel/reads.js';
import {
  onFolderCounts,
  onMessages,
  orgScope,
  personalScope,
  seesAll,
  visibleOnMessages,
} from '../kernel/scope-sql.js';
import { readTreeCounts, treeScopeOf } from '../kernel/tree-rollups.js';

const emptyCounts = (): FolderCounts =>
  Object.fromEntries(Object.keys(folderLabels).map((f) => [f, 0])) as FolderCounts;

/**
 * The platform-wide roll-up that holds exactly the organisation-wide part of a scope, if one
 * does: every message for the system and the platform's moderators, every phoned-in message
 * for an operator who sees nothing else organisation-wide.
 */
export function rollupScopeOf(scope: ViewScope): RollupScope | undefined {
  if (seesAll(scope)) return 'all';
  const onlyPhonedIn =
    scope.operatorEntered && scope.holdingOrgIds.length === 0 && scope.receivedOrgIds.length === 0;
  return onlyPhonedIn ? 'operator' : undefined;
}

/**
 * Folder counts for a viewer. The organisation-wide part of the scope is summed from
 * `folder_rollups` when a platform-wide roll-up holds exactly it, from `tree_rollups` when
 * it is whole trees on one side (a region's coordinator or moderator; a few rows per shard
 * and folder either way, however many organisations there are), otherwise from
 * `folder_counts` (a few rows per organisation); all are kept by every write in its own
 * statement, so each equals a recount in the same snapshot. The personal part (assigned to me, sent by me) is counted
 * from `messages`, minus what the first part already counted.
 */
export async function countFolders(
  db: Db,
  directory: Directory,
  viewer: Principal,
): Promise<FolderCounts> {
  const scope = viewScopeOf(viewer, directory);
  const counts = emptyCounts();
  const add = (rows: Array<{ folder: string; n: number }>) => {
    for (const { folder, n } of rows) {
      if (folder in counts) counts[folder as keyof FolderCounts] += n;
    }
  };
  const rollup = rollupScopeOf(scope);
  const orgWide = orgScope(scope, onFolderCounts);
  if (rollup) {
    const { rows } = await sql<{ folder: string; n: number }>`
      SELECT folder, sum(n)::integer AS n FROM folder_rollups WHERE scope = ${rollup}
      GROUP BY folder`.execute(db);
    add(rows);
  } else if (orgWide) {
    const tree = treeScopeOf(scope, directory);
    const fromTree = tree && (await readTreeCounts(db, directory, tree));
    if (fromTree) add(fromTree);
    else {
      const { rows } = await sql<{ folder: string; n: number }>`
        SELECT folder, sum(n)::integer AS n FROM folder_counts WHERE ${orgWide} GROUP BY folder`.execute(
        db,
      );
      add(rows);
    }
  }
  const personal = seesAll(scope) ? undefined : personalScope(scope);
  if (personal) {
    const notCounted = orgScope(scope, onMessages);
    const { rows } = await sql<{ folder: string; n: number }>`
      SELECT folder, count(*)::integer AS n FROM messages
      WHERE ${personal} ${notCounted ? sql`AND NOT ${notCounted}` : sql``}
      GROUP BY folder`.execute(db);
    add(rows);
  }
  return counts;
}

/** Each queue as a condition on `messages`: the core's `inQueue`, in SQL. */
export function queueConditions(viewerId: string | null): Record<Queue, RawBuilder<boolean>> {
  const mine = viewerId === null ? sql<boolean>`FALSE` : sql<boolean>`executor_id = ${viewerId}`;
  return {
    assigned_new: sql<boolean>`(${mine} AND status = 'executor_assigned')`,
    assigned_in_work: sql<boolean>`(${mine} AND (status = 'postponed' OR (status = 'in_work' AND NOT rework)))`,
    assigned_returned: sql<boolean>`(${mine} AND rework)`,
    extension_requests: sql<boolean>`extension_pending`,
    due_soon: sql<boolean>`deadline_state = 'due_soon'`,
    overdue: sql<boolean>`deadline_state = 'overdue'`,
  };
}

/**
 * Queue counts for a viewer in one query: `count(*) FILTER` per queue over the messages in
 * the viewer's scope that are in any queue at all. That outer condition is an OR of the
 * three partial indexes' predicates (an executor's messages, the pending requests, the due
 * soon or overdue), so the database reads those index entries rather than the scope.
 */
export async function countQueues(
  db: Db,
  directory: Directory,
  viewer: Principal,
): Promise<QueueCounts> {
  const { rows } = await queueCountsQuery(directory, viewer).execute(db);
  const row = rows[0];
  return Object.fromEntries(queues.map((q) => [q, row?.[q] ?? 0])) as QueueCounts;
}

const queues = Object.keys(queueLabels) as Queue[];

/** The statement {@link countQueues} runs: one row, a column per queue. */
export function queueCountsQuery(directory: Directory, viewer: Principal) {
  const conditions = queueConditions(viewer.id);
  const counted = queues.map(
    (q) => sql`count(*) FILTER (WHERE ${conditions[q]})::integer AS ${sql.ref(q)}`,
  );
  return sql<Record<Queue, number>>`
    SELECT ${sql.join(counted)} FROM messages
    WHERE ${visibleOnMessages(viewScopeOf(viewer, directory))}
      AND (executor_id = ${viewer.id} OR extension_pending
        OR deadline_state IN ('due_soon', 'overdue'))`;
}
