/*
 * Autorules over SQL: the `autorules` table (migration 003), and the write path's step that
 * runs them after a write and stores what they applied in the same transaction.
 */
import {
  type Applied,
  type AsyncAutoruleSource,
  type Autorule,
  autoruleSchema,
  autoruleWrites,
  runAutorulesLoading,
  type StoreWritten,
} from '@reshaem/core';
import { CompiledQuery } from 'kysely';
import { HOT } from '../../prepared-pool.js';
import type { ScopedKey } from './idempotency-keys.js';
import type { Db } from './reads.js';
import { type Loaded, store, type WriteContext } from './write-path.js';

/**
 * An organisation's autorules, in the order they are tried (position, then id); rules that
 * no longer pass the schema are left out.
 *
 * @example
 * const rules = await loadAutorules(store.db, 'kam-roads');
 */
export async function loadAutorules(db: Db, orgId: string): Promise<Autorule[]> {
  // Read on every write of a message waiting in coordination: a hot (prepared) statement.
  const { rows } = await db.executeQuery<{ rule: unknown }>(
    CompiledQuery.raw(`${HOT}SELECT rule FROM autorules WHERE org_id = $1 ORDER BY position, id`, [
      orgId,
    ]),
  );
  return rows.flatMap((r) => {
    const parsed = autoruleSchema.safeParse(r.rule);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Replaces an organisation's autorules with `rules` (validated by the caller, e.g. with
 * `checkAutorule`; each must belong to `orgId`), in one transaction.
 *
 * @example
 * await saveAutorules(store.db, 'kam-roads', [rule]);
 */
export async function saveAutorules(db: Db, orgId: string, rules: readonly Autorule[]) {
  const foreign = rules.find((r) => r.orgId !== orgId);
  if (foreign) throw new Error(`autorule ${foreign.id} belongs to ${foreign.orgId}, not ${orgId}`);
  const write = async (trx: Db) => {
    await trx.deleteFrom('autorules').where('org_id', '=', orgId).execute();
    if (rules.length === 0) return;
    await trx
      .insertInto('autorules')
      .values(
        rules.map((r) => ({
          org_id: orgId,
          id: r.id,
          position: r.position,
          rule: JSON.stringify(r),
        })),
      )
      .execute();
  };
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
}

/** The source the write path reads: the store's option, or the table. */
export const autoruleSourceOf =
  (ctx: WriteContext, db: Db): AsyncAutoruleSource =>
  (orgId) =>
    ctx.autorules ? ctx.autorules(orgId) : loadAutorules(db, orgId);

/** The writes the autorules make after `applied` (stored at `version`); none most times. */
export async function autorulesAfter(ctx: WriteContext, db: Db, applied: Applied, version: number) {
  const run = await runAutorulesLoading(
    applied.snapshot,
    autoruleSourceOf(ctx, db),
    ctx.directory,
    applied.record.at,
    // The rules' events go through the store's workflow, like every other write.
    {
      applyEvent: (snapshot, event, directory) =>
        ctx.workflow.applyEvent(snapshot, event, directory),
    },
  );
  return autoruleWrites(run, version);
}

/**
 * Stores an applied event and, when the message has just arrived in coordination, the
 * events its autorules apply as the system — each with its own version and history record,
 * all in one transaction (the one the caller holds, or a new one). Without a matching rule
 * this is `store`: the one-statement fast path. `undefined` when the message moved on
 * (nothing was written).
 */
export async function storeWithAutorules(
  ctx: WriteContext,
  db: Db,
  applied: Applied,
  previous: Loaded | null,
  key: ScopedKey | undefined,
): Promise<StoreWritten | undefined> {
  const version = (previous?.version ?? 0) + 1;
  const { writes, outcome } = await autorulesAfter(ctx, db, applied, version);
  if (!outcome) return store(ctx, db, applied, previous, key);
  const inOne = async (trx: Db): Promise<StoreWritten | undefined> => {
    const first = await store(ctx, trx, applied, previous, undefined);
    if (!first) return undefined;
    let last: Loaded = { version, snapshot: applied.snapshot };
    let message = first.message;
    for (const w of writes) {
      const next = await store(ctx, trx, w.applied, last, undefined);
      // The first write locked the row: nobody can have moved the message since.
      if (!next) throw new Error(`autorule write of ${message.id} lost its version`);
      last = { version: w.version, snapshot: w.applied.snapshot };
      message = next.message;
    }
    const written: StoreWritten = { ...first, message, autorules: outcome };
    if (key) {
      await trx
        .insertInto('idempotency_keys')
        .values({
          principal_id: key.principalId,
          key: key.key,
          fingerprint: key.fingerprint,
          result_text: JSON.stringify(written),
        })
        .execute();
    }
    return written;
  };
  const written = await (db.isTransaction ? inOne(db) : db.transaction().execute(inOne));
  for (const skip of written ? outcome.skipped : []) {
    ctx.onAutoruleSkipped?.(skip, written?.message.id ?? applied.snapshot.context.id);
  }
  return written;
}
