import { idSchema, messageEventSchema, submitEventSchema } from '@reshaem/core';
import { z } from 'zod';

/**
 * POST /messages: a submission without what the server decides — the instant (`at`), the
 * principal (`by`), the public number and, unless the client picks one, the id.
 */
export const submitBodySchema = submitEventSchema
  .omit({ type: true, at: true, by: true, number: true, messageId: true })
  .extend({
    /** Optional: a client-chosen id makes a retried submission detectable (409). */
    messageId: idSchema.optional(),
  });
export type SubmitBody = z.infer<typeof submitBodySchema>;

/** Every event's own fields: what the client writes. */
export type EventBodyOption = z.ZodObject<{ type: z.ZodLiteral<string> } & z.ZodRawShape>;
/** An event schema without `at` and `by`, which the server stamps. */
export const withoutStamp = (option: z.ZodObject): EventBodyOption =>
  option.omit({ at: true, by: true } as never) as unknown as EventBodyOption;

/**
 * POST /messages/{id}/events: one event, `{ type, ...payload }`, without `at` and `by`
 * (the server stamps both). Only for the OpenAPI document: at run time the core validates
 * the event once, with the same schema.
 */
export const eventBodySchema = z.discriminatedUnion(
  'type',
  messageEventSchema.options.map((o) => withoutStamp(o)) as [EventBodyOption, ...EventBodyOption[]],
);
