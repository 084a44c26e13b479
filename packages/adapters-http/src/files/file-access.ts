import {
  fileIdsOf,
  type MessageStore,
  messageViewerOf,
  type Principal,
  type StoredFile,
  viewFor,
} from '@reshaem/core';
import { visibleMessage } from '../access.js';

/**
 * May the principal download the file? The field rules decide, as for the message itself:
 * a fresh upload only its uploader; an attached file whoever sees it in their view of the
 * message — the applicant their attachments and an approved answer's files (never a
 * draft's), officials what their scope shows. Anyone else is told the file does not exist.
 */
export async function mayDownload(
  principal: Principal,
  file: StoredFile,
  store: MessageStore,
): Promise<boolean> {
  if (file.attachedTo === null) return file.uploadedBy === principal.id;
  const stored = await visibleMessage(store, principal, file.attachedTo);
  if (!stored) return false;
  const message = stored.snapshot.context;
  const view = viewFor(messageViewerOf(principal, message, store.directory), message);
  return fileIdsOf(view).includes(file.id);
}
