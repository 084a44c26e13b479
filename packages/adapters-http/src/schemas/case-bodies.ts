import { caseCreateEventSchema, caseEventSchema, idSchema } from '@reshaem/core';
import { z } from 'zod';
import { type EventBodyOption, withoutStamp } from './bodies.js';

/**
 * POST /cases: the `case.create` event without what the server decides — `type`, the
 * instant (`at`), the principal (`by`) and, unless the client picks one, the card id. Only
 * for the OpenAPI document: at run time the core validates the event with the same schema.
 */
export const createCaseBodySchema = caseCreateEventSchema
  .omit({ type: true, at: true, by: true, caseId: true })
  .extend({
    /** Optional: a client-chosen id makes a repeated creation detectable (409). */
    caseId: idSchema.optional(),
  });
export type CreateCaseBody = z.input<typeof createCaseBodySchema>;

/**
 * POST /cases/{id}/events: one case event, `{ type, ...payload }`, without `at` and `by`
 * (the server stamps both, and the store supplies the facts). Only for the OpenAPI
 * document: at run time the core validates the event with the same schema.
 */
export const caseEventBodySchema = z.discriminatedUnion(
  'type',
  caseEventSchema.options.map((o) => withoutStamp(o)) as [EventBodyOption, ...EventBodyOption[]],
);
