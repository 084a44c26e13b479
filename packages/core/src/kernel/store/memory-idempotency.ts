import { principalIdOf, requestFingerprint } from './idempotency.js';

/** Where a write stands with its idempotency key: new (remember it) or a replay. */
export interface Memo {
  scopedKey: string | undefined;
  fingerprint: string;
}

type Conflict = {
  ok: false;
  error: { kind: 'idempotency_conflict'; message: string; key: string };
};

/**
 * The memory stores' idempotency keys, per principal: the first successful result of a
 * key is replayed (`replayed: true`); the same key for a different request is an
 * `idempotency_conflict`. Shared by the message and the card store.
 */
export function createIdempotencyMemo<Written extends { replayed: boolean }>() {
  const keys = new Map<string, { fingerprint: string; result: Written }>();
  return {
    /** `target` names what the write acts on (`null` for a new record). */
    recall(
      key: string | undefined,
      event: unknown,
      target: string | null,
    ): { hit: Written | Conflict } | Memo {
      // Without a key there is nothing to remember, so no fingerprint to compute.
      if (key === undefined) return { scopedKey: undefined, fingerprint: '' };
      const fingerprint = requestFingerprint(target, event);
      const scopedKey = `${principalIdOf(event)}\u0000${key}`;
      const seen = keys.get(scopedKey);
      if (!seen) return { scopedKey, fingerprint };
      if (seen.fingerprint !== fingerprint) {
        const message = 'this idempotency key was used for a different request';
        return { hit: { ok: false, error: { kind: 'idempotency_conflict', message, key } } };
      }
      return { hit: { ...seen.result, replayed: true } };
    },
    remember(memo: Memo, result: Written): void {
      if (memo.scopedKey !== undefined) {
        keys.set(memo.scopedKey, { fingerprint: memo.fingerprint, result });
      }
    },
  };
}

/** The version check of a conditional write, worded for a `noun` («message», «card»). */
export function versionConflict(noun: string, id: string, actual: number, expected: number) {
  return {
    ok: false as const,
    error: {
      kind: 'version_conflict' as const,
      message: `${noun} ${id} is at version ${actual}, not ${expected}`,
      expected,
      actual,
    },
  };
}
