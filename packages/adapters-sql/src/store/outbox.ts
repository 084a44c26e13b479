import { type ClaimOutboxOptions, claimSettings, type OutboxEntry } from '@reshaem/core';
import { type Selectable, sql } from 'kysely';
import type { OutboxTable } from '../database.js';
import { type Db, toOutboxEntry } from './reads.js';

/**
 * Claims pending entries whose time has come, oldest first, skipping rows another consumer
 * is claiming right now; each claim counts an attempt and hides the entry until the lease
 * ends. Delivery is at-least-once: an entry neither completed nor failed comes back.
 */
export async function claimOutbox(db: Db, options: ClaimOutboxOptions): Promise<OutboxEntry[]> {
  const claim = claimSettings(options);
  const { rows } = await sql<Selectable<OutboxTable> & { due_at: Date }>`
    WITH due AS (
      SELECT id, available_at AS due_at FROM outbox
      WHERE state = 'pending' AND available_at <= ${claim.now}::timestamptz
      ORDER BY available_at, id
      LIMIT ${claim.limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE outbox AS o
      SET attempts = o.attempts + 1, locked_by = ${claim.workerId}, available_at = ${claim.leaseUntil}::timestamptz
      FROM due WHERE o.id = due.id
      RETURNING o.*, due.due_at
    )
    SELECT * FROM claimed ORDER BY due_at, id`.execute(db);
  return rows.map(toOutboxEntry);
}

const outboxId = (id: string) => {
  if (!/^\d{1,18}$/.test(id)) throw new TypeError(`not an outbox entry id: ${id}`);
  return id;
};

export async function completeOutbox(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ state: 'done' })
    .where('id', '=', outboxId(id))
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function failOutbox(
  db: Db,
  id: string,
  error: string,
  retryAt: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set(
      retryAt === null
        ? { state: 'failed', last_error: error, locked_by: null }
        : { last_error: error, locked_by: null, available_at: new Date(retryAt).toISOString() },
    )
    .where('id', '=', outboxId(id))
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
