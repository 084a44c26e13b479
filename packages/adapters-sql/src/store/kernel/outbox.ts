import {
  type ClaimOutboxOptions,
  claimSettings,
  type OutboxClaim,
  type OutboxEntry,
} from '@reshaem/core';
import { type Selectable, sql } from 'kysely';
import type { OutboxTable } from '../../database.js';
import { type Db, toOutboxEntry } from './reads.js';

/**
 * Claims pending entries whose time has come, in queue order (`due_at`, then write order),
 * skipping rows another consumer is claiming right now; each claim counts an attempt and
 * hides the entry until the lease ends. An entry whose claim expired keeps its `due_at`,
 * so it comes back in its old place. Delivery is at-least-once: an entry neither completed
 * nor failed comes back.
 */
export async function claimOutbox(db: Db, options: ClaimOutboxOptions): Promise<OutboxEntry[]> {
  const claim = claimSettings(options);
  // `due_at <= available_at` always: the first condition only lets the index bound the scan.
  const { rows } = await sql<Selectable<OutboxTable>>`
    WITH due AS (
      SELECT id FROM outbox
      WHERE state = 'pending' AND due_at <= ${claim.now}::timestamptz
        AND available_at <= ${claim.now}::timestamptz
      ORDER BY due_at, id
      LIMIT ${claim.limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE outbox AS o
      SET attempts = o.attempts + 1, locked_by = ${claim.workerId}, available_at = ${claim.leaseUntil}::timestamptz
      FROM due WHERE o.id = due.id
      RETURNING o.*
    )
    SELECT * FROM claimed ORDER BY due_at, id`.execute(db);
  return rows.map(toOutboxEntry);
}

const outboxId = (id: string) => {
  if (!/^\d{1,18}$/.test(id)) throw new TypeError(`not an outbox entry id: ${id}`);
  return id;
};

/** Updates the entry only while `claim` is its current claim and it is pending. */
const held = (db: Db, claim: OutboxClaim & { lockedBy: string }) =>
  db
    .updateTable('outbox')
    .where('id', '=', outboxId(claim.id))
    .where('state', '=', 'pending')
    .where('locked_by', '=', claim.lockedBy)
    .where('attempts', '=', claim.attempts);

/** Marks the entry delivered if `claim` is still its current claim. */
export async function completeOutbox(db: Db, claim: OutboxClaim): Promise<boolean> {
  const { lockedBy } = claim;
  if (lockedBy === null) return false;
  const result = await held(db, { ...claim, lockedBy })
    .set({ state: 'done' })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records a failed delivery if `claim` is still the entry's current claim. */
export async function failOutbox(
  db: Db,
  claim: OutboxClaim,
  error: string,
  retryAt: string | null,
): Promise<boolean> {
  const { lockedBy } = claim;
  if (lockedBy === null) return false;
  const at = retryAt === null ? null : new Date(retryAt).toISOString();
  const result = await held(db, { ...claim, lockedBy })
    .set(
      at === null
        ? { state: 'failed', last_error: error, locked_by: null }
        : { last_error: error, locked_by: null, due_at: at, available_at: at },
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Gives back `workerId`'s claims on pending entries: claimable again at their `due_at`. */
export async function releaseOutbox(db: Db, workerId: string): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ locked_by: null, available_at: sql`due_at` })
    .where('state', '=', 'pending')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
