import type { HttpLogger } from './logger.js';

/** Headers a proxy or platform sets to name a request. */
const REQUEST_ID_HEADERS = ['x-request-id', 'x-correlation-id', 'traceparent'];

function errorRecord(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: error.stack,
  };
}

/**
 * What is logged about an unexpected error: the method, the path (never the query string,
 * which may carry a name or a phone), the request id when a proxy set one, and the error's
 * name, message, code and stack. Never the error's other fields — a database error carries
 * the statement's parameters, that is the whole message snapshot — and never a body.
 */
export function unexpectedErrorRecord(error: unknown, request: Request): Record<string, unknown> {
  const requestId = REQUEST_ID_HEADERS.map((name) => request.headers.get(name)).find(Boolean);
  return {
    req: {
      method: request.method,
      path: new URL(request.url).pathname,
      ...(requestId ? { id: requestId } : {}),
    },
    err: errorRecord(error),
  };
}

/** The default `onUnexpectedError`: one record, as above, at level `error`. */
export const logUnexpectedError =
  (logger: () => HttpLogger) =>
  (error: unknown, request: Request): void => {
    logger().error(unexpectedErrorRecord(error, request), 'reshaem: unexpected error');
  };
