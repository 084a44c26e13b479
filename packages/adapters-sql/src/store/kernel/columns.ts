import {
  deadlineStateOf,
  definitionVersionOf,
  folderOf,
  isRework,
  type MessageSnapshot,
  type MessageStatus,
} from '@reshaem/core';

/**
 * The message columns derived from a snapshot (its `status` as the store's workflow computes
 * it): what filters, sorts and scopes read, and the definition version that made it.
 */
export function messageColumns(snapshot: MessageSnapshot, status: MessageStatus) {
  const m = snapshot.context;
  return {
    status,
    folder: folderOf(status, m),
    number: m.number,
    holding_org_id: m.holdingOrgId,
    received_org_id: m.receivedOrgId,
    executor_id: m.executorId,
    applicant_user_id: m.applicant.userId,
    channel: m.channel,
    category_id: m.categoryId,
    subcategory_id: m.subcategoryId,
    fact_id: m.factId,
    region_code: m.regionCode,
    fast_track: m.fastTrack,
    overdue: m.overdue,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    registered_at: m.registeredAt ?? '-infinity',
    response_due_at: m.responseDueAt ?? null,
    response_due_sort: m.responseDueAt ?? '-infinity',
    delegated_by_autorule: m.delegatedByAutorule !== null,
    search_text: searchTextOf(m.text),
    definition_version: definitionVersionOf(snapshot),
    deadline_state: deadlineStateOf(snapshot),
    rework: isRework({ status, message: m }),
    extension_pending: m.pendingExtension !== null,
    law_type: m.lawType,
    applicant_search: searchTextOf(m.applicant.name),
    location_lat: m.location?.lat ?? null,
    location_lon: m.location?.lon ?? null,
    is_public: m.isPublic,
  };
}
export type MessageColumns = ReturnType<typeof messageColumns>;

/**
 * Lower case as the core's in-memory filter folds it. Folding in JavaScript rather than
 * with SQL `lower()`/`ILIKE` keeps Cyrillic search right in a database created with the C
 * locale (where PostgreSQL folds ASCII only).
 */
export const searchTextOf = (text: string): string => text.toLocaleLowerCase('ru');

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
export const likeContaining = (text: string): string =>
  `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Where a message is counted in `folder_counts`. */
export interface CountKey {
  holdingOrgId: string;
  receivedOrgId: string;
  operatorEntered: boolean;
  folder: string;
}

export function countKeyOf(snapshot: MessageSnapshot, status: MessageStatus) {
  const m = snapshot.context;
  return {
    holdingOrgId: m.holdingOrgId,
    receivedOrgId: m.receivedOrgId,
    operatorEntered: m.channel === 'operator',
    folder: folderOf(status, m),
  } satisfies CountKey;
}

const keyText = (k: CountKey) =>
  [k.holdingOrgId, k.receivedOrgId, k.operatorEntered ? '1' : '0', k.folder].join('\u0000');

/**
 * The count changes a write makes: one up for the new key, one down for the old, nothing
 * when they agree. Sorted by key so that concurrent writers lock counter rows in the same
 * order and never deadlock on them.
 */
export function countChanges(before: CountKey | null, after: CountKey) {
  if (before && keyText(before) === keyText(after)) return [];
  const changes = [{ key: after, delta: 1 }];
  if (before) changes.push({ key: before, delta: -1 });
  return changes.sort((a, b) => (keyText(a.key) < keyText(b.key) ? -1 : 1));
}
