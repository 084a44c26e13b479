import { z } from 'zod';
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
  caseApplicantSchema,
  caseFieldChangesSchema,
  caseFileInputSchema,
  caseLabelSchema,
  categoryTypeSchema,
  closeReasonSchema,
  contactOutcomeSchema,
  correctableFieldSchema,
  rereviewReasonSchema,
} from './parts.js';

/** What every event carries: its instant and who sends it. */
const base = {
  /** When the event happened. The core never reads a clock. */
  at: instantSchema,
  /** Who sends it, as the adapter authenticated them. */
  by: principalSchema,
};

/** An optional comment; an empty one counts as none. */
const comment = storableString().trim().max(5000).optional();
const optionalText = (max: number) =>
  storableString().trim().min(1).max(max).nullable().default(null);

/** `case.create` opens a card (from a source system or the call centre). Ids come in as inputs. */
export const caseCreateEventSchema = z.object({
  type: z.literal('case.create'),
  ...base,
  caseId: idSchema,
  number: storableString().trim().min(1).max(50),
  applicant: caseApplicantSchema,
  text: textSchema(),
  regionCode: regionCodeSchema,
  municipality: optionalText(300),
  address: optionalText(1000),
  sourceAddress: optionalText(1000),
  categoryType: categoryTypeSchema,
  categoryId: idSchema,
  subcategoryId: idSchema.nullable().default(null),
  urgent: z.boolean().default(false),
  contactedBefore: z.boolean().default(false),
  labels: z.array(caseLabelSchema).max(20).default([]),
  sourceSystem: optionalText(200),
  sourceId: optionalText(200),
  channel: optionalText(200),
  stream: optionalText(200),
});
export type CaseCreateEvent = z.infer<typeof caseCreateEventSchema>;
export type CaseCreateEventInput = z.input<typeof caseCreateEventSchema>;

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...base, ...shape });

export const caseEventSchema = z.discriminatedUnion('type', [
  /** A supervisor assigns (or reassigns) the executor; `orgId` when they work in several. */
  event('case.assign', {
    executorId: idSchema,
    orgId: idSchema.optional(),
    executionDueDate: localDateSchema.optional(),
  }),
  /** «Взять в работу карточку обращения». The store adds the executor's other locks. */
  event('case.lock', {}),
  /** «Завершить работу над карточкой» (or a supervisor freeing a forgotten lock). */
  event('case.release', {}),
  /** A line of «Ход решения». */
  event('case.comment', { text: textSchema(5000) }),
  /** A call to the applicant, made at `at`. */
  event('case.contact_attempt', { outcome: contactOutcomeSchema, comment }),
  /** «Федеральный уровень». */
  event('case.federal_level', { comment }),
  /**
   * «Отметить исполнение». `files` name uploads (`{ fileId }`, checked by the core's file
   * rule against `facts.files`) or files by name alone; the limit on their number is the
   * file rules' (20 by default), checked after the schema.
   */
  event('case.resolve', {
    description: textSchema(20_000),
    files: z.array(caseFileInputSchema).max(1000).default([]),
  }),
  /** «Отметить отложенное решение»: the date it will be done by and why. */
  event('case.postpone', { until: localDateSchema, reason: textSchema(1000), comment }),
  /** «Отметить невозможность исполнения». What the reason needs is checked by the machine. */
  event('case.close_request', {
    reason: closeReasonSchema,
    comment,
    duplicateOf: storableString().trim().max(50).optional(),
  }),
  /** «На повторное рассмотрение». */
  event('case.rereview_request', { reason: rereviewReasonSchema, comment }),
  /** A moderator corrects region and category; what is left out stays. */
  event('case.rereview_fix', {
    regionCode: regionCodeSchema.optional(),
    municipality: storableString().trim().min(1).max(300).nullable().optional(),
    categoryType: categoryTypeSchema.optional(),
    categoryId: idSchema.optional(),
    subcategoryId: idSchema.nullable().optional(),
    comment,
  }),
  /** «Запрос в тех.поддержку»: which fields to correct and to what. */
  event('case.support_request', {
    corrections: z
      .array(
        z.object({
          field: correctableFieldSchema,
          value: storableString().trim().max(1000).nullable(),
        }),
      )
      .min(1)
      .max(10),
    comment,
  }),
  /** Support writes the corrections (or explains in `comment` why not) and returns the card. */
  event('case.support_fix', { changes: caseFieldChangesSchema.default({}), comment }),
  /** The curator accepts the result: resolution → done, close request → closed. */
  event('case.accept', { comment }),
  /** The curator returns the card to the executor for rework. */
  event('case.return', { comment: textSchema(5000) }),
  /** Timer: the postponement's date has passed. */
  event('case.postponement_due', { until: localDateSchema }),
]);

/** Every event that acts on an existing card, as a discriminated union on `type`. */
export type CaseEvent = z.infer<typeof caseEventSchema>;
export type CaseEventInput = z.input<typeof caseEventSchema>;
export type CaseEventType = CaseEvent['type'];
export const caseEventTypes = caseEventSchema.options.map(
  (o) => o.shape.type.value,
) as CaseEventType[];
