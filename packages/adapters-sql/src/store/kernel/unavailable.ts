import { StoreUnavailableError, type StoreUnavailableReason } from '@reshaem/core';

/*
 * Which database failures mean "unavailable, try again later" rather than a bug: the
 * server's SQLSTATE codes, Node's socket error codes, and node-postgres' own messages for
 * a connection it lost or could not get.
 */

const bySqlState: Record<string, StoreUnavailableReason> = {
  '57P01': 'unreachable', // admin_shutdown: terminated by an administrator, or a fast stop
  '57P02': 'unreachable', // crash_shutdown: another backend crashed, the server restarts
  '57P03': 'unreachable', // cannot_connect_now: starting up or shutting down
  '57P05': 'unreachable', // idle_session_timeout
  '53300': 'overloaded', // too_many_connections
  '55P03': 'timeout', // lock_not_available: lock_timeout
  '57014': 'timeout', // query_canceled: statement_timeout (or a cancel request)
  '25P03': 'timeout', // idle_in_transaction_session_timeout: the server ended the session
};

const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const byMessage: Array<[RegExp, StoreUnavailableReason]> = [
  // pg-pool: no connection came free (or was opened) within connectionTimeoutMillis.
  [/^timeout exceeded when trying to connect$/, 'overloaded'],
  [/^Connection terminated due to connection timeout$/, 'unreachable'],
  // pg: the socket closed under a query, or a query was sent on a closed client.
  [/^Connection terminated( unexpectedly)?$/, 'unreachable'],
  [/^Client (was closed|has encountered a connection error) and is not queryable$/, 'unreachable'],
];

/** The reason a database failure makes the store unavailable; `undefined` for any other. */
export function unavailableReason(error: unknown, depth = 0): StoreUnavailableReason | undefined {
  if (typeof error !== 'object' || error === null || depth > 3) return undefined;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (Object.hasOwn(bySqlState, code)) return bySqlState[code];
    if (code.startsWith('08')) return 'unreachable'; // connection_exception and its kin
    if (socketCodes.has(code)) return 'unreachable';
  }
  if (typeof message === 'string') {
    for (const [pattern, reason] of byMessage) if (pattern.test(message)) return reason;
  }
  // Node reports a refused connect to every address of a host as an AggregateError.
  if (Array.isArray(errors) && errors.length > 0) return unavailableReason(errors[0], depth + 1);
  return cause === undefined ? undefined : unavailableReason(cause, depth + 1);
}

/** The error to throw for `error`: a {@link StoreUnavailableError} when it is one, or itself. */
export function classified(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const reason = unavailableReason(error);
  if (reason === undefined) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(reason, `the database is unavailable (${reason}): ${detail}`, {
    cause: error,
  });
}

/** Throws `error`, classified (for `.catch`). */
export const rethrowClassified = (error: unknown): never => {
  throw classified(error);
};

/**
 * The store with every method's database failures classified: an outage, a dropped
 * connection or a bounded wait that ran out rejects with `StoreUnavailableError`; any
 * other error passes unchanged.
 */
export function classifyingUnavailable<T extends object>(store: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(store)) {
    wrapped[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            try {
              const result: unknown = value.apply(store, args);
              return result instanceof Promise ? result.catch(rethrowClassified) : result;
            } catch (error) {
              return rethrowClassified(error);
            }
          }
        : value;
  }
  return wrapped as T;
}
