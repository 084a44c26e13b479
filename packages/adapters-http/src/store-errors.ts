import { refusalText, type StoreError, type StoreUnavailableError } from '@reshaem/core';
import { type FieldError, HttpProblem, problem } from './problems.js';

/** The stores' refusals need no names: their Russian text comes from the data alone. */
export const noNames = { user: () => undefined, organisation: () => undefined };

/**
 * Maps a store's refusal to a problem, its `detail` in Russian: the core's own refusals
 * carry their Russian text (naming people and organisations) as `message`; the stores'
 * refusals are worded by `refusalText`. `type`, the codes and field paths stay as they are. `ifMatch` tells whether the caller asked for a
 * version (412) or a concurrent write won on its own (409).
 */
export function storeErrorProblem(error: StoreError, context: { ifMatch: boolean }): HttpProblem {
  switch (error.kind) {
    case 'invalid_payload': {
      const errors: FieldError[] = error.issues.map((i) => ({
        in: 'body',
        path: i.path,
        message: i.message,
      }));
      return new HttpProblem(problem('validation', error.message, { errors }));
    }
    case 'not_allowed_in_status':
      return new HttpProblem(
        problem('not-allowed-in-status', error.message, {
          eventType: error.eventType,
          messageStatus: error.status,
        }),
      );
    case 'forbidden':
      return new HttpProblem(problem('forbidden', error.message, { eventType: error.eventType }));
    case 'not_found':
      return new HttpProblem(problem('not-found', refusalText(error, noNames)));
    case 'version_conflict':
      return new HttpProblem(
        problem(
          'version-conflict',
          refusalText(error, noNames),
          { currentVersion: error.actual },
          context.ifMatch ? 412 : 409,
        ),
        { etag: `"${error.actual}"` },
      );
    case 'already_exists':
      return new HttpProblem(problem('already-exists', refusalText(error, noNames)));
    case 'idempotency_conflict':
      return new HttpProblem(problem('idempotency-conflict', refusalText(error, noNames)));
    case 'unsupported_definition':
      return new HttpProblem(
        problem('unsupported-definition', error.message, {
          workflow: error.workflow,
          definitionVersion: error.version,
          supportedVersions: error.supported,
        }),
      );
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

/**
 * Seconds a client should wait before retrying when the store is unavailable: a bounded
 * wait that ran out (a lock held by a stalled session) clears quickly; an outage or a full
 * database takes longer.
 */
export const retryAfterSeconds = (error: StoreUnavailableError): number =>
  error.reason === 'timeout' ? 1 : 5;

/**
 * The 503 problem for a store that could not serve the request (see
 * `StoreUnavailableError`), with `Retry-After`. The detail names no database internals.
 */
export function unavailableProblem(error: StoreUnavailableError): HttpProblem {
  const seconds = retryAfterSeconds(error);
  return new HttpProblem(
    problem(
      'unavailable',
      error.reason === 'timeout'
        ? 'Запрос слишком долго ждал базу данных и отменён; ничего не изменено. Повторите его чуть позже.'
        : 'База данных недоступна; повторите запрос позже. Запись, повторённая с тем же Idempotency-Key, применится один раз.',
      { reason: error.reason },
    ),
    { 'retry-after': String(seconds) },
  );
}
