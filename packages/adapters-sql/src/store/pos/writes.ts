import {
  type FileContext,
  type NumberRequest,
  numberRequestOf,
  type SendOptions,
  type StoreWriteResult,
  type StoreWritten,
  type WriteOptions,
} from '@reshaem/core';
import { storeWithAutorules } from '../kernel/autorules.js';
import { isUniqueViolation, retrying } from '../kernel/db-errors.js';
import { replay, type ScopedKey, scopedKey } from '../kernel/idempotency-keys.js';
import { type Db, getMessage } from '../kernel/reads.js';
import {
  conflict,
  type Loaded,
  lockMessage,
  notFound,
  readMessage,
  type WriteContext,
} from '../kernel/write-path.js';
import { nextNumber } from './next-number.js';
import { NUMBER_PLACEHOLDER, storeNumbered } from './numbered-submit.js';

export type { WriteContext } from '../kernel/write-path.js';

/** Runs a write; a key that a concurrent request stored first is answered from its result. */
async function answeringKey(
  db: Db,
  key: ScopedKey | undefined,
  write: () => Promise<StoreWriteResult>,
): Promise<StoreWriteResult> {
  if (key) {
    const hit = await replay(db, key);
    if (hit) return hit;
  }
  try {
    return await write();
  } catch (error) {
    if (key && isUniqueViolation(error, 'idempotency_keys_pkey')) {
      const hit = await replay(db, key);
      if (hit) return hit;
    }
    throw error;
  }
}

export function submitMessage(ctx: WriteContext, event: unknown, options: WriteOptions = {}) {
  const key = scopedKey(options.idempotencyKey, event, null);
  const request = numberRequestOf(event);
  const submitted = answeringKey(ctx.db, key, async () => {
    // Unnumbered, the rules check the submit with a placeholder: a refusal takes no number.
    const draft = request ? { ...(event as object), number: NUMBER_PLACEHOLDER } : event;
    const result = ctx.workflow.startMessage(draft, ctx.directory, options.files);
    if (!result.ok) return result;
    const messageId = result.snapshot.context.id;
    try {
      const inTransaction = (numberRequest: NumberRequest) =>
        ctx.db.transaction().execute(async (trx) => {
          const numbered = { ...(event as object), number: await nextNumber(trx, numberRequest) };
          const applied = ctx.workflow.startMessage(numbered, ctx.directory, options.files);
          if (!applied.ok) throw new Error(`numbered submit of ${messageId} was refused`);
          return (await storeWithAutorules(ctx, trx, applied, null, key)) as StoreWritten;
        });
      const attempt = async () => {
        if (!request)
          return (await storeWithAutorules(ctx, ctx.db, result, null, key)) as StoreWritten;
        // Most submits are numbered by their write's own statement: one round trip.
        const inOne = await storeNumbered(ctx, ctx.db, result, request, key);
        return inOne ?? (await inTransaction(request));
      };
      return await retrying(attempt, (error) => Promise.reject(error));
    } catch (error) {
      if (!isUniqueViolation(error, 'messages_pkey')) throw error;
      if (key) {
        const hit = await replay(ctx.db, key);
        if (hit) return hit;
      }
      return {
        ok: false,
        error: { kind: 'already_exists', message: `message ${messageId} exists`, messageId },
      };
    }
  });
  return submitted.then((result) => remembered(ctx, result));
}

/** Where `applyOnce` stands after one try. */
type Attempt = StoreWriteResult | 'lost_race';

/**
 * Loads the message, checks `expectedVersion`, applies the event and stores the result
 * with the version check. `'lost_race'` when another write got in between load and store
 * (possible only without a lock): nothing was written.
 */
async function applyOnce(
  ctx: WriteContext,
  db: Db,
  load: (db: Db, messageId: string) => Promise<Loaded | undefined>,
  messageId: string,
  event: unknown,
  expectedVersion: number | undefined,
  key: ScopedKey | undefined,
  files: FileContext | undefined,
): Promise<Attempt> {
  const loaded = await load(db, messageId);
  if (!loaded) return notFound(messageId);
  if (expectedVersion !== undefined && expectedVersion !== loaded.version) {
    return conflict(messageId, expectedVersion, loaded.version);
  }
  const result = ctx.workflow.applyEvent(loaded.snapshot, event, ctx.directory, files);
  if (!result.ok) return result;
  const written = await storeWithAutorules(ctx, db, result, loaded, key);
  return written ?? 'lost_race';
}

/**
 * Sends one event. The first try is optimistic: read, apply, then one atomic statement
 * that stores everything only if the message is still at the version read (two round
 * trips, no lock held while the rules run). If another write got in between, a caller
 * who named `expectedVersion` gets `version_conflict` (the message is no longer at that
 * version); anyone else is retried in a transaction that locks the row first
 * (SELECT … FOR UPDATE), so concurrent senders queue instead of failing.
 */
export function sendEvent(
  ctx: WriteContext,
  messageId: string,
  event: unknown,
  options: SendOptions = {},
) {
  const key = scopedKey(options.idempotencyKey, event, messageId);
  const { expectedVersion } = options;
  const lostRace = async (): Promise<StoreWriteResult> => {
    const current = await getMessage(ctx.db, messageId);
    if (!current) return notFound(messageId);
    return conflict(messageId, expectedVersion ?? current.version, current.version);
  };
  const sent = answeringKey(ctx.db, key, async () => {
    const first = await retrying(
      () => optimistic(ctx, messageId, event, expectedVersion, key, options.files),
      lostRace,
    );
    if (first !== 'lost_race') return first;
    if (expectedVersion !== undefined) return lostRace();
    const locked = await retrying(
      () =>
        ctx.db
          .transaction()
          .execute((trx) =>
            applyOnce(ctx, trx, lockMessage, messageId, event, undefined, key, options.files),
          ),
      lostRace,
    );
    return locked === 'lost_race' ? lostRace() : locked;
  });
  return sent.then((result) => remembered(ctx, result));
}

/**
 * The optimistic try. A message this store remembers as it last wrote it (and at the
 * version the caller expects, if they name one) is not read again: one round trip instead
 * of two. If the rules refuse the event on what was remembered, or the write finds the
 * message moved on, the memory is dropped and the message read afresh, as it is when the
 * store remembers nothing: only what the database confirms is ever answered.
 */
async function optimistic(
  ctx: WriteContext,
  messageId: string,
  event: unknown,
  expectedVersion: number | undefined,
  key: ScopedKey | undefined,
  files: FileContext | undefined,
): Promise<Attempt> {
  const known = ctx.recent.get(messageId);
  if (known !== undefined && (expectedVersion ?? known.version) === known.version) {
    const fromMemory = async () => known;
    const attempt = await applyOnce(
      ctx,
      ctx.db,
      fromMemory,
      messageId,
      event,
      undefined,
      key,
      files,
    );
    if (attempt !== 'lost_race' && attempt.ok) return attempt;
    ctx.recent.forget(messageId);
  }
  return applyOnce(ctx, ctx.db, readMessage, messageId, event, expectedVersion, key, files);
}

/** Remembers the message a committed write (not a replay) left, for its next event. */
function remembered(ctx: WriteContext, result: StoreWriteResult): StoreWriteResult {
  if (result.ok && !result.replayed) ctx.recent.remember(result.message.id, result.message);
  return result;
}
