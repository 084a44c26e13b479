import type { MessageSnapshot } from '@reshaem/core';

/** A message as this store last committed it. */
export interface Remembered {
  version: number;
  snapshot: MessageSnapshot;
}

/**
 * The messages this store has last written, as it committed them, so that the next event
 * for one of them need not read it back: the optimistic write checks the version anyway,
 * and whatever this store remembers is only ever a guess the database confirms. A guess
 * that fails — another process wrote the message since, or the rules refuse the event on
 * what was remembered — is forgotten and the message read afresh, so a stale entry costs
 * one round trip and never a wrong answer. Only committed writes are remembered (never a
 * replay, never a write inside a transaction that has not ended), and every message
 * version is written once, so the database never holds the remembered version with other
 * content. Snapshots are frozen deeply: the object handed to callers is the one kept.
 * The least recently used entry makes room when `size` is reached; `0` remembers nothing.
 */
export interface RecentMessages {
  get(messageId: string): Remembered | undefined;
  remember(messageId: string, message: Remembered): void;
  forget(messageId: string): void;
}

export function recentMessages(size: number): RecentMessages {
  const entries = new Map<string, Remembered>();
  return {
    get(messageId) {
      const entry = entries.get(messageId);
      if (entry !== undefined) {
        entries.delete(messageId);
        entries.set(messageId, entry);
      }
      return entry;
    },
    remember(messageId, message) {
      if (size <= 0) return;
      const known = entries.get(messageId);
      if (known !== undefined && known.version > message.version) return;
      entries.delete(messageId);
      if (entries.size >= size) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(messageId, { version: message.version, snapshot: frozen(message.snapshot) });
    },
    forget(messageId) {
      entries.delete(messageId);
    },
  };
}

/** Freezes in place what is not frozen yet (a write's snapshot shares the rest). */
function frozen<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key in value) frozen(value[key]);
  return value;
}
