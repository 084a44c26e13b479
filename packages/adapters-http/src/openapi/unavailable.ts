import { problemKinds, problemType } from '../problems.js';
import { schemaRef } from './components.js';
import type { Paths } from './operations.js';
import { header } from './parameters.js';

/** The 503 every operation that reaches the store may answer, as a reusable response. */
export const unavailableResponse = {
  description: `${problemKinds.unavailable.title} (${problemType('unavailable')}): the store's database is down, restarting, saturated, or a bounded wait ran out. Nothing was changed, unless a write committed just before its answer was lost: retry after Retry-After seconds with the same Idempotency-Key.`,
  headers: { 'Retry-After': header('RetryAfter') },
  content: { 'application/problem+json': { schema: schemaRef('Problem') } },
};

/** Adds the 503 response to every operation except those describing the API itself. */
export function withUnavailable(paths: Paths): Paths {
  const out: Paths = {};
  for (const [path, item] of Object.entries(paths)) {
    out[path] = {};
    for (const [method, op] of Object.entries(item)) {
      const tags = op.tags as string[] | undefined;
      const responses = op.responses as Record<string, unknown> | undefined;
      out[path][method] =
        tags?.includes('meta') || responses === undefined
          ? op
          : {
              ...op,
              responses: { ...responses, '503': { $ref: '#/components/responses/Unavailable' } },
            };
    }
  }
  return out;
}
