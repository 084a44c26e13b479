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

/** Is the scope the operator's alone: every phoned-in message and nothing else? */
const operatorOnly = (scope: ViewScope) =>
  scope.operatorEntered &&
  !seesAll(scope) &&
  scope.holdingOrgIds.length === 0 &&
  scope.receivedOrgIds.length === 0 &&
  scope.executorId === null &&
  scope.applicantUserId === null;

/**
 * Does the list read a live set that a partial index holds in full: a queue (the deadline and
 * extension queues, an executor's own), or the operator's working folders? Such a set follows
 * the inflow, not the messages stored, so the list reads all of it and sorts it, rather than
 * walking a sort index until a page of it turns up: the walk costs the whole scope when the
 * set is small, and the planner prefers it whenever the visibility map is behind (an open
 * transaction elsewhere keeps VACUUM from marking pages all-visible, and index-only scans of
 * the narrow index then look no cheaper than the walk).
 */
export function readsLiveSet(query: MessageQuery, scope: ViewScope): boolean {
  if (query.queue !== undefined) return true;
  if (!operatorOnly(scope)) return false;
  const folders = query.folder
    ? [query.folder]
    : query.statuses
      ? foldersOfStatuses(query.statuses)
      : undefined;
  return folders !== undefined && !folders.includes('processed');
}
