/**
 * Why a store could not serve a call at all, through no fault of the call:
 * - `unreachable`: the database cannot be reached, or dropped the connection (restart,
 *   failover, a terminated session, a network fault);
 * - `overloaded`: it refuses new sessions (too many connections), or none came free in time;
 * - `timeout`: the call waited past a bound the store sets (a lock held by a stalled
 *   session, a statement running too long), and was cancelled.
 */
export type StoreUnavailableReason = 'unreachable' | 'overloaded' | 'timeout';

/**
 * Thrown by a store (any method, read or write) when the database is unavailable. It is
 * not a refusal of the request: the same request may succeed later, so callers retry
 * (with the same idempotency key, since a write whose acknowledgement was lost in the
 * fault may have committed). A write that fails this way either committed whole or left
 * nothing: every write is one transaction.
 *
 * @example
 * try {
 *   await store.send(id, event, { idempotencyKey });
 * } catch (error) {
 *   if (isStoreUnavailable(error)) return retryLater(error.reason);
 *   throw error;
 * }
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(
    readonly reason: StoreUnavailableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Is this a {@link StoreUnavailableError}? Checks the name too, so that an error from
 * another copy of this package (two versions installed side by side) still counts.
 */
export const isStoreUnavailable = (error: unknown): error is StoreUnavailableError =>
  error instanceof StoreUnavailableError ||
  (error instanceof Error &&
    error.name === 'StoreUnavailableError' &&
    typeof (error as Partial<StoreUnavailableError>).reason === 'string');
