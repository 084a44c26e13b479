import type { WorkflowName } from '../kernel/versions/definition.js';
import type { StoredMessage, StoreError } from './store-port.js';
import type { HistoryRecord, MessageSnapshot } from './workflow.js';

/** How many stored snapshots one definition version of one workflow made. */
export interface DefinitionCount {
  workflow: WorkflowName;
  version: number;
  count: number;
}

/** One page of {@link SnapshotVersionPort.listByDefinition}: ids after `afterId`, at most `limit`. */
export interface ListByDefinitionOptions {
  /** Exclusive: the page starts after this message id (from the start when absent). */
  afterId?: string | undefined;
  limit: number;
}

/** What {@link SnapshotVersionPort.writeMigrated} did: the message's new version, or why not. */
export type MigratedWriteResult = { ok: true; version: number } | { ok: false; error: StoreError };

/**
 * What a batch migration needs of a store (an optional capability, see
 * {@link hasSnapshotVersions}): counts of stored snapshots by definition version, pages of
 * one version's messages, and a versioned write of a migrated snapshot. The memory and SQL
 * stores implement it.
 */
export interface SnapshotVersionPort {
  /** Stored snapshots by workflow and definition version (messages and cards), sorted. */
  countByDefinition(): Promise<DefinitionCount[]>;
  /** The messages whose snapshot is of definition `version`, ordered by id. */
  listByDefinition(version: number, options: ListByDefinitionOptions): Promise<StoredMessage[]>;
  /**
   * Writes `snapshot` (the migration of `stored.snapshot`) as one versioned update — only if
   * the message is still at `stored.version` — with `record` as its history line; the status
   * stored is `record.toStatus`. Timers follow the new snapshot; there are no effects. A
   * message changed meanwhile gives `version_conflict` and nothing is written.
   */
  writeMigrated(
    stored: StoredMessage,
    snapshot: MessageSnapshot,
    record: HistoryRecord,
  ): Promise<MigratedWriteResult>;
}

/**
 * Can the store count, list and migrate snapshots by definition version?
 *
 * @example
 * if (hasSnapshotVersions(store)) console.log(await store.countByDefinition());
 */
export function hasSnapshotVersions<T extends object>(store: T): store is T & SnapshotVersionPort {
  const s = store as Partial<SnapshotVersionPort>;
  return (
    typeof s.countByDefinition === 'function' &&
    typeof s.listByDefinition === 'function' &&
    typeof s.writeMigrated === 'function'
  );
}
