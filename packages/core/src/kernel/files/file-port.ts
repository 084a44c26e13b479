import type { StoredFile } from './file-descriptor.js';

/** What the uploader says about a new file; size and SHA-256 the store counts itself. */
export interface NewFile {
  id: string;
  /** The cleaned name (see the HTTP adapter's name rules). */
  name: string;
  /** The type detected from the bytes. */
  contentType: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** A stored file and a stream of its bytes, read as the consumer pulls. */
export interface FileDownload {
  file: StoredFile;
  bytes: ReadableStream<Uint8Array>;
}

/**
 * Where the bytes of uploads live: a narrow port like the message store's. Every method
 * but `put` is about descriptors the store already holds; `put` consumes a stream and
 * keeps it without holding it whole, so a store's memory does not grow with a file's size.
 * A `put` whose stream fails leaves nothing behind that `describe` or `get` would show.
 */
export interface FileStore {
  /**
   * Stores the bytes as they arrive and returns the descriptor with their size and
   * SHA-256. Rejects (and keeps nothing) when the stream errors; the caller aborts the
   * stream to refuse an upload half-way.
   */
  put(file: NewFile, bytes: AsyncIterable<Uint8Array>): Promise<StoredFile>;
  /** The stored files among `ids` (unknown ids are left out), in no particular order. */
  describe(ids: readonly string[]): Promise<StoredFile[]>;
  /** The file and its bytes, or `undefined`. */
  get(id: string): Promise<FileDownload | undefined>;
  /**
   * Attaches fresh uploads to a message (idempotent). Files already attached elsewhere are
   * left alone; the core's rule has refused such references before.
   */
  attach(ids: readonly string[], messageId: string): Promise<void>;
  /** Removes a file and its bytes; `false` when there was none. */
  delete(id: string): Promise<boolean>;
  /**
   * Uploads attached to nothing and uploaded before `before` (an instant), oldest first, at
   * most `limit` — what the cleanup removes.
   */
  unattachedBefore(before: string, limit: number): Promise<StoredFile[]>;
}
