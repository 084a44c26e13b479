import {
  type CaseApplied,
  type CaseWorkflow,
  type CaseWorkflowError,
  type CaseWriteResult,
  type CaseWritten,
  caseFileOwner,
  caseFilesToAttach,
  caseTimersOf,
  type Directory,
  invalidPayload,
  principalIdOf,
  requestFingerprint,
  type SendOptions,
  type StoredCase,
  type Timer,
  timerChanges,
  type WriteOptions,
} from '@reshaem/core';
import { sql } from 'kysely';

/** The upload ids a `case.resolve` names, in order (for a refusal's issue path). */
const caseEventFileIds = (event: unknown): string[] => {
  const files = (event as { files?: unknown } | null)?.files;
  return Array.isArray(files)
    ? files.map((f) => String((f as { fileId?: unknown } | null)?.fileId ?? ''))
    : [];
};

import { isUniqueViolation, retrying } from '../kernel/db-errors.js';
import { storedResult } from '../kernel/idempotency-keys.js';
import type { Db } from '../kernel/reads.js';
import { caseColumns, toStoredCase } from './columns.js';
import { writeCaseOutbox, writeCaseTimers } from './timers.js';

/** What the case write paths need. */
export interface CaseWriteContext {
  db: Db;
  directory: Directory;
  /** The ОНФ workflow every apply goes through. */
  workflow: CaseWorkflow;
}

interface CaseKey {
  principalId: string;
  key: string;
  fingerprint: string;
}

const keyOf = (key: string | undefined, event: unknown, caseId: string | null) =>
  key === undefined
    ? undefined
    : {
        principalId: principalIdOf(event),
        key,
        fingerprint: requestFingerprint(`case:${caseId ?? ''}`, event),
      };

/** What a key already answered (shared `idempotency_keys` table), or `undefined`. */
async function replay(db: Db, key: CaseKey): Promise<CaseWriteResult | undefined> {
  const { rows } = await sql<{ fingerprint: string; result: unknown; result_text: string | null }>`
    SELECT fingerprint, result, result_text FROM idempotency_keys
    WHERE principal_id = ${key.principalId} AND key = ${key.key}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  if (row.fingerprint !== key.fingerprint) {
    const message = 'this idempotency key was used for a different request';
    return { ok: false, error: { kind: 'idempotency_conflict', message, key: key.key } };
  }
  return { ...(storedResult(row) as CaseWritten), replayed: true };
}

/** The ids of the cards whose lock `userId` holds now. */
export async function casesHeldBy(db: Db, userId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM cases WHERE lock_holder_id = ${userId} ORDER BY id`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * Stores an applied event (an insert when `previous` is null) with its history, timer
 * changes (`fired` is the timer whose firing made the write), outbox entries and key, and
 * attaches a resolution's uploads to the card in the `files` table (the SQL file store's,
 * in the same database), so the card and its files commit together.
 */
export async function storeCase(
  db: Db,
  applied: CaseApplied,
  previous: StoredCase | null,
  key: CaseKey | undefined,
  fired?: Timer,
): Promise<CaseWritten> {
  const version = (previous?.version ?? 0) + 1;
  const { snapshot, record, effects } = applied;
  const id = snapshot.context.id;
  const written: CaseWritten = {
    ok: true,
    case: { id, version, status: applied.status, snapshot },
    effects,
    record,
    replayed: false,
  };
  const cols = { ...caseColumns(snapshot, applied.status), version };
  const names = Object.keys(cols);
  const values = Object.values(cols).map((v) => (Array.isArray(v) ? sql`${v}::text[]` : sql`${v}`));
  const json = sql`${JSON.stringify(snapshot)}::jsonb`;
  if (previous === null) {
    await sql`INSERT INTO cases (id, ${sql.join(names.map((n) => sql.ref(n)))}, snapshot)
      VALUES (${id}, ${sql.join(values)}, ${json})`.execute(db);
  } else {
    const sets = names.map((n, i) => sql`${sql.ref(n)} = ${values[i]}`);
    await sql`UPDATE cases SET ${sql.join(sets)}, snapshot = ${json} WHERE id = ${id}`.execute(db);
  }
  await sql`INSERT INTO case_history
      (case_id, version, type, at, by_id, from_status, to_status, record)
    VALUES (${id}, ${version}, ${record.type}, ${record.at}::timestamptz, ${record.by.id},
      ${record.fromStatus}, ${record.toStatus}, ${JSON.stringify(record)}::jsonb)`.execute(db);
  const before = previous ? caseTimersOf(previous.snapshot) : [];
  await writeCaseTimers(db, id, timerChanges(before, caseTimersOf(snapshot), fired), {
    version,
    at: record.at,
    fired,
  });
  await writeCaseOutbox(db, id, version, effects, record.at);
  await attachCaseFiles(db, id, caseFilesToAttach(applied));
  if (key) {
    await sql`INSERT INTO idempotency_keys (principal_id, key, fingerprint, result_text)
      VALUES (${key.principalId}, ${key.key}, ${key.fingerprint},
        ${JSON.stringify(written)})`.execute(db);
  }
  return written;
}

/**
 * A file the core judged from a look-up made before the transaction was, by then, attached
 * elsewhere (a concurrent write took it): the write is rolled back and refused.
 */
class FileTakenMeanwhile extends Error {
  constructor(readonly fileId: string) {
    super(`file ${fileId} was attached elsewhere during the write`);
  }
}

/**
 * Attaches a resolution's uploads to the card inside the write's transaction. The core
 * judged them from descriptors looked up before it; should one have been attached to
 * something else since, the whole write is undone ({@link FileTakenMeanwhile}). Files the
 * `files` table does not hold (a file store of its own, S3) are left to the route.
 */
async function attachCaseFiles(db: Db, caseId: string, fileIds: string[]): Promise<void> {
  if (fileIds.length === 0) return;
  const owner = caseFileOwner(caseId);
  const { rows } = await sql<{ id: string }>`
    WITH attached AS (
      UPDATE files SET attached_to = ${owner}
      WHERE id IN (${sql.join(fileIds)}) AND attached_to IS NULL RETURNING id)
    SELECT id FROM files
    WHERE id IN (${sql.join(fileIds)}) AND attached_to IS DISTINCT FROM ${owner}
      AND id NOT IN (SELECT id FROM attached)`.execute(db);
  const taken = rows[0];
  if (taken) throw new FileTakenMeanwhile(taken.id);
}

/** Reads a card and locks its row for the transaction (SELECT … FOR UPDATE). */
export async function lockCase(db: Db, caseId: string): Promise<StoredCase | undefined> {
  const { rows } = await sql<{ id: string; version: number; status: string; snapshot: unknown }>`
    SELECT id, version, status, snapshot FROM cases WHERE id = ${caseId} FOR UPDATE`.execute(db);
  const row = rows[0];
  return row && toStoredCase(row);
}

/** Runs a write; a key a concurrent request stored first is answered from its result. */
async function answering(
  db: Db,
  key: CaseKey | undefined,
  write: () => Promise<CaseWriteResult>,
): Promise<CaseWriteResult> {
  if (key) {
    const hit = await replay(db, key);
    if (hit) return hit;
  }
  try {
    return await retrying(write, (error) => Promise.reject(error));
  } catch (error) {
    if (key && isUniqueViolation(error, 'idempotency_keys_pkey')) {
      const hit = await replay(db, key);
      if (hit) return hit;
    }
    throw error;
  }
}

export function submitCase(ctx: CaseWriteContext, event: unknown, options: WriteOptions = {}) {
  const key = keyOf(options.idempotencyKey, event, null);
  return answering(ctx.db, key, async () => {
    const result = ctx.workflow.startCase(event, ctx.directory);
    if (!result.ok) return result;
    const caseId = result.snapshot.context.id;
    try {
      return await ctx.db.transaction().execute((trx) => storeCase(trx, result, null, key));
    } catch (error) {
      if (!isUniqueViolation(error, 'cases_pkey')) throw error;
      const message = `card ${caseId} exists`;
      return { ok: false, error: { kind: 'already_exists', message, caseId } };
    }
  });
}

/**
 * Sends one event to a card in one transaction: lock the row, check the version, read the
 * sender's held locks (the facts), apply, store. A concurrent lock by the same executor on
 * another card trips the unique index on `lock_holder_id`: answered as `lock_conflict`.
 */
export function sendCase(
  ctx: CaseWriteContext,
  caseId: string,
  event: unknown,
  options: SendOptions = {},
) {
  const key = keyOf(options.idempotencyKey, event, caseId);
  const senderId = principalIdOf(event);
  return answering(ctx.db, key, async () => {
    try {
      return await ctx.db.transaction().execute(async (trx): Promise<CaseWriteResult> => {
        const current = await lockCase(trx, caseId);
        if (!current) {
          return { ok: false, error: { kind: 'not_found', message: `no card ${caseId}`, caseId } };
        }
        const expected = options.expectedVersion;
        if (expected !== undefined && expected !== current.version) {
          const message = `card ${caseId} is at version ${current.version}, not ${expected}`;
          const error = {
            kind: 'version_conflict' as const,
            message,
            expected,
            actual: current.version,
          };
          return { ok: false, error };
        }
        const heldCardIds = await casesHeldBy(trx, senderId);
        const facts = options.files ? { heldCardIds, files: options.files } : { heldCardIds };
        const result = ctx.workflow.applyCaseEvent(current.snapshot, event, ctx.directory, facts);
        if (!result.ok) return result;
        return storeCase(trx, result, current, key);
      });
    } catch (error) {
      if (error instanceof FileTakenMeanwhile) {
        const ids = caseEventFileIds(event);
        return {
          ok: false,
          error: invalidPayload([
            {
              path: ['files', Math.max(0, ids.indexOf(error.fileId)), 'fileId'],
              message: `загруженный файл ${error.fileId} не найден`,
            },
          ]) as CaseWorkflowError,
        };
      }
      if (!isUniqueViolation(error, 'cases_lock_holder')) throw error;
      const heldCardIds = (await casesHeldBy(ctx.db, senderId)).filter((id) => id !== caseId);
      return {
        ok: false,
        error: {
          kind: 'lock_conflict',
          message: `finish work on card ${heldCardIds.join(', ')} before taking another`,
          eventType: 'case.lock',
          heldCardIds,
        },
      };
    }
  });
}
