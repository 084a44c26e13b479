import {
  principalIdOf,
  requestFingerprint,
  type StoreWriteResult,
  type StoreWritten,
} from '@reshaem/core';
import type { Db } from './reads.js';

/** An idempotency key scoped to the principal that sent the request, with its fingerprint. */
export interface ScopedKey {
  principalId: string;
  key: string;
  fingerprint: string;
}

export const scopedKey = (
  key: string | undefined,
  event: unknown,
  messageId: string | null,
): ScopedKey | undefined =>
  key === undefined
    ? undefined
    : { principalId: principalIdOf(event), key, fingerprint: requestFingerprint(messageId, event) };

/**
 * What a key already answered: the first result again (`replayed`), a conflict when the
 * key came with a different request, or `undefined` when the key is new.
 */
export async function replay(db: Db, key: ScopedKey): Promise<StoreWriteResult | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'result', 'result_text'])
    .where('principal_id', '=', key.principalId)
    .where('key', '=', key.key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.fingerprint !== key.fingerprint) {
    return {
      ok: false,
      error: {
        kind: 'idempotency_conflict',
        message: 'this idempotency key was used for a different request',
        key: key.key,
      },
    };
  }
  return { ...(storedResult(row) as StoreWritten), replayed: true };
}

/**
 * A key's first result: parsed from the exact text it was written as, so its members keep
 * their order (a replay then serializes byte for byte like the first answer); rows from
 * before migration 010 carry only the jsonb `result`.
 */
export function storedResult(row: { result: unknown; result_text: string | null }): unknown {
  return row.result_text === null ? row.result : JSON.parse(row.result_text);
}
