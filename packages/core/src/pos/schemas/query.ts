import { z } from 'zod';
import { boundingBoxParamSchema } from '../../kernel/geo/geo-point.js';
import { idSchema, instantSchema, storableString } from '../../kernel/schemas/primitives.js';
import { channelSchema, messageStatusSchema } from './message.js';

export const folderSchema = z.enum([
  'new',
  'in_work',
  'returned',
  'processed',
  'on_approval',
  'returned_to_coordination',
]);

/**
 * The personal and deadline queues of the backoffice (SPEC §7), beside the status folders:
 * an executor's «Новые» (`assigned_new`), «В работе» (`assigned_in_work`) and «Возвращены»
 * (`assigned_returned`), a head's «Запросы на перенос срока» (`extension_requests`), and
 * «Скоро срок» (`due_soon`) and «Просрочено» (`overdue`) for everyone who holds messages.
 */
export const queueSchema = z.enum([
  'assigned_new',
  'assigned_in_work',
  'assigned_returned',
  'extension_requests',
  'due_soon',
  'overdue',
]);
export type Queue = z.infer<typeof queueSchema>;

/** Where a message came from, as the backoffice filter groups it (SPEC §7). */
export const sourceFilterSchema = z.enum(['all', 'site', 'epgu', 'phone_112']);
export type SourceFilter = z.infer<typeof sourceFilterSchema>;

/**
 * The channels behind each source filter: «Сайт» is the organisation's widget, «Телефон 112»
 * a message a 112 operator entered.
 */
export const sourceChannels = {
  site: ['org_widget'],
  epgu: ['epgu_form', 'epgu_widget'],
  phone_112: ['operator'],
} as const;

export const sortFieldSchema = z.enum(['createdAt', 'updatedAt', 'registeredAt', 'responseDueAt']);
export type SortField = z.infer<typeof sortFieldSchema>;

const list = <T extends z.ZodType>(item: T) => z.array(item).max(200).optional();

/**
 * The backoffice list query (SPEC §7): every filter, one sort, keyset pagination.
 * All filters combine with AND; a list filter matches any of its values.
 */
export const messageQuerySchema = z.object({
  folder: folderSchema.optional(),
  /** One of the viewer's queues ({@link queueSchema}); combines with the folder by AND. */
  queue: queueSchema.optional(),
  /** Exactly these messages (a selection, e.g. to export it). */
  ids: list(idSchema),
  statuses: list(messageStatusSchema),
  /** The organisation holding the message. */
  orgIds: list(idSchema),
  executorIds: list(idSchema),
  categoryIds: list(idSchema),
  subcategoryIds: list(idSchema),
  factIds: list(idSchema),
  source: sourceFilterSchema.default('all'),
  channels: list(channelSchema),
  fastTrack: z.boolean().optional(),
  /** «Делегировано автоправилом». */
  delegatedByAutorule: z.boolean().optional(),
  overdue: z.boolean().optional(),
  /**
   * «Оценён»: the applicant rated an answer of the message (`true`), or none yet (`false`).
   * Any of its answers: after a re-review a message may carry two ratings.
   */
  rated: z.boolean().optional(),
  /**
   * «Оценка»: one of the message's ratings (of any of its answers) gave one of these scores.
   * A message rated 2 and, after its re-review, 4 matches both `[2]` and `[4]`.
   */
  ratingScores: z.array(z.int().min(1).max(5)).min(1).max(5).optional(),
  /** «На повторном рассмотрении был»: sent to re-review at least once (`reReviewRound > 0`). */
  reReviewed: z.boolean().optional(),
  /** «в открытом доступе»: the messages the applicant made public (the Open311 reads). */
  isPublic: z.boolean().optional(),
  /** The applicant chose 59-ФЗ (`true`), or an ordinary message (`false`). */
  appeal59fz: z.boolean().optional(),
  /**
   * Words in the message text or its number, case-insensitive; also in the applicant's name
   * for a viewer who sees applicants' names in every list (see `searchesApplicantNames`).
   */
  text: storableString().trim().min(1).max(200).optional(),
  /** The response deadline («Срок ответа») within a range; messages without one never match. */
  responseDueFrom: instantSchema.optional(),
  responseDueTo: instantSchema.optional(),
  createdFrom: instantSchema.optional(),
  createdTo: instantSchema.optional(),
  /**
   * Messages whose point lies in this box (edges included), `minLon,minLat,maxLon,maxLat` or an
   * object; messages without a point never match.
   */
  bbox: boundingBoxParamSchema.optional(),
  sort: sortFieldSchema.default('createdAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  limit: z.int().min(1).max(200).default(50),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: storableString().max(500).optional(),
  /** Count every message that matches (whatever the cursor) into the page's `total`. */
  withTotal: z.boolean().default(false),
});
export type MessageQuery = z.infer<typeof messageQuerySchema>;
export type MessageQueryInput = z.input<typeof messageQuerySchema>;
