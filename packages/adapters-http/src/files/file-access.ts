import {
  caseIdOfFileOwner,
  caseViewerOf,
  fileIdsOf,
  hasCaseStore,
  type MessageStore,
  messageViewerOf,
  type Principal,
  type StoredFile,
  seesCaseField,
  viewFor,
} from '@reshaem/core';
import { visibleMessage } from '../access.js';
import { visibleCase } from '../views/case-view.js';

/**
 * May the principal download the file? The field rules decide, as for the message itself:
 * a fresh upload only its uploader; an attached file whoever sees it in their view of the
 * message — the applicant their attachments and an approved answer's files (never a
 * draft's), officials what their scope shows. A card's file (attached under
 * `caseFileOwner`) whoever sees the card's resolution (`caseFieldRules.resolution`: its
 * executor, the region's supervisors and curators, the system), including the files of a
 * resolution returned for rework, which the card's history shows them. Anyone else is told
 * the file does not exist.
 */
export async function mayDownload(
  principal: Principal,
  file: StoredFile,
  store: MessageStore,
): Promise<boolean> {
  if (file.attachedTo === null) return file.uploadedBy === principal.id;
  const caseId = caseIdOfFileOwner(file.attachedTo);
  if (caseId !== undefined) {
    if (!hasCaseStore(store)) return false;
    const card = await visibleCase(store, principal, caseId);
    if (!card) return false;
    const viewer = caseViewerOf(principal, card.snapshot.context, store.directory);
    return seesCaseField(viewer, 'resolution');
  }
  const stored = await visibleMessage(store, principal, file.attachedTo);
  if (!stored) return false;
  const message = stored.snapshot.context;
  const view = viewFor(messageViewerOf(principal, message, store.directory), message);
  return fileIdsOf(view).includes(file.id);
}
