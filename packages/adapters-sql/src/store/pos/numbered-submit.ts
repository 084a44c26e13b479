/*
 * A numbered submit in one statement: the region's counter taken by the write itself, so
 * that a submit is one round trip instead of four (BEGIN, the counter, the write, COMMIT),
 * with the same guarantees: the statement fails whole, and a failed submit takes no number.
 */
import { type Applied, messageNumber, type NumberRequest, type StoreWritten } from '@reshaem/core';
import { autorulesAfter } from '../kernel/autorules.js';
import type { ScopedKey } from '../kernel/idempotency-keys.js';
import type { Db } from '../kernel/reads.js';
import { type WriteContext, writePlanOf } from '../kernel/write-path.js';
import { type SqlNumbering, writeStatement } from '../kernel/write-statement.js';

/**
 * What the rules are given as the number of a submit the store numbers. Unlike the core's
 * `PENDING_NUMBER` (`'pending'`, also the name of a state in the snapshot's value), it is
 * unlikely to stand anywhere else in a message, where the statement could not tell it from
 * the number (`storeNumbered` checks, and numbers such a submit the other way).
 */
export const NUMBER_PLACEHOLDER = '(number pending)';

/** How many times `placeholder` stands in `value` as a string or a key. */
function occurrences(value: unknown, placeholder: string): number {
  if (typeof value === 'string') return value === placeholder ? 1 : 0;
  if (typeof value !== 'object' || value === null) return 0;
  let found = 0;
  if (Array.isArray(value)) {
    for (const item of value) found += occurrences(item, placeholder);
    return found;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key === placeholder) found += 1;
    found += occurrences(item, placeholder);
  }
  return found;
}

/** `messageNumber`'s number up to its counter: `'41-250115-'` for `'41-250115-0001'`. */
function numberPrefix(request: NumberRequest): string {
  const first = messageNumber(request, 1);
  if (!first.endsWith('-0001')) throw new Error(`unexpected message number ${first}`);
  return first.slice(0, -'0001'.length);
}

/**
 * Stores a submit the rules checked with {@link NUMBER_PLACEHOLDER} as its number, numbering it in
 * the write's own statement: the counter's row lock is held only while that one statement
 * runs, and a statement that fails (the id taken, the key stored by a concurrent request)
 * takes no number. The stored snapshot, the `number` column and the idempotency key's
 * result get the number; so does the message handed back.
 *
 * `undefined` when it cannot be done so, and nothing was written: the autorules write after
 * the submit (several writes, one transaction), or the placeholder stands elsewhere than in
 * `context.number` (another field of that value, or the rules copied the number into the
 * history record, an effect or a timer), where the statement could not tell it from the
 * number. The caller then takes the number in a transaction of its own and applies the
 * rules with it.
 */
export async function storeNumbered(
  ctx: WriteContext,
  db: Db,
  draft: Applied,
  request: NumberRequest,
  key: ScopedKey | undefined,
): Promise<StoreWritten | undefined> {
  if (draft.snapshot.context.number !== NUMBER_PLACEHOLDER) return undefined;
  const { plan, written } = writePlanOf(ctx, draft, null, key);
  const elsewhere =
    occurrences(written, NUMBER_PLACEHOLDER) !== 1 ||
    occurrences(plan.columns, NUMBER_PLACEHOLDER) !== 1 ||
    occurrences([plan.timers, plan.facts, plan.counts], NUMBER_PLACEHOLDER) !== 0;
  if (elsewhere) return undefined;
  const { outcome } = await autorulesAfter(ctx, db, draft, plan.version);
  if (outcome) return undefined;
  const numbering: SqlNumbering = {
    regionCode: request.regionCode,
    prefix: numberPrefix(request),
    placeholder: NUMBER_PLACEHOLDER,
  };
  const { rows } = await db.executeQuery(writeStatement({ ...plan, numbering }));
  const number = rows[0]?.number;
  if (rows[0]?.written !== 1 || number === undefined) {
    throw new Error(`numbered submit of ${plan.messageId} wrote nothing`);
  }
  const { snapshot } = written.message;
  const numbered = { ...snapshot, context: { ...snapshot.context, number } };
  return { ...written, message: { ...written.message, snapshot: numbered } };
}
