import {
  type IndicatorQueryInput,
  type IndicatorResult,
  type MessageStore,
  type Principal,
  WorkflowRefusal,
} from '@reshaem/core';
import { HttpProblem, problem } from '../problems.js';
import { badIndicatorQuery } from './indicator-params.js';

/** A store that counts indicators (the memory and SQL stores do; the port marks it optional). */
export type IndicatorStore = MessageStore & Required<Pick<MessageStore, 'indicators'>>;

/** Whether the store counts indicators: the route and its OpenAPI description exist only then. */
export const countsIndicators = (store: MessageStore): store is IndicatorStore =>
  typeof store.indicators === 'function';

/**
 * A store's refusal of an indicators query as the problem the API answers with:
 * `forbidden` (a role that sees no figures, or another organisation's) as 403, a query it
 * finds malformed (an organisation it does not know) as 422, both with the core's Russian
 * words. Anything else is rethrown as it is.
 */
export function indicatorRefusal(error: unknown): never {
  if (!(error instanceof WorkflowRefusal)) throw error;
  const refusal = error.error;
  if (refusal.kind === 'forbidden') {
    throw new HttpProblem(
      problem('forbidden', `Показатели недоступны: ${refusal.message}`, {
        eventType: refusal.eventType,
      }),
    );
  }
  if (refusal.kind === 'invalid_payload') {
    throw badIndicatorQuery(
      refusal.issues.map((issue) => ({ in: 'query', path: issue.path, message: issue.message })),
    );
  }
  throw error;
}

/**
 * Asks the store, which decides the viewer's scope, and turns its refusals into problems
 * ({@link indicatorRefusal}).
 */
export async function countIndicators(
  store: IndicatorStore,
  query: IndicatorQueryInput,
  viewer: Principal,
): Promise<IndicatorResult> {
  try {
    return await store.indicators(query, viewer);
  } catch (error) {
    return indicatorRefusal(error);
  }
}
