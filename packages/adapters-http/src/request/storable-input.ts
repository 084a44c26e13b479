import { isStorableText } from '@reshaem/core';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { type FieldError, notFound, validationProblem } from '../problems.js';

const UNSTORABLE_MESSAGE =
  'Содержит нулевой байт или одиночный суррогат UTF-16: такой текст нельзя сохранить';

/**
 * Refuses (422) query parameters whose name or values hold a NUL byte or a lone surrogate,
 * naming each one: PostgreSQL's text cannot hold them, so no filter could match them and a
 * store must never be asked.
 */
export function refuseUnstorableQuery(params: Record<string, string[]>): void {
  const errors: FieldError[] = [];
  for (const [name, values] of Object.entries(params)) {
    if (!isStorableText(name) || values.some((value) => !isStorableText(value))) {
      errors.push({ in: 'query', path: [name], message: UNSTORABLE_MESSAGE });
    }
  }
  if (errors.length > 0) throw validationProblem(errors);
}

function decodedSegments(pathname: string): string[] {
  return pathname.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

/**
 * A path whose segments hold a NUL byte or a lone surrogate names nothing a store can hold:
 * 404 before any route asks a store for it (`GET /messages/%00`).
 */
export const unstorablePathIsNotFound: MiddlewareHandler<AppEnv> = async (c, next) => {
  // A URL carries such a character only percent-encoded: most requests skip the decoding.
  const unstorable =
    c.req.url.includes('%') &&
    decodedSegments(new URL(c.req.url).pathname).some((segment) => !isStorableText(segment));
  if (unstorable) {
    throw notFound('По этому адресу ничего нет: в нём символ, который нельзя сохранить как текст');
  }
  await next();
};
