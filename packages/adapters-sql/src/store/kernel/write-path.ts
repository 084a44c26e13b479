/*
 * The write path every write shares: load a message (with or without its row lock) and
 * store an applied event in one statement, with the version check.
 */
import {
  type Applied,
  type CaseWorkflow,
  type Directory,
  type MessageSnapshot,
  type MessageStoreOptions,
  type MessageWorkflow,
  type StoreWriteResult,
  type StoreWritten,
  type Timer,
  timerChanges,
} from '@reshaem/core';
import { CompiledQuery } from 'kysely';
import { HOT } from '../../prepared-pool.js';
import { indicatorFactsOf } from '../pos/indicator-facts-part.js';
import { countChanges, countKeyOf, messageColumns } from './columns.js';
import { rollupChanges } from './folder-rollups.js';
import type { ScopedKey } from './idempotency-keys.js';
import type { Db } from './reads.js';
import type { RecentMessages } from './recent-messages.js';
import { type WritePlan, writeStatement } from './write-statement.js';

/** What the write paths need: the database and the rule inputs. */
export interface WriteContext {
  db: Db;
  directory: Directory;
  /** The ПОС workflow every apply, status and available-events computation goes through. */
  workflow: MessageWorkflow;
  /** The ОНФ workflow, for the card timers the same worker fires. */
  caseWorkflow: CaseWorkflow;
  timersOf: (snapshot: MessageSnapshot) => Timer[];
  /** This store instance's claims, unless a caller names its own worker. */
  workerId: string;
  /** The messages this store last wrote, so that their next event skips the read. */
  recent: RecentMessages;
  /** The store's autorule option; the `autorules` table when absent. */
  autorules?: MessageStoreOptions['autorules'];
  onAutoruleSkipped?: MessageStoreOptions['onAutoruleSkipped'];
}

export type Loaded = { version: number; snapshot: MessageSnapshot };

export const notFound = (messageId: string): StoreWriteResult => ({
  ok: false,
  error: { kind: 'not_found', message: `no message ${messageId}`, messageId },
});

export const conflict = (
  messageId: string,
  expected: number,
  actual: number,
): StoreWriteResult => ({
  ok: false,
  error: {
    kind: 'version_conflict',
    message: `message ${messageId} is at version ${actual}, not ${expected}`,
    expected,
    actual,
  },
});

/** Loads a message and locks it until the transaction ends: writers of it queue here. */
export const lockMessage = async (db: Db, messageId: string): Promise<Loaded | undefined> => {
  const { rows } = await db.executeQuery(
    CompiledQuery.raw(`${HOT}SELECT version, snapshot FROM messages WHERE id = $1 FOR UPDATE`, [
      messageId,
    ]),
  );
  const row = rows[0] as { version: number; snapshot: MessageSnapshot } | undefined;
  return row && { version: row.version, snapshot: row.snapshot };
};

/**
 * What storing an applied event writes (or a submit's, when `previous` is null): the
 * statement's plan, and the result the caller gets once it is written.
 */
export function writePlanOf(
  ctx: WriteContext,
  applied: Applied,
  previous: Loaded | null,
  key: ScopedKey | undefined,
  fired?: Timer,
): { plan: WritePlan; written: StoreWritten } {
  const version = (previous?.version ?? 0) + 1;
  const { snapshot, record, effects } = applied;
  const messageId = snapshot.context.id;
  const written: StoreWritten = {
    ok: true,
    message: { id: messageId, version, status: applied.status, snapshot },
    effects,
    record,
    replayed: false,
  };
  const counts = countChanges(
    previous && countKeyOf(previous.snapshot, ctx.workflow.statusOf(previous.snapshot)),
    countKeyOf(snapshot, applied.status),
  );
  const plan: WritePlan = {
    messageId,
    previousVersion: previous?.version ?? null,
    version,
    columns: messageColumns(snapshot, applied.status),
    snapshot,
    record,
    effects,
    timers: timerChanges(
      previous ? ctx.timersOf(previous.snapshot) : [],
      ctx.timersOf(snapshot),
      fired,
    ),
    fired,
    counts,
    rollups: rollupChanges(messageId, counts),
    facts: indicatorFactsOf(snapshot, applied.status, ctx.directory),
    ...(key ? { idempotency: { ...key, result: written } } : {}),
  };
  return { plan, written };
}

/**
 * Stores an applied event (or a submit, when `previous` is null); `undefined` when the
 * message is no longer at the version it was computed from.
 */
export async function store(
  ctx: WriteContext,
  db: Db,
  applied: Applied,
  previous: Loaded | null,
  key: ScopedKey | undefined,
  fired?: Timer,
): Promise<StoreWritten | undefined> {
  const { plan, written } = writePlanOf(ctx, applied, previous, key, fired);
  const { rows } = await db.executeQuery(writeStatement(plan));
  return rows[0]?.written === 1 ? written : undefined;
}

/** Reads a message without locking it. */
export const readMessage = async (db: Db, messageId: string): Promise<Loaded | undefined> => {
  const { rows } = await db.executeQuery(
    CompiledQuery.raw(`${HOT}SELECT version, snapshot FROM messages WHERE id = $1`, [messageId]),
  );
  return rows[0] as Loaded | undefined;
};
