import {
  applicantHistoryRecord,
  applicantView,
  availableEvents,
  type Directory,
  type Message,
  type Principal,
  type StoredHistoryRecord,
  type StoredMessage,
  seesOnlyAsApplicant,
  type ViewScope,
  viewScopeOf,
} from '@reshaem/core';
import type { HistoryItem, MessageListItem, MessageView } from '../schemas/views.js';
import { deadlinesView } from './deadlines-view.js';
import { historyItem } from './history-view.js';
import { statusView } from './status-view.js';

/**
 * Who is looking, worked out once per request: an applicant who sees a message only as
 * its sender gets {@link applicantView} of it (no draft answers, no internal comments or
 * routing) and the public course of its history.
 */
export interface Viewer {
  principal: Principal;
  scope: ViewScope;
}

export const viewerOf = (principal: Principal, directory: Directory): Viewer => ({
  principal,
  scope: viewScopeOf(principal, directory),
});

/** The message as this viewer may read it. */
export function shownMessage(stored: StoredMessage, viewer: Viewer): Message {
  const message = stored.snapshot.context;
  return seesOnlyAsApplicant(viewer.scope, message, stored.status)
    ? applicantView(message)
    : message;
}

export function messageListItem(
  stored: StoredMessage,
  viewer: Viewer,
  directory: Directory,
  now: Date,
): MessageListItem {
  const message = shownMessage(stored, viewer);
  return {
    id: stored.id,
    version: stored.version,
    status: statusView(stored.status, message),
    message,
    deadlines: deadlinesView(message, directory, now),
  };
}

export function messageView(
  stored: StoredMessage,
  viewer: Viewer,
  directory: Directory,
  now: Date,
): MessageView {
  // The list item, with the events added to it rather than copied with a spread: the
  // response of every read and write is built here.
  const view = messageListItem(stored, viewer, directory, now) as MessageView;
  view.availableEvents = availableEvents(stored.snapshot, viewer.principal, directory);
  return view;
}

/** The ход работ as this viewer may read it. */
export function historyView(
  stored: StoredMessage,
  records: StoredHistoryRecord[],
  viewer: Viewer,
  directory: Directory,
): HistoryItem[] {
  const applicantOnly = seesOnlyAsApplicant(viewer.scope, stored.snapshot.context, stored.status);
  return records.map((record) =>
    historyItem(
      applicantOnly ? applicantHistoryRecord(record, viewer.principal.id, directory) : record,
      directory,
    ),
  );
}
