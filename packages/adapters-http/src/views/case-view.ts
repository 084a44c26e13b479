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
  type ShownCase,
  type StoredCase,
  type StoredCaseHistoryRecord,
} from '@reshaem/core';
import type {
  CaseFileLink,
  CaseHistoryItem,
  CaseListItem,
  CaseView,
} from '../schemas/case-views.js';
import { fileUrl } from './file-links.js';

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

/** The uploads of the card as shown (a hidden resolution has none), with download URLs. */
export const caseFileLinksOf = (card: ShownCase, basePath: string): CaseFileLink[] =>
  (card.resolution?.files ?? []).flatMap((f) =>
    f.fileId === undefined
      ? []
      : [
          {
            id: f.fileId,
            name: f.name,
            size: f.size ?? 0,
            contentType: f.contentType ?? 'application/octet-stream',
            sha256: f.sha256 ?? '',
            field: 'resolution' as const,
            downloadUrl: fileUrl(basePath, f.fileId),
          },
        ],
  );

/** A card as its page shows it, with the buttons the caller may press now and its files. */
export async function caseView(
  stored: StoredCase,
  principal: Principal,
  store: CaseStore & { directory: Directory },
  basePath: string,
): Promise<CaseView> {
  const heldCardIds = await store.casesHeldBy(principal.id);
  const item = caseListItem(stored, principal, store.directory);
  return {
    ...item,
    availableEvents: availableCaseEvents(stored.snapshot, principal, store.directory, {
      heldCardIds,
    }),
    files: caseFileLinksOf(item.card, basePath),
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
