import {
  type CaseEventType,
  caseEventTypes,
  caseStatusSchema,
  idSchema,
  instantSchema,
  shownCaseSchema,
} from '@reshaem/core';
import { z } from 'zod';
import { fileLinkSchema, historyItemSchema } from './views.js';

export const caseEventTypeSchema = z.enum(caseEventTypes as [CaseEventType, ...CaseEventType[]]);

export const caseStatusViewSchema = z.object({
  code: caseStatusSchema,
  /** «В работе», «На проверке», … */
  label: z.string(),
});
export type CaseStatusView = z.infer<typeof caseStatusViewSchema>;

export const caseListItemSchema = z.object({
  id: idSchema,
  /** Also the ETag: send it back in If-Match. */
  version: z.int().min(1),
  status: caseStatusViewSchema,
  /** Whether an executor holds the card («Взять в работу»); `card.lock` says who. */
  locked: z.boolean(),
  /** The card as the caller may see it: a hidden part holds its empty value (`null`, `[]`). */
  card: shownCaseSchema,
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;

/** An uploaded file of a card, with its download URL. */
export const caseFileLinkSchema = fileLinkSchema.extend({
  /** The card field that holds it. */
  field: z.literal('resolution'),
});
export type CaseFileLink = z.infer<typeof caseFileLinkSchema>;

export const caseViewSchema = caseListItemSchema.extend({
  /** The events the caller may send now: what a portal draws as buttons. */
  availableEvents: z.array(caseEventTypeSchema),
  /**
   * The uploaded files of the resolution, if the caller sees it (files named only have no
   * bytes and are not listed here; `card.resolution.files` has them all).
   */
  files: z.array(caseFileLinkSchema),
});
export type CaseView = z.infer<typeof caseViewSchema>;

export const casePageSchema = z.object({
  items: z.array(caseListItemSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

/** One line of a card's history: the stored record and the version it produced. */
export const caseHistoryItemSchema = z.object({
  version: z.int().min(1),
  /** The card's id (the name is shared with the ПОС history). */
  messageId: idSchema,
  workflow: z.literal('onf'),
  type: z.enum(['case.create', ...caseEventTypes] as ['case.create', ...CaseEventType[]]),
  at: instantSchema,
  by: historyItemSchema.shape.by,
  fromStatus: caseStatusSchema.nullable(),
  toStatus: caseStatusSchema,
  /** The executor's organisation after the event; null while nobody is assigned. */
  holdingOrgId: idSchema.nullable(),
  /** What the event said, besides its instant and principal. */
  payload: z.record(z.string(), z.unknown()),
});
export type CaseHistoryItem = z.infer<typeof caseHistoryItemSchema>;

export const caseHistorySchema = z.object({ items: z.array(caseHistoryItemSchema) });
