import {
  isVisible,
  type MessageStore,
  type Principal,
  type StoredMessage,
  viewScopeOf,
} from '@reshaem/core';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bearerChallenge, isAuthenticationError } from './auth/authentication-error.js';
import type { AppEnv, RouteDeps } from './env.js';
import { problem, problemResponse } from './problems.js';
import { payloadTooLarge } from './request/json-body.js';

/**
 * Runs the portal's `authenticate` and keeps the principal for the handler; 401 without one.
 * A principal in a request body is never trusted: handlers stamp events with this one.
 * An {@link AuthenticationError} thrown by `authenticate` becomes a 401 whose
 * `WWW-Authenticate` says why (RFC 6750 §3); any other error is left to the app (500).
 */
export function authenticated(deps: RouteDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let principal: Principal | null;
    try {
      principal = await deps.authenticate(c.req.raw);
    } catch (error) {
      if (!isAuthenticationError(error)) throw error;
      return problemResponse(problem('unauthenticated', error.description), {
        'www-authenticate': bearerChallenge(error),
      });
    }
    if (!principal) {
      return problemResponse(
        problem('unauthenticated', 'Войдите: пришлите учётные данные, которые принимает портал'),
        {
          'www-authenticate': bearerChallenge(),
        },
      );
    }
    c.set('principal', principal);
    await next();
  };
}

/**
 * Caps the request body (413). A declared Content-Length is checked at once and the body is
 * left to the handler, which reads it in one piece (on Node, straight from the socket; the
 * handler also refuses a text longer than the limit, should the header lie). A body without
 * one (chunked) is counted while it streams in. The refusal asks HTTP/1.1 clients to close
 * the connection: the rest of the body is never read, so the connection cannot safely carry
 * another request.
 */
export const bodyLimited = (deps: RouteDeps): MiddlewareHandler<AppEnv> => {
  const maxSize = deps.limits.bodyBytes;
  const tooLarge = () => {
    const response = payloadTooLarge(maxSize).toResponse();
    response.headers.set('connection', 'close');
    return response;
  };
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return (c, next) => {
    const { headers } = c.req.raw;
    const declared = headers.get('content-length');
    if (declared === null || !DECIMAL.test(declared) || headers.has('transfer-encoding')) {
      return streamed(c, next);
    }
    return Number(declared) > maxSize ? Promise.resolve(tooLarge()) : next();
  };
};

const DECIMAL = /^\d{1,15}$/;

/** May the principal see the message? The same scope the store's `list` applies. */
export const canSee = (principal: Principal, stored: StoredMessage, store: MessageStore): boolean =>
  isVisible(viewScopeOf(principal, store.directory), stored.snapshot.context, stored.status);

/**
 * The message if it exists and the principal may see it. A message outside the caller's
 * scope is reported exactly like a missing one (404), so existence does not leak.
 */
export async function visibleMessage(
  store: MessageStore,
  principal: Principal,
  id: string,
): Promise<StoredMessage | undefined> {
  const stored = await store.get(id);
  return stored && canSee(principal, stored, store) ? stored : undefined;
}
