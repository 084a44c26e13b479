import {
  type Directory,
  historyLineFor,
  messageViewerOf,
  type Principal,
  type ShownMessage,
  type StoredHistoryRecord,
  type StoredMessage,
  viewFor,
} from '@reshaem/core';

/**
 * A stored message as one user may see it: the same shape as {@link StoredMessage}, with
 * the context passed through the core's field rules ({@link viewFor}). Pages render only
 * this, never a raw snapshot.
 */
export type ShownStoredMessage = Omit<StoredMessage, 'snapshot'> & {
  snapshot: { value: StoredMessage['snapshot']['value']; context: ShownMessage };
};

/** The message as `user` may see it. */
export function shownStored(
  stored: StoredMessage,
  user: Principal,
  directory: Directory,
): ShownStoredMessage {
  const viewer = messageViewerOf(user, stored.snapshot.context, directory);
  return {
    ...stored,
    snapshot: { value: stored.snapshot.value, context: viewFor(viewer, stored.snapshot.context) },
  };
}

/** The history lines `user` may see, as the core's rules show them. */
export function shownHistory(
  stored: StoredMessage,
  records: readonly StoredHistoryRecord[],
  user: Principal,
  directory: Directory,
): StoredHistoryRecord[] {
  const viewer = messageViewerOf(user, stored.snapshot.context, directory);
  return records.flatMap((record) => historyLineFor(viewer, record, directory) ?? []);
}
