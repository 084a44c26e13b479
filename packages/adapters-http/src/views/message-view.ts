import {
  type Directory,
  historyLineFor,
  type MessageStore,
  messageViewerOf,
  type Principal,
  posWorkflow,
  type ShownMessage,
  type StoredHistoryRecord,
  type StoredMessage,
  type ViewScope,
  viewFor,
  viewScopeOf,
} from '@reshaem/core';
import type { HistoryItem, MessageListItem, MessageView } from '../schemas/views.js';
import { deadlinesView } from './deadlines-view.js';
import { fileLinksOf } from './file-links.js';
import { historyItem } from './history-view.js';
import { statusView } from './status-view.js';

/**
 * Who is looking, worked out once per request. Each message is then shown through the
 * core's field rules ({@link viewFor}): the applicant gets their message's public course
 * (no draft answers, no internal comments, no officials), an operator that plus the
 * contact details and the delivery record, the organisations' staff all of it.
 */
export interface Viewer {
  principal: Principal;
  scope: ViewScope;
  /** The app's base path, for download URLs. */
  basePath: string;
}

export const viewerOf = (principal: Principal, directory: Directory, basePath = ''): Viewer => ({
  principal,
  scope: viewScopeOf(principal, directory),
  basePath,
});

/** The message as this viewer may read it (SPEC §11). */
export function shownMessage(
  stored: StoredMessage,
  viewer: Viewer,
  directory: Directory,
): ShownMessage {
  const message = stored.snapshot.context;
  return viewFor(messageViewerOf(viewer.principal, message, directory), message);
}

export function messageListItem(
  stored: StoredMessage,
  viewer: Viewer,
  directory: Directory,
  now: Date,
): MessageListItem {
  const shownTo = messageViewerOf(viewer.principal, stored.snapshot.context, directory);
  const message = viewFor(shownTo, stored.snapshot.context);
  return {
    id: stored.id,
    version: stored.version,
    status: statusView(stored.status, message, shownTo),
    message,
    deadlines: deadlinesView(message, directory, now),
    files: fileLinksOf(message, viewer.basePath),
  };
}

/**
 * The message with the events this viewer may send on it, as the store's workflow decides
 * them: a snapshot of an older definition gets the events of the definition it is kept on,
 * or migrated to.
 */
export function messageView(
  stored: StoredMessage,
  viewer: Viewer,
  store: Pick<MessageStore, 'directory' | 'workflow'>,
  now: Date,
): MessageView {
  const { directory } = store;
  const workflow = store.workflow ?? posWorkflow;
  // The list item, with the events added to it rather than copied with a spread: the
  // response of every read and write is built here.
  const view = messageListItem(stored, viewer, directory, now) as MessageView;
  view.availableEvents = workflow.availableEvents(stored.snapshot, viewer.principal, directory);
  return view;
}

/** The ход работ as this viewer may read it: only the lines that are theirs to see. */
export function historyView(
  stored: StoredMessage,
  records: StoredHistoryRecord[],
  viewer: Viewer,
  directory: Directory,
): HistoryItem[] {
  const shownTo = messageViewerOf(viewer.principal, stored.snapshot.context, directory);
  return records.flatMap((record) => {
    const line = historyLineFor(shownTo, record, directory);
    return line === null ? [] : [historyItem(line, directory)];
  });
}
