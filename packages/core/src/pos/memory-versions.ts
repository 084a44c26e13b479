import {
  type DefinitionStamp,
  definitionVersionOf,
  type WorkflowName,
} from '../kernel/versions/definition.js';
import type { DefinitionCount, SnapshotVersionPort } from './snapshot-version-port.js';
import type { StoredMessage, StoreError } from './store-port.js';
import type { Applied } from './workflow.js';

/** Anything stored with a snapshot that may carry a definition stamp. */
type Stamped = { snapshot: { definition?: DefinitionStamp | undefined } };

/** What the memory store lends its {@link SnapshotVersionPort}. */
export interface MemoryVersionsSource {
  /** The messages as stored now. */
  messages(): Iterable<StoredMessage>;
  /** One message as stored now. */
  message(id: string): StoredMessage | undefined;
  /** The ОНФ cards as stored now (only their stamps are read). */
  cards(): Iterable<Stamped>;
  /** Stores an applied write at `version`: snapshot, history line and timers. */
  persist(applied: Applied, version: number): StoredMessage;
}

const conflict = (id: string, expected: number, actual: number): StoreError => ({
  kind: 'version_conflict',
  message: `message ${id} is at version ${actual}, not ${expected}`,
  expected,
  actual,
});

function countInto(
  counts: Map<string, DefinitionCount>,
  workflow: WorkflowName,
  snapshots: Iterable<Stamped>,
) {
  for (const { snapshot } of snapshots) {
    const version = definitionVersionOf(snapshot);
    const key = `${workflow}:${version}`;
    const count = counts.get(key) ?? { workflow, version, count: 0 };
    count.count += 1;
    counts.set(key, count);
  }
}

/**
 * The memory store's snapshot-version capability: counts and pages by a scan of what it
 * keeps, and a migrated write through the store's own `persist`, so it is versioned like
 * any other write (and, being synchronous, atomic).
 */
export function createMemoryVersions(source: MemoryVersionsSource): SnapshotVersionPort {
  return {
    async countByDefinition() {
      const counts = new Map<string, DefinitionCount>();
      countInto(counts, 'pos', source.messages());
      countInto(counts, 'onf', source.cards());
      return [...counts.values()].sort((a, b) =>
        a.workflow === b.workflow ? a.version - b.version : a.workflow < b.workflow ? -1 : 1,
      );
    },

    async listByDefinition(version, { afterId, limit }) {
      const page: StoredMessage[] = [];
      for (const m of source.messages()) {
        if (definitionVersionOf(m.snapshot) !== version) continue;
        if (afterId !== undefined && m.id <= afterId) continue;
        page.push(m);
      }
      return page.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit);
    },

    async writeMigrated(stored, snapshot, record) {
      const current = source.message(stored.id);
      if (!current) {
        const message = `no message ${stored.id}`;
        return { ok: false, error: { kind: 'not_found', message, messageId: stored.id } };
      }
      if (current.version !== stored.version) {
        return { ok: false, error: conflict(stored.id, stored.version, current.version) };
      }
      const applied: Applied = {
        ok: true,
        event: null,
        snapshot,
        status: record.toStatus,
        effects: [],
        record,
      };
      return { ok: true, version: source.persist(applied, stored.version + 1).version };
    },
  };
}
