import { z } from 'zod';
import { attachmentReferenceSchema } from '../../kernel/files/public-photo.js';
import { geoPointSchema } from '../../kernel/geo/geo-point.js';
import { applicantSchema } from '../../kernel/schemas/applicant.js';
import { regionCodeSchema } from '../../kernel/schemas/organisation.js';
import {
  idSchema,
  instantSchema,
  localDateSchema,
  storableString,
  textSchema,
} from '../../kernel/schemas/primitives.js';
import { principalSchema } from '../../kernel/schemas/principal.js';
import {
  answerDraftSchema,
  channelSchema,
  deliveryChannelSchema,
  lawTypeSchema,
} from './message.js';

/** What every event carries: its instant and who sends it. */
const base = {
  /** When the event happened. The core never reads a clock. */
  at: instantSchema,
  /** Who sends it, as the adapter authenticated them. */
  by: principalSchema,
};

const comment = storableString().trim().max(5000).optional();

/** `submit` creates a message. Ids and numbers come in as inputs. */
export const submitEventSchema = z.object({
  type: z.literal('submit'),
  ...base,
  messageId: idSchema,
  number: storableString().min(1).max(100),
  epguNumber: storableString().max(100).nullable().default(null),
  channel: channelSchema,
  integration: storableString().max(200).nullable().default(null),
  /** The organisation the applicant (or operator) chose. */
  orgId: idSchema,
  applicant: applicantSchema,
  problemAddress: storableString().max(1000).nullable().default(null),
  /** The problem's point on the map (WGS84), inside the region's box when the directory knows it. */
  location: geoPointSchema.nullable().default(null),
  regionCode: regionCodeSchema,
  municipality: storableString().max(300).nullable().default(null),
  text: textSchema(),
  /**
   * Photos uploaded beforehand (`POST /files`), by id; the core checks them as a rule.
   * `public: true` lets a JPEG or PNG be shown to the public with a public message.
   */
  attachments: z.array(attachmentReferenceSchema).max(1000).default([]),
  categoryId: idSchema,
  subcategoryId: idSchema,
  factId: idSchema.nullable().default(null),
  lawType: lawTypeSchema.default('message'),
  isPublic: z.boolean().default(false),
});
export type SubmitEvent = z.infer<typeof submitEventSchema>;
export type SubmitEventInput = z.input<typeof submitEventSchema>;

export const messageEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('moderation.accept'), ...base }),
  z.object({ type: z.literal('moderation.reject'), ...base, reason: textSchema(2000) }),
  /**
   * A moderator corrects the rubric and/or the recipient before accepting: only the fields
   * given change; `factId: null` clears the fact.
   */
  z.object({
    type: z.literal('moderation.correct'),
    ...base,
    orgId: idSchema.optional(),
    categoryId: idSchema.optional(),
    subcategoryId: idSchema.optional(),
    factId: idSchema.nullable().optional(),
    comment,
  }),
  z.object({
    type: z.literal('executor.assign'),
    ...base,
    executorId: idSchema,
    executionDueAt: instantSchema.optional(),
    /** Set when an autorule sends the event (as the system). */
    autoruleId: idSchema.optional(),
  }),
  z.object({ type: z.literal('work.take'), ...base }),
  z.object({
    type: z.literal('coordination.forward'),
    ...base,
    orgId: idSchema,
    comment,
    /** Set when an autorule sends the event (as the system). */
    autoruleId: idSchema.optional(),
  }),
  z.object({ type: z.literal('coordination.return'), ...base, comment: textSchema(5000) }),
  z.object({ type: z.literal('executor.reassign'), ...base, executorId: idSchema, comment }),
  z.object({ type: z.literal('answer.submit'), ...base, answer: answerDraftSchema }),
  z.object({ type: z.literal('answer.approve'), ...base, comment }),
  z.object({ type: z.literal('answer.return'), ...base, comment: textSchema(5000) }),
  z.object({
    type: z.literal('deadline.extension_request'),
    ...base,
    /** The new last day (23:59 local time of the holding organisation's region). */
    until: localDateSchema,
    reason: textSchema(2000),
  }),
  z.object({ type: z.literal('deadline.extension_approve'), ...base, comment }),
  z.object({ type: z.literal('deadline.extension_deny'), ...base, comment: textSchema(2000) }),
  /** Timer events: sent by the system when a deadline's warning or breach instant passes. */
  z.object({ type: z.literal('deadline.due_soon'), ...base, dueAt: instantSchema }),
  z.object({ type: z.literal('deadline.overdue'), ...base, dueAt: instantSchema }),
  z.object({
    type: z.literal('rating.submit'),
    ...base,
    score: z.int().min(1).max(5),
    comment: storableString().trim().max(5000).optional(),
  }),
  z.object({
    type: z.literal('delivery.confirm'),
    ...base,
    channel: deliveryChannelSchema,
    note: textSchema(2000),
  }),
  /** The adapter reports how the automatic answer e-mail went. */
  z.object({
    type: z.literal('delivery.email_result'),
    ...base,
    sent: z.boolean(),
    error: storableString().max(2000).optional(),
  }),
  /** Timer events of the rating, delivery and postponement loops. */
  z.object({ type: z.literal('rating.window_closed'), ...base, dueAt: instantSchema }),
  z.object({ type: z.literal('delivery.overdue'), ...base, dueAt: instantSchema }),
  z.object({ type: z.literal('postponement.due'), ...base, until: localDateSchema }),
  z.object({
    type: z.literal('registration.update'),
    ...base,
    registrationNumber: storableString().trim().min(1).max(100).optional(),
    registeredAt: instantSchema.optional(),
  }),
]);

/** Every event that acts on an existing message, as a discriminated union on `type`. */
export type MessageEvent = z.infer<typeof messageEventSchema>;
export type MessageEventInput = z.input<typeof messageEventSchema>;
export type MessageEventType = MessageEvent['type'];
export const messageEventTypes = messageEventSchema.options.map(
  (o) => o.shape.type.value,
) as MessageEventType[];

/** Any event of the ПОС workflow, `submit` included. */
export type AnyMessageEvent = SubmitEvent | MessageEvent;
