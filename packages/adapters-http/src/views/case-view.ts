import {
  availableCaseEvents,
  type CaseStore,
  caseHistoryLineFor,
  caseStatuses,
  caseViewerOf,
  caseViewFor,
  caseViewScopeOf,
  type Directory,
  isCaseVisible,
  type Principal,
  type StoredCase,
  type StoredCaseHistoryRecord,
} from '@reshaem/core';
import type { CaseHistoryItem, CaseListItem, CaseView } from '../schemas/case-views.js';

/** The card as this principal may read it (SPEC §11 and the ОНФ card rules). */
export const shownCard = (stored: StoredCase, principal: Principal, directory: Directory) =>
  caseViewFor(caseViewerOf(principal, stored.snapshot.context, directory), stored.snapshot.context);

/** A card in a list: its id, version, status (code and label) and the card as shown. */
export const caseListItem = (
  stored: StoredCase,
  principal: Principal,
  directory: Directory,
): CaseListItem => {
  const card = shownCard(stored, principal, directory);
  return {
    id: stored.id,
    version: stored.version,
    status: { code: stored.status, label: caseStatuses[stored.status].label },
    locked: card.lock !== null,
    card,
  };
};

/** A card as its page shows it, with the buttons the caller may press now. */
export async function caseView(
  stored: StoredCase,
  principal: Principal,
  store: CaseStore & { directory: Directory },
): Promise<CaseView> {
  const heldCardIds = await store.casesHeldBy(principal.id);
  return {
    ...caseListItem(stored, principal, store.directory),
    availableEvents: availableCaseEvents(stored.snapshot, principal, store.directory, {
      heldCardIds,
    }),
  };
}

/** The lines of a card's history, as this principal may read them. */
export const caseHistoryItems = (
  stored: StoredCase,
  records: readonly StoredCaseHistoryRecord[],
  principal: Principal,
  directory: Directory,
): CaseHistoryItem[] => {
  const viewer = caseViewerOf(principal, stored.snapshot.context, directory);
  return records.map((record) => caseHistoryLineFor(viewer, record));
};

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
