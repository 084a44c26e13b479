import type { Cursor } from '../kernel/store/cursor.js';
import { federalDistrictOf } from './federal-districts.js';
import type { CaseRecord } from './schemas/case.js';
import type { CaseStatus } from './schemas/parts.js';
import type { CaseQuery, LockFilter } from './schemas/query.js';

/** A card with what a list needs to filter and sort it. */
export interface ListedCase {
  id: string;
  status: CaseStatus;
  card: CaseRecord;
}

/**
 * The digits of a phone number in a comparable form: a leading 8 of an eleven-digit Russian
 * number becomes 7, so `8 (917) 561-89-18` and `+7(917)561-89-18` compare equal.
 *
 * @example
 * phoneDigits('+7(917)561-89-18'); // '79175618918'
 */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
}

const contains = (haystack: string | null, needle: string) =>
  haystack?.toLocaleLowerCase('ru').includes(needle.toLocaleLowerCase('ru')) === true;

/**
 * Does the lock filter pass a card for this viewer?
 *
 * @example
 * matchesLock({ holderId: 'exec-75', since }, 'mine_or_free', 'exec-75'); // true
 */
export function matchesLock(
  lock: CaseRecord['lock'],
  filter: LockFilter,
  viewerId: string,
): boolean {
  switch (filter) {
    case 'free':
      return lock === null;
    case 'held':
      return lock !== null;
    case 'mine':
      return lock?.holderId === viewerId;
    case 'others':
      return lock !== null && lock.holderId !== viewerId;
    case 'mine_or_free':
      return lock === null || lock.holderId === viewerId;
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}

const anyOf = <T>(values: readonly T[] | undefined, value: T | null) =>
  values === undefined || (value !== null && values.includes(value));

/**
 * Does the card pass every filter of the query (not the cursor), as `viewerId` sees it?
 * The in-memory counterpart of a store's SQL `WHERE`; stores reuse it.
 *
 * @example
 * cards.filter((c) => matchesCaseQuery(c, caseQuerySchema.parse({ lock: 'free',
 *   labelsAbsent: ['federal_level'] }), viewer.id));
 */
export function matchesCaseQuery(item: ListedCase, query: CaseQuery, viewerId: string): boolean {
  const c = item.card;
  if (query.number !== undefined && c.number !== query.number) return false;
  if (!anyOf(query.statuses, item.status)) return false;
  if (query.lock && !matchesLock(c.lock, query.lock, viewerId)) return false;
  if (query.applicantName && !contains(c.applicant.name, query.applicantName)) return false;
  if (query.phone) {
    const wanted = phoneDigits(query.phone);
    if (wanted && !phoneDigits(c.applicant.phone).includes(wanted)) return false;
  }
  if (query.text && !contains(c.text, query.text)) return false;
  if (query.contactedBefore !== undefined && c.contactedBefore !== query.contactedBefore) {
    return false;
  }
  if (query.urgent !== undefined && c.urgent !== query.urgent) return false;
  if (!anyOf(query.channels, c.channel)) return false;
  if (!anyOf(query.federalDistricts, federalDistrictOf(c.regionCode)?.code ?? null)) return false;
  if (!anyOf(query.regionCodes, c.regionCode)) return false;
  if (query.municipality && !contains(c.municipality, query.municipality)) return false;
  if (query.address && !contains(c.address, query.address)) return false;
  if (!anyOf(query.categoryTypes, c.categoryType)) return false;
  if (!anyOf(query.categoryIds, c.categoryId)) return false;
  if (!anyOf(query.subcategoryIds, c.subcategoryId)) return false;
  if (!anyOf(query.executorIds, c.executorId)) return false;
  if (!anyOf(query.orgIds, c.orgId)) return false;
  if (query.createdFrom && c.createdAt < query.createdFrom) return false;
  if (query.createdTo && c.createdAt > query.createdTo) return false;
  if (query.labelsPresent && !query.labelsPresent.every((l) => c.labels.includes(l))) return false;
  if (query.labelsAbsent?.some((l) => c.labels.includes(l))) return false;
  if (query.sourceId !== undefined && c.sourceId !== query.sourceId) return false;
  return true;
}

/** Orders two cards as the query sorts them; ties broken by id in the same direction. */
export function compareCasesForQuery(a: ListedCase, b: ListedCase, query: CaseQuery): number {
  const va = a.card[query.sort];
  const vb = b.card[query.sort];
  const order = va < vb ? -1 : va > vb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return query.direction === 'asc' ? order : -order;
}

/** Is the card after the cursor (see `encodeCursor`) in the query's order? */
export function isCaseAfterCursor(item: ListedCase, cursor: Cursor, query: CaseQuery): boolean {
  const value = item.card[query.sort];
  const order =
    value !== cursor.value
      ? value < cursor.value
        ? -1
        : 1
      : item.id < cursor.id
        ? -1
        : item.id > cursor.id
          ? 1
          : 0;
  return query.direction === 'asc' ? order > 0 : order < 0;
}
