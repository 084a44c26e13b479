import {
  type CaseViewer,
  caseTimeZone,
  caseViewerOf,
  caseViewFor,
  type Directory,
  type Principal,
  type ShownCase,
  type StoredCase,
} from '@reshaem/core';

/** A stored card with its record as the viewer may see it: nothing renders a raw snapshot. */
export interface ShownStoredCase {
  id: string;
  version: number;
  status: StoredCase['status'];
  card: ShownCase;
  viewer: CaseViewer;
  /** The lock's state (held or not), which the list and the card show even without a name. */
  locked: boolean;
}

/**
 * The card through the core's field rules (`caseViewerOf`, `caseViewFor`): a part the user
 * may not see holds its empty value.
 */
export function shownCase(
  stored: StoredCase,
  user: Principal,
  directory: Directory,
): ShownStoredCase {
  const viewer = caseViewerOf(user, stored.snapshot.context, directory);
  return {
    id: stored.id,
    version: stored.version,
    status: stored.status,
    card: caseViewFor(viewer, stored.snapshot.context),
    viewer,
    locked: stored.snapshot.context.lock !== null,
  };
}

/** «25.01.2025 23:59» of an instant in the card's region. */
export const caseZone = (card: Pick<ShownCase, 'regionCode'>): string => caseTimeZone(card);
