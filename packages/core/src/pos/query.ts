import { containsPoint } from '../kernel/geo/geo-point.js';
import type { Cursor } from '../kernel/store/cursor.js';
import type { Message, MessageStatus } from './schemas/message.js';
import type { MessageQuery, SortField } from './schemas/query.js';
import { sourceChannels } from './schemas/query.js';
import { folderOf } from './status.js';

/** A message with what a list needs to filter and sort it. */
export interface ListedMessage {
  id: string;
  status: MessageStatus;
  message: Message;
}

export { type Cursor, decodeCursor, encodeCursor } from '../kernel/store/cursor.js';

/** The sort key of a message. A message not yet registered sorts as the empty string. */
export const sortValueOf = (message: Message, field: SortField): string => message[field] ?? '';

/** Does the message pass every filter of the query (not the cursor)? */
export function matchesQuery(item: ListedMessage, query: MessageQuery): boolean {
  const m = item.message;
  if (query.folder && folderOf(item.status, m) !== query.folder) return false;
  if (query.statuses && !query.statuses.includes(item.status)) return false;
  if (query.orgIds && !query.orgIds.includes(m.holdingOrgId)) return false;
  if (query.executorIds && (m.executorId === null || !query.executorIds.includes(m.executorId)))
    return false;
  if (query.categoryIds && !query.categoryIds.includes(m.categoryId)) return false;
  if (query.subcategoryIds && !query.subcategoryIds.includes(m.subcategoryId)) return false;
  if (query.factIds && (m.factId === null || !query.factIds.includes(m.factId))) return false;
  if (query.source !== 'all') {
    const channels: readonly string[] = sourceChannels[query.source];
    if (!channels.includes(m.channel)) return false;
  }
  if (query.channels && !query.channels.includes(m.channel)) return false;
  if (query.fastTrack !== undefined && m.fastTrack !== query.fastTrack) return false;
  if (query.overdue !== undefined && m.overdue !== query.overdue) return false;
  if (query.isPublic !== undefined && m.isPublic !== query.isPublic) return false;
  if (
    query.delegatedByAutorule !== undefined &&
    (m.delegatedByAutorule !== null) !== query.delegatedByAutorule
  ) {
    return false;
  }
  if (query.text) {
    const needle = query.text.toLocaleLowerCase('ru');
    if (!m.text.toLocaleLowerCase('ru').includes(needle) && !m.number.includes(query.text)) {
      return false;
    }
  }
  if (
    query.responseDueFrom &&
    (m.responseDueAt === null || m.responseDueAt < query.responseDueFrom)
  ) {
    return false;
  }
  if (query.responseDueTo && (m.responseDueAt === null || m.responseDueAt > query.responseDueTo)) {
    return false;
  }
  if (query.createdFrom && m.createdAt < query.createdFrom) return false;
  if (query.createdTo && m.createdAt > query.createdTo) return false;
  if (query.bbox && (!m.location || !containsPoint(query.bbox, m.location))) return false;
  return true;
}

/** Orders two messages as the query sorts them; ties broken by id in the same direction. */
export function compareForQuery(a: ListedMessage, b: ListedMessage, query: MessageQuery): number {
  const va = sortValueOf(a.message, query.sort);
  const vb = sortValueOf(b.message, query.sort);
  const order = va < vb ? -1 : va > vb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return query.direction === 'asc' ? order : -order;
}

/** Is the message after the cursor in the query's order? */
export function isAfterCursor(item: ListedMessage, cursor: Cursor, query: MessageQuery): boolean {
  const value = sortValueOf(item.message, query.sort);
  const order =
    value < cursor.value
      ? -1
      : value > cursor.value
        ? 1
        : item.id < cursor.id
          ? -1
          : item.id > cursor.id
            ? 1
            : 0;
  return query.direction === 'asc' ? order > 0 : order < 0;
}
