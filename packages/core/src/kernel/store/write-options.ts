import type { FileContext } from '../files/check-file-references.js';

/** Options of a write that creates a record (a message, a card). */
export interface WriteOptions {
  /**
   * The same key (per principal) replays the first successful result instead of
   * applying the event twice.
   */
  idempotencyKey?: string;
  /**
   * The uploads the event refers to, looked up in the file store, with the file rules:
   * the core checks the event's file references against them.
   */
  files?: FileContext;
}

/** Options of a write to an existing record: its expected version. */
export interface SendOptions extends WriteOptions {
  /** Refuse with `version_conflict` unless the message is at this version. */
  expectedVersion?: number;
}
