import { z } from 'zod';
import { regionCodeSchema } from '../../kernel/schemas/organisation.js';
import {
  idSchema,
  instantSchema,
  localDateSchema,
  storableString,
} from '../../kernel/schemas/primitives.js';
import {
  caseApplicantSchema,
  caseCommentSchema,
  caseFileSchema,
  categoryTypeSchema,
  closeReasonSchema,
  closeRequirementSchema,
  contactAttemptSchema,
  correctableFieldSchema,
  rereviewReasonSchema,
} from './parts.js';

/** The executor's lock: «Взять в работу карточку обращения» until «Завершить работу». */
export const caseLockSchema = z.object({ holderId: idSchema, since: instantSchema });
export type CaseLock = z.infer<typeof caseLockSchema>;

/** «Отметить исполнение»: the executor's description, checked by the curator. */
export const caseResolutionSchema = z.object({
  description: storableString(),
  files: z.array(caseFileSchema),
  submittedBy: idSchema,
  submittedAt: instantSchema,
  acceptedBy: idSchema.nullable(),
  acceptedAt: instantSchema.nullable(),
});
export type CaseResolution = z.infer<typeof caseResolutionSchema>;

/** «Запрос на закрытие»: the reason and what it requires, checked by the curator. */
export const caseClosureSchema = z.object({
  reason: closeReasonSchema,
  comment: storableString().nullable(),
  /** The number of the card this one duplicates. */
  duplicateOf: storableString().nullable(),
  requestedBy: idSchema,
  requestedAt: instantSchema,
  acceptedBy: idSchema.nullable(),
  acceptedAt: instantSchema.nullable(),
});
export type CaseClosure = z.infer<typeof caseClosureSchema>;

/** «Отложенное решение»: the date it will be done by and why it waits. */
export const casePostponementSchema = z.object({
  until: localDateSchema,
  reason: storableString(),
  comment: storableString().nullable(),
  by: idSchema,
  at: instantSchema,
});
export type CasePostponement = z.infer<typeof casePostponementSchema>;

/** Why the card came back to the executor: the curator's comment or an unmet requirement. */
export const caseReturnSchema = z.object({
  of: z.enum(['resolution', 'closing']),
  /** Set when the core returned a close request whose reason's requirement was not met. */
  unmet: closeRequirementSchema.nullable(),
  comment: storableString().nullable(),
  by: idSchema,
  at: instantSchema,
});
export type CaseReturn = z.infer<typeof caseReturnSchema>;

/** «На повторное рассмотрение», waiting for the moderators. */
export const caseRereviewSchema = z.object({
  reason: rereviewReasonSchema,
  comment: storableString().nullable(),
  requestedBy: idSchema,
  requestedAt: instantSchema,
});
export type CaseRereview = z.infer<typeof caseRereviewSchema>;

/** «Запрос в тех.поддержку», waiting for support. */
export const caseSupportRequestSchema = z.object({
  corrections: z.array(
    z.object({ field: correctableFieldSchema, value: storableString().nullable() }),
  ),
  comment: storableString().nullable(),
  requestedBy: idSchema,
  requestedAt: instantSchema,
});
export type CaseSupportRequest = z.infer<typeof caseSupportRequestSchema>;

/**
 * An ОНФ card as the workflow keeps it: the context of the case machine, with every field
 * the seed's card shows. The history lives beside it, as for ПОС messages.
 */
export const caseRecordSchema = z.object({
  id: idSchema,
  /** «№ обращения», shown to people and used for duplicates. */
  number: storableString().min(1).max(50),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  applicant: caseApplicantSchema,
  /** «Текст обращения». */
  text: storableString(),
  regionCode: regionCodeSchema,
  /** «Район» / «Муниципальное образование». */
  municipality: storableString().nullable(),
  /** «Адрес» of the problem. */
  address: storableString().nullable(),
  /** «Адрес источника»: where the call or message came from. */
  sourceAddress: storableString().nullable(),
  categoryType: categoryTypeSchema,
  categoryId: idSchema,
  subcategoryId: idSchema.nullable(),
  /** «Срочно». */
  urgent: z.boolean(),
  /** «Общались ранее». */
  contactedBefore: z.boolean(),
  /** «Особые метки сообщения», sorted, without repeats. */
  labels: z.array(storableString()),
  /** «Система-источник» (Ростелеком) and «Идентификатор в системе-источнике» (РТК id). */
  sourceSystem: storableString().nullable(),
  sourceId: storableString().nullable(),
  /** «Источник обращения»: «Канал» (Колл-центр) and «Поток» (Прямая линия). */
  channel: storableString().nullable(),
  stream: storableString().nullable(),
  /** The executor a supervisor assigned, and the organisation they work in. */
  executorId: idSchema.nullable(),
  orgId: idSchema.nullable(),
  supervisorId: idSchema.nullable(),
  assignedAt: instantSchema.nullable(),
  /** «Дата дедлайна по исполнению», set with the assignment. */
  executionDueDate: localDateSchema.nullable(),
  lock: caseLockSchema.nullable(),
  contactAttempts: z.array(contactAttemptSchema),
  /** «Ход решения». */
  comments: z.array(caseCommentSchema),
  resolution: caseResolutionSchema.nullable(),
  closure: caseClosureSchema.nullable(),
  postponement: casePostponementSchema.nullable(),
  lastReturn: caseReturnSchema.nullable(),
  rereview: caseRereviewSchema.nullable(),
  supportRequest: caseSupportRequestSchema.nullable(),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;
