import type {
  Applied,
  DefinitionCount,
  HistoryRecord,
  ListByDefinitionOptions,
  MessageSnapshot,
  MigratedWriteResult,
  StoredMessage,
  WorkflowName,
} from '@reshaem/core';
import { sql } from 'kysely';
import { type Db, getMessage, toStoredMessage } from '../kernel/reads.js';
import { store, type WriteContext } from '../kernel/write-path.js';

/** Stored snapshots by workflow and definition version, from the indexed columns. */
export async function countByDefinition(db: Db): Promise<DefinitionCount[]> {
  const { rows } = await sql<{ workflow: WorkflowName; version: number; count: number }>`
    SELECT 'onf' AS workflow, definition_version AS version, count(*)::integer AS count
      FROM cases GROUP BY definition_version
    UNION ALL
    SELECT 'pos', definition_version, count(*)::integer FROM messages GROUP BY definition_version
    ORDER BY workflow, version`.execute(db);
  return rows.map((r) => ({ workflow: r.workflow, version: r.version, count: r.count }));
}

/** One page of the messages of definition `version`, in id order, through the index. */
export async function listByDefinition(
  db: Db,
  version: number,
  { afterId, limit }: ListByDefinitionOptions,
): Promise<StoredMessage[]> {
  let query = db
    .selectFrom('messages')
    .select(['id', 'version', 'status', 'snapshot'])
    .where('definition_version', '=', version);
  if (afterId !== undefined) query = query.where('id', '>', afterId);
  const rows = await query.orderBy('id').limit(limit).execute();
  return rows.map(toStoredMessage);
}

/**
 * Writes a migrated snapshot through the write path (one statement: the version-checked
 * update with its derived columns, the history line, timer changes and folder counts).
 */
export async function writeMigrated(
  ctx: WriteContext,
  stored: StoredMessage,
  snapshot: MessageSnapshot,
  record: HistoryRecord,
): Promise<MigratedWriteResult> {
  const applied: Applied = {
    ok: true,
    event: null,
    snapshot,
    status: record.toStatus,
    effects: [],
    record,
  };
  const previous = { version: stored.version, snapshot: stored.snapshot };
  const written = await store(ctx, ctx.db, applied, previous, undefined);
  if (written) return { ok: true, version: written.message.version };
  const current = await getMessage(ctx.db, stored.id);
  if (!current) {
    const message = `no message ${stored.id}`;
    return { ok: false, error: { kind: 'not_found', message, messageId: stored.id } };
  }
  const message = `message ${stored.id} is at version ${current.version}, not ${stored.version}`;
  const error = {
    kind: 'version_conflict' as const,
    message,
    expected: stored.version,
    actual: current.version,
  };
  return { ok: false, error };
}
