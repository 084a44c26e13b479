import {
  availableCaseEvents,
  type CaseStore,
  caseStatuses,
  caseViewScopeOf,
  type Directory,
  isCaseVisible,
  type Principal,
  type StoredCase,
  type StoredCaseHistoryRecord,
} from '@reshaem/core';
import type { CaseHistoryItem, CaseListItem, CaseView } from '../schemas/case-views.js';

/** A card in a list: its id, version, status (code and label) and the whole card. */
export const caseListItem = (stored: StoredCase): CaseListItem => ({
  id: stored.id,
  version: stored.version,
  status: { code: stored.status, label: caseStatuses[stored.status].label },
  locked: stored.snapshot.context.lock !== null,
  card: stored.snapshot.context,
});

/** A card as its page shows it, with the buttons the caller may press now. */
export async function caseView(
  stored: StoredCase,
  principal: Principal,
  store: CaseStore & { directory: Directory },
): Promise<CaseView> {
  const heldCardIds = await store.casesHeldBy(principal.id);
  return {
    ...caseListItem(stored),
    availableEvents: availableCaseEvents(stored.snapshot, principal, store.directory, {
      heldCardIds,
    }),
  };
}

/** A line of a card's history, as stored. */
export const caseHistoryItem = (record: StoredCaseHistoryRecord): CaseHistoryItem => record;

/** The card if it exists and the caller may see it (404 otherwise, so existence does not leak). */
export async function visibleCase(
  store: CaseStore & { directory: Directory },
  principal: Principal,
  id: string,
): Promise<StoredCase | undefined> {
  const stored = await store.getCase(id);
  if (!stored) return undefined;
  const scope = caseViewScopeOf(principal, store.directory);
  return isCaseVisible(scope, stored.snapshot.context) ? stored : undefined;
}
