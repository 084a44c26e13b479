import {
  type Directory,
  type Folder,
  folderOf,
  type MessageQuery,
  type MessageStatus,
  messageSchema,
  type Principal,
  type ViewScope,
} from '@reshaem/core';
import { sql } from 'kysely';
import type { Db } from '../kernel/reads.js';
import { seesAll } from '../kernel/scope-sql.js';
import { countFolders } from './counts.js';

const arrivals = messageSchema.shape.arrivedBy.options;

/**
 * The folders messages in these statuses can be in (`folderOf` over every way a message
 * arrives). The `folder` column is written from `folderOf`, so a status filter implies this
 * folder filter, and stating it lets the planner see that, e.g., `in_work` rows are in the
 * indexes of the working folders (`folder <> 'processed'`).
 */
export function foldersOfStatuses(statuses: readonly MessageStatus[]): Folder[] {
  const folders = new Set<Folder>();
  for (const status of statuses) {
    for (const arrivedBy of arrivals) folders.add(folderOf(status, { arrivedBy }));
  }
  return [...folders];
}

/**
 * Does an index hold the scope's working messages by folder: the operator's alone (every
 * phoned-in message: `messages_operator_working`) or organisations' holding alone (a
 * coordinator's, a head's: `messages_holding_active`)?
 */
function workingSetIndexed(scope: ViewScope): boolean {
  if (seesAll(scope) || scope.executorId !== null || scope.applicantUserId !== null) return false;
  const holding = scope.holdingOrgIds.length > 0;
  const received = scope.receivedOrgIds.length > 0;
  if (received) return false;
  return holding !== scope.operatorEntered;
}

/**
 * Does the list read a live set that a partial index holds in full: a queue (the deadline and
 * extension queues, an executor's own), or a working folder of a scope whose working
 * messages are indexed (`workingSetIndexed`)? Such a set follows
 * the inflow, not the messages stored, so the list reads all of it and sorts it, rather than
 * walking a sort index until a page of it turns up: the walk costs the whole scope when the
 * set is small, and the planner prefers it whenever the visibility map is behind (an open
 * transaction elsewhere keeps VACUUM from marking pages all-visible, and index-only scans of
 * the narrow index then look no cheaper than the walk).
 */
export function readsLiveSet(query: MessageQuery, scope: ViewScope): boolean {
  if (query.queue !== undefined) return true;
  if (!workingSetIndexed(scope)) return false;
  const folders = foldersOfQuery(query);
  return folders !== undefined && !folders.includes('processed');
}

/** The folders a query's folder or status filter keeps, or `undefined` when it keeps all. */
function foldersOfQuery(query: MessageQuery): Folder[] | undefined {
  if (query.folder) return [query.folder];
  return query.statuses ? foldersOfStatuses(query.statuses) : undefined;
}

/**
 * The most messages a list's scope may hold to be read whole ({@link readsSmallScope}),
 * whatever the page: twenty thousand entries read index-only take ~20 ms.
 */
export const SMALL_SCOPE_AT_MOST = 20_000;

/**
 * How many messages a scope may hold to be read whole for a page of `page` rows among `total`
 * messages. Reading the scope costs one entry per message in it, `size`; walking a sort index
 * costs the page over the scope's share of all messages, `page × total ÷ size`, when the
 * scope's matches are spread evenly over the sort order, and more when they are not (its
 * closed messages are the old ones, its newest still live). The two meet at
 * `√(page × total)`: 22,600 messages for a page of 51 among ten million, 7,100 among a
 * million; capped at {@link SMALL_SCOPE_AT_MOST}.
 */
export function smallScopeLimit(page: number, total: number): number {
  return Math.min(SMALL_SCOPE_AT_MOST, Math.floor(Math.sqrt(page * total)));
}

/**
 * Is the scope organisations' on one side only (what they hold, or what they were sent;
 * nothing phoned in, nothing personal)? Its messages are then in one scope index
 * (`messages_holding`, `messages_received`) that INCLUDEs every sort and filter column, so
 * reading them all is index-only; and `folder_counts` / `tree_rollups` hold their number.
 */
function oneSideOrgScope(scope: ViewScope): boolean {
  if (seesAll(scope) || scope.operatorEntered) return false;
  if (scope.executorId !== null || scope.applicantUserId !== null) return false;
  return scope.holdingOrgIds.length > 0 !== scope.receivedOrgIds.length > 0;
}

/**
 * Does the list read its scope whole and sort it: an organisations' scope on one side
 * (`oneSideOrgScope`) holding at most {@link smallScopeLimit} messages, as the folder counts
 * say (one roll-up read, a few rows per organisation or per tree, beside the platform's
 * total from `folder_rollups`)? A small scope's page is then found among its own entries in
 * the scope index, however the matches fall in time; a walk of a sort index reads the
 * messages of every other scope between them (a ministry's closed messages under everyone's
 * newest live ones). `countsReady` is the store's first-count step (writing the tree
 * roll-ups), so that a region's count reads `tree_rollups` rather than its organisations'
 * `folder_counts` rows. Every folder counts: the scope indexes are keyed by organisation and
 * time, so reading one folder of the scope reads all of it. A large scope keeps the walk,
 * which finds a page quickly when the scope is a good share of all messages. The counts are
 * read in their own snapshot: they choose the plan, not the rows.
 */
export async function readsSmallScope(
  db: Db,
  directory: Directory,
  viewer: Principal,
  scope: ViewScope,
  page: number,
  countsReady: () => Promise<void> = async () => {},
): Promise<boolean> {
  if (!oneSideOrgScope(scope)) return false;
  await countsReady();
  const counts = await countFolders(db, directory, viewer);
  const held = Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (held > SMALL_SCOPE_AT_MOST) return false;
  const { rows } = await sql<{ n: number }>`
    SELECT coalesce(sum(n), 0)::float8 AS n FROM folder_rollups WHERE scope = 'all'`.execute(db);
  return held <= smallScopeLimit(page, rows[0]?.n ?? 0);
}
