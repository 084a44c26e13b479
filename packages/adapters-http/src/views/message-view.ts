import { availableEvents, type Directory, type Principal, type StoredMessage } from '@reshaem/core';
import type { MessageListItem, MessageView } from '../schemas/views.js';
import { deadlinesView } from './deadlines-view.js';
import { statusView } from './status-view.js';

export function messageListItem(
  stored: StoredMessage,
  directory: Directory,
  now: Date,
): MessageListItem {
  const message = stored.snapshot.context;
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
  viewer: Principal,
  directory: Directory,
  now: Date,
): MessageView {
  return {
    ...messageListItem(stored, directory, now),
    availableEvents: availableEvents(stored.snapshot, viewer, directory),
  };
}
