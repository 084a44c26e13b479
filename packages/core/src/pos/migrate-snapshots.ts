import { SYSTEM_PRINCIPAL } from '../kernel/schemas/principal.js';
import { definitionVersionOf } from '../kernel/versions/definition.js';
import type { SnapshotVersionPort } from './snapshot-version-port.js';
import type { StoredMessage, StoreError } from './store-port.js';
import type { MessageWorkflow } from './versions.js';
import type { HistoryRecord } from './workflow.js';

/** Where a batch migration stands: reported after every page, and returned at the end. */
export interface SnapshotMigrationProgress {
  /** Messages this run wrote in their new version. */
  migrated: number;
  /** Writes lost to a concurrent writer (`version_conflict`); each such message is retried. */
  skipped: number;
  /** Messages still at a version being migrated, as far as this run knows. */
  remaining: number;
}

/** A message the workflow would not upgrade (or the store would not write), left as it was. */
export interface SnapshotMigrationFailure {
  messageId: string;
  error: StoreError;
}

/** What a batch migration did, when it stopped. */
export interface SnapshotMigrationReport extends SnapshotMigrationProgress {
  failed: SnapshotMigrationFailure[];
  /** `true` when `signal` stopped it before it was done. */
  aborted: boolean;
}

export interface MigrateSnapshotsOptions {
  /**
   * The definition versions to migrate; by default every version whose policy in
   * `workflow.known` is `migrate`. Each must have that policy.
   */
  from?: readonly number[];
  /** Messages per page (100 by default). */
  batchSize?: number;
  /** The instant of the history lines (`definition.migrate`): time is an input. */
  at: string;
  /** Called after every page. */
  onProgress?: (progress: SnapshotMigrationProgress) => void;
  /** Stops the run between two messages; what was written stays written. */
  signal?: AbortSignal;
  /** Passes over the versions before giving up on messages that keep conflicting (100). */
  maxPasses?: number;
}

const migrationRecord = (
  stored: StoredMessage,
  upgraded: StoredMessage['snapshot'],
  workflow: MessageWorkflow,
  at: string,
): HistoryRecord => ({
  messageId: stored.id,
  type: 'definition.migrate',
  at,
  by: {
    id: SYSTEM_PRINCIPAL.id,
    ...(SYSTEM_PRINCIPAL.name ? { name: SYSTEM_PRINCIPAL.name } : {}),
  },
  fromStatus: stored.status,
  toStatus: workflow.statusOf(upgraded),
  holdingOrgId: upgraded.context.holdingOrgId,
  payload: { from: definitionVersionOf(stored.snapshot), to: definitionVersionOf(upgraded) },
});

function versionsToMigrate(workflow: MessageWorkflow, from: readonly number[] | undefined) {
  const migrating = workflow.known.filter((d) => d.policy === 'migrate').map((d) => d.version);
  if (from === undefined) return migrating.sort((a, b) => a - b);
  const wrong = from.filter((v) => !migrating.includes(v));
  if (wrong.length > 0) {
    throw new RangeError(
      `definition version ${wrong.join(', ')} of ${workflow.definition.workflow} is not declared 'migrate' (migrating: ${migrating.join(', ') || 'none'})`,
    );
  }
  return [...from].sort((a, b) => a - b);
}

/**
 * Migrates the stored messages of every version the workflow declares `migrate` to the
 * version `workflow.upgrade` gives them, page by page in id order: each message is one
 * versioned write (`writeMigrated`) with a `definition.migrate` history line by the system.
 * Safe while the portal serves: a message a concurrent writer changed between the read and
 * the write is skipped and retried in a later pass (events sent meanwhile already upgrade
 * it on write). Resumable and idempotent without any state of its own: a migrated message
 * is no longer of the old version, so a rerun (after a crash, `kill -9`, or an abort)
 * lists only what is left, and two runs at once never migrate one message twice.
 *
 * @example
 * // `at` is the instant the migration's history lines carry; the caller's clock gives it.
 * const report = await migrateSnapshots(store, workflowV2, {
 *   at: startedAt,
 *   onProgress: (p) => console.log(p), // { migrated, skipped, remaining }
 * });
 */
export async function migrateSnapshots(
  store: SnapshotVersionPort,
  workflow: MessageWorkflow,
  options: MigrateSnapshotsOptions,
): Promise<SnapshotMigrationReport> {
  const versions = versionsToMigrate(workflow, options.from);
  const limit = options.batchSize ?? 100;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`batchSize must be a positive integer, not ${limit}`);
  }
  const maxPasses = options.maxPasses ?? 100;
  const report: SnapshotMigrationReport = {
    migrated: 0,
    skipped: 0,
    remaining: 0,
    failed: [],
    aborted: false,
  };
  const failedIds = new Set<string>();
  const countRemaining = async () =>
    (await store.countByDefinition())
      .filter((c) => c.workflow === 'pos' && versions.includes(c.version))
      .reduce((n, c) => n + c.count, 0);

  for (let pass = 0; pass < maxPasses; pass++) {
    report.remaining = await countRemaining();
    const known = report.remaining;
    let settled = 0;
    let conflicts = 0;
    for (const version of versions) {
      let afterId: string | undefined;
      for (;;) {
        const page = await store.listByDefinition(version, { afterId, limit });
        if (page.length === 0) break;
        for (const stored of page) {
          if (options.signal?.aborted) {
            report.aborted = true;
            report.remaining = await countRemaining();
            return report;
          }
          afterId = stored.id;
          if (failedIds.has(stored.id)) continue;
          const upgraded = workflow.upgrade(stored.snapshot);
          if (!upgraded.ok || !upgraded.migrated) {
            const error: StoreError = upgraded.ok
              ? {
                  kind: 'unsupported_definition',
                  message: `upgrade left ${stored.id} at definition version ${version}`,
                  workflow: workflow.definition.workflow,
                  version,
                  supported: workflow.known
                    .filter((d) => d.policy !== 'retired')
                    .map((d) => d.version),
                }
              : upgraded.error;
            failedIds.add(stored.id);
            report.failed.push({ messageId: stored.id, error });
            continue;
          }
          const record = migrationRecord(stored, upgraded.snapshot, workflow, options.at);
          const written = await store.writeMigrated(stored, upgraded.snapshot, record);
          if (written.ok) {
            report.migrated += 1;
            settled += 1;
          } else if (written.error.kind === 'version_conflict') {
            report.skipped += 1;
            conflicts += 1;
          } else if (written.error.kind === 'not_found') {
            settled += 1;
          } else {
            failedIds.add(stored.id);
            report.failed.push({ messageId: stored.id, error: written.error });
          }
        }
        report.remaining = Math.max(0, known - settled);
        options.onProgress?.({
          migrated: report.migrated,
          skipped: report.skipped,
          remaining: report.remaining,
        });
      }
    }
    if (conflicts === 0) break;
  }
  report.remaining = await countRemaining();
  return report;
}
