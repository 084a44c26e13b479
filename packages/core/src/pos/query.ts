import { containsPoint } from '../kernel/geo/geo-point.js';
import type { Principal } from '../kernel/schemas/principal.js';
import type { Cursor } from '../kernel/store/cursor.js';
import { worksFolders } from './field-visibility.js';
import { type DeadlineState, inQueue } from './queues.js';
import type { Message, MessageStatus } from './schemas/message.js';
import type { MessageQuery, SortField } from './schemas/query.js';
import { sourceChannels } from './schemas/query.js';
import { folderOf } from './status.js';

/** A message with what a list needs to filter and sort it. */
export interface ListedMessage {
  id: string;
  status: MessageStatus;
  message: Message;
  /**
   * The deadline region's state (`deadlineStateOf(snapshot)`), for the «Скоро срок» and
   * «Просрочено» queues; taken as `null` when left out.
   */
  deadline?: DeadlineState;
}

/** Who lists, as far as the filters care: their id (personal queues) and name search. */
export interface QueryViewer {
  id: string | null;
  /** Does the text filter search the applicant's name too? */
  searchesNames: boolean;
}

/**
 * Does every message this principal may list show them the applicant's name (SPEC §11)?
 * Then the text filter searches names as well: true for the organisations' staff and the
 * 122 operators; an applicant's list holds only their own messages.
 *
 * @example
 * searchesApplicantNames(coordinator); // true
 */
export function searchesApplicantNames(principal: Principal): boolean {
  return worksFolders(principal) || principal.roles.some((g) => g.role === 'operator');
}

/** The {@link QueryViewer} of a principal. */
export const queryViewerOf = (principal: Principal): QueryViewer => ({
  id: principal.id,
  searchesNames: searchesApplicantNames(principal),
});

const nobody: QueryViewer = { id: null, searchesNames: false };

export { type Cursor, decodeCursor, encodeCursor } from '../kernel/store/cursor.js';

/** The sort key of a message. A message not yet registered sorts as the empty string. */
export const sortValueOf = (message: Message, field: SortField): string => message[field] ?? '';

/**
 * Does the message pass every filter of the query (not the cursor)? Without a viewer, the
 * personal queues match nothing and the text is not searched in names.
 */
export function matchesQuery(
  item: ListedMessage,
  query: MessageQuery,
  viewer: QueryViewer = nobody,
): boolean {
  const m = item.message;
  if (query.folder && folderOf(item.status, m) !== query.folder) return false;
  if (
    query.queue &&
    !inQueue(
      { status: item.status, message: m, deadline: item.deadline ?? null },
      query.queue,
      viewer.id,
    )
  ) {
    return false;
  }
  if (query.ids && !query.ids.includes(item.id)) return false;
  if (query.appeal59fz !== undefined && (m.lawType === 'appeal_59fz') !== query.appeal59fz) {
    return false;
  }
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
  if (query.rated !== undefined && m.ratings.length > 0 !== query.rated) return false;
  if (query.ratingScores) {
    const scores: readonly number[] = query.ratingScores;
    if (!m.ratings.some((r) => scores.includes(r.score))) return false;
  }
  if (query.reReviewed !== undefined && m.reReviewRound > 0 !== query.reReviewed) return false;
  if (query.text) {
    const needle = query.text.toLocaleLowerCase('ru');
    const inName =
      viewer.searchesNames && m.applicant.name.toLocaleLowerCase('ru').includes(needle);
    if (
      !m.text.toLocaleLowerCase('ru').includes(needle) &&
      !m.number.includes(query.text) &&
      !inName
    ) {
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
