import {
  type Folder,
  folderOf,
  type MessageQuery,
  type MessageStatus,
  messageSchema,
  type ViewScope,
} from '@reshaem/core';
import { seesAll } from '../kernel/scope-sql.js';

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
  const folders = query.folder
    ? [query.folder]
    : query.statuses
      ? foldersOfStatuses(query.statuses)
      : undefined;
  return folders !== undefined && !folders.includes('processed');
}
