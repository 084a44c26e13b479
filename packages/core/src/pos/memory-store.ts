import { invalidField, invalidPayload, issuesFromZod, WorkflowRefusal } from '../kernel/errors.js';
import type { Directory } from '../kernel/notifications/directory.js';
import type { Principal } from '../kernel/schemas/principal.js';
import {
  compareForQuery,
  decodeCursor,
  encodeCursor,
  isAfterCursor,
  matchesQuery,
  queryViewerOf,
  sortValueOf,
} from './query.js';
import { deadlineStateOf, inQueue, type QueueCounts, queueLabels } from './queues.js';
import { type MessageQuery, type MessageQueryInput, messageQuerySchema } from './schemas/query.js';
import { folderLabels, folderOf } from './status.js';
import type { FolderCounts, MessagePage, StoredMessage } from './store-port.js';
import { isVisible, viewScopeOf } from './visibility.js';

/**
 * Validates a list query.
 * @throws {WorkflowRefusal} `invalid_payload` with the field paths.
 */
export function parseQuery(input: MessageQueryInput): MessageQuery {
  const parsed = messageQuerySchema.safeParse(input);
  if (!parsed.success) throw new WorkflowRefusal(invalidPayload(issuesFromZod(parsed.error)));
  return parsed.data;
}

const emptyCounts = (): FolderCounts =>
  Object.fromEntries(Object.keys(folderLabels).map((f) => [f, 0])) as FolderCounts;

/** One page of the messages `viewer` may see that match the query: the reference semantics. */
export function listMessages(
  all: StoredMessage[],
  viewer: Principal,
  input: MessageQueryInput,
  directory: Directory,
): MessagePage {
  const query = parseQuery(input);
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && cursor === undefined) {
    throw new WorkflowRefusal(invalidField(['cursor'], 'Повреждённый курсор'));
  }
  const scope = viewScopeOf(viewer, directory);
  const who = queryViewerOf(viewer);
  const items = [];
  let total = 0;
  for (const current of all) {
    const item = listedOf(current);
    if (!isVisible(scope, item.message, item.status)) continue;
    if (!matchesQuery(item, query, who)) continue;
    total += 1;
    if (cursor && !isAfterCursor(item, cursor, query)) continue;
    items.push({ item, current });
  }
  items.sort((a, b) => compareForQuery(a.item, b.item, query));
  const page = items.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    items.length > query.limit && last
      ? encodeCursor({ value: sortValueOf(last.item.message, query.sort), id: last.item.id })
      : null;
  return {
    items: page.map((p) => p.current),
    nextCursor,
    ...(query.withTotal ? { total } : {}),
  };
}

const listedOf = (stored: StoredMessage) => ({
  id: stored.id,
  status: stored.status,
  message: stored.snapshot.context,
  deadline: deadlineStateOf(stored.snapshot),
});

/** How many messages `viewer` may see in each of their queues (see `inQueue`). */
export function countQueues(
  all: StoredMessage[],
  viewer: Principal,
  directory: Directory,
): QueueCounts {
  const scope = viewScopeOf(viewer, directory);
  const counts = Object.fromEntries(Object.keys(queueLabels).map((q) => [q, 0])) as QueueCounts;
  const queues = Object.keys(queueLabels) as (keyof QueueCounts)[];
  for (const stored of all) {
    const item = listedOf(stored);
    if (!isVisible(scope, item.message, item.status)) continue;
    for (const q of queues) if (inQueue(item, q, viewer.id)) counts[q] += 1;
  }
  return counts;
}

/** How many messages `viewer` may see in each folder. */
export function countFolders(
  all: StoredMessage[],
  viewer: Principal,
  directory: Directory,
): FolderCounts {
  const scope = viewScopeOf(viewer, directory);
  const counts = emptyCounts();
  for (const { status, snapshot } of all) {
    if (isVisible(scope, snapshot.context, status)) counts[folderOf(status, snapshot.context)] += 1;
  }
  return counts;
}
