import { z } from 'zod';
import { attachedFileSchema } from '../../kernel/files/file-descriptor.js';
import { geoPointSchema } from '../../kernel/geo/geo-point.js';
import { applicantSchema } from '../../kernel/schemas/applicant.js';
import { regionCodeSchema } from '../../kernel/schemas/organisation.js';
import {
  idSchema,
  instantSchema,
  localDateSchema,
  storableString,
} from '../../kernel/schemas/primitives.js';

/** Where a message came from (SPEC §3 item 1). `integration` names its source, e.g. «Дневник ЕПГУ». */
export const channelSchema = z.enum([
  'epgu_form',
  'mobile_app',
  'org_widget',
  'epgu_widget',
  'reshaem_app',
  'operator',
  'integration',
]);
export type Channel = z.infer<typeof channelSchema>;

/** `message` — обычное сообщение; `appeal_59fz` — the applicant chose 59-ФЗ. */
export const lawTypeSchema = z.enum(['message', 'appeal_59fz']);
export type LawType = z.infer<typeof lawTypeSchema>;

/** The ПОС status codes: the stable public vocabulary of API, database and export. */
export const messageStatusSchema = z.enum([
  'moderation',
  'rejected',
  'coordination',
  'executor_assigned',
  'in_work',
  'on_approval',
  'answer_sent',
  'answer_ready',
  'answer_delivered',
  'postponed',
  'completed',
]);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

export const answerTypeSchema = z.enum(['resolved', 'not_resolved', 'postponed', 'declined']);
export type AnswerType = z.infer<typeof answerTypeSchema>;

/** The only file types an answer may carry (seed 004). Compared case-insensitively. */
export const ANSWER_FILE_EXTENSIONS = [
  '.txt',
  '.odt',
  '.ods',
  '.odp',
  '.odf',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.doc',
  '.docx',
  '.rtf',
  '.pdf',
  '.jpeg',
] as const;

const allowedExtension = (name: string) => {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return false;
  const ext = name.slice(dot).toLowerCase();
  return (ANSWER_FILE_EXTENSIONS as readonly string[]).includes(ext);
};

/**
 * An answer's file as the message keeps it. An uploaded file carries its `fileId` and the
 * descriptor's copy (type detected from the bytes); a file named only (no bytes in a file
 * store) must have one of seed 004's extensions.
 */
const answerFileShape = z.object({
  name: storableString().min(1).max(255),
  /** Where the adapter keeps the bytes (a storage key or URL); the core never reads them. */
  ref: storableString().max(2000).optional(),
  size: z.int().min(0).optional(),
  /** The upload in the file store (`POST /files`). */
  fileId: idSchema.optional(),
  contentType: storableString().max(200).optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  uploadedAt: instantSchema.optional(),
});

const extensionMessage = `файл ответа должен быть одного из типов: ${ANSWER_FILE_EXTENSIONS.join(' ')}`;

/**
 * An answer's file as the message keeps it. An uploaded file carries its `fileId` and the
 * descriptor's copy (type detected from the bytes); a file named only (no bytes in a file
 * store) must have one of seed 004's extensions.
 */
export const answerFileSchema = answerFileShape.refine(
  (f) => f.fileId !== undefined || allowedExtension(f.name),
  { message: extensionMessage, path: ['name'] },
);
export type AnswerFile = z.infer<typeof answerFileSchema>;

/**
 * A file as an answer draft names it: an upload by id (`{ fileId }`, checked against the
 * file store by the core's rule; whatever else the client wrote beside the id is replaced
 * by the store's descriptor), or a named file without bytes.
 */
export const answerFileInputSchema = answerFileShape
  .partial({ name: true })
  .refine((f) => f.fileId !== undefined || f.name !== undefined, {
    message: 'укажите загруженный файл (fileId) или имя файла (name)',
    path: ['fileId'],
  })
  .refine((f) => f.fileId !== undefined || f.name === undefined || allowedExtension(f.name), {
    message: extensionMessage,
    path: ['name'],
  });
export type AnswerFileInput = z.infer<typeof answerFileInputSchema>;

/** The organisation's reply as the executor submits it. */
export const answerDraftSchema = z
  .object({
    type: answerTypeSchema,
    text: storableString().trim().min(1).max(20_000),
    files: z.array(answerFileInputSchema).max(1000).default([]),
    /** Required for `postponed`: the date by which the problem will be solved. */
    postponedUntil: localDateSchema.optional(),
  })
  .refine((a) => a.type !== 'postponed' || a.postponedUntil !== undefined, {
    message: 'для отложенного решения укажите дату, к которой проблема будет решена',
    path: ['postponedUntil'],
  });
export type AnswerDraft = z.infer<typeof answerDraftSchema>;
/** A draft whose uploads the core has looked up: every file as the message keeps it. */
export type ResolvedAnswerDraft = Omit<AnswerDraft, 'files'> & { files: AnswerFile[] };
export type AnswerDraftInput = z.input<typeof answerDraftSchema>;

export const answerSchema = z.object({
  type: answerTypeSchema,
  text: storableString(),
  files: z.array(answerFileSchema),
  postponedUntil: localDateSchema.nullable(),
  preparedBy: idSchema,
  preparedAt: instantSchema,
  approvedBy: idSchema.nullable(),
  approvedAt: instantSchema.nullable(),
});
export type Answer = z.infer<typeof answerSchema>;

/** How an operator carried the answer to the applicant. */
export const deliveryChannelSchema = z.enum(['phone', 'email', 'post', 'courier']);
export type DeliveryChannel = z.infer<typeof deliveryChannelSchema>;

export const ratingSchema = z.object({
  score: z.int().min(1).max(5),
  comment: storableString().nullable(),
  ratedAt: instantSchema,
  ratedBy: idSchema,
  /** The re-review round of the answer that was rated. */
  round: z.int().min(0),
});
export type Rating = z.infer<typeof ratingSchema>;

export const deliverySchema = z.object({
  channel: deliveryChannelSchema,
  note: storableString(),
  confirmedBy: idSchema,
  confirmedAt: instantSchema,
});
export type Delivery = z.infer<typeof deliverySchema>;

/**
 * A message as the workflow keeps it: the context of the message machine. Every field of
 * SPEC §3; the event history (ход работ) lives beside it, not inside it.
 */
export const messageSchema = z.object({
  id: idSchema,
  /** The platform's number shown to people. */
  number: storableString().min(1).max(100),
  epguNumber: storableString().max(100).nullable(),
  /** Registration number and date, editable by the organisation. */
  registrationNumber: storableString().max(100).nullable(),
  registeredAt: instantSchema.nullable(),
  /** «в открытом доступе». */
  isPublic: z.boolean(),
  channel: channelSchema,
  /** The named integration for `channel: 'integration'`, e.g. «Дневник ЕПГУ». */
  integration: storableString().max(200).nullable(),
  applicant: applicantSchema,
  problemAddress: storableString().max(1000).nullable(),
  /** The problem's point on the map, WGS84 (absent, so `null`, in messages stored before points). */
  location: geoPointSchema.nullable().default(null),
  regionCode: regionCodeSchema,
  municipality: storableString().max(300).nullable(),
  text: storableString(),
  /** The applicant's photos, attached at submit (absent in messages stored before files). */
  attachments: z.array(attachedFileSchema).default([]),
  categoryId: idSchema,
  subcategoryId: idSchema,
  factId: idSchema.nullable(),
  lawType: lawTypeSchema,
  fastTrack: z.boolean(),
  /** The organisation the message arrived at. */
  receivedOrgId: idSchema,
  /** The organisation holding it now. */
  holdingOrgId: idSchema,
  /**
   * How it came to the holding organisation: submitted there, forwarded down, returned up
   * («Возвращены на координацию»), or sent up for re-review («Возвращены»).
   */
  arrivedBy: z.enum(['submitted', 'forwarded', 'returned', 're_review']),
  coordinatorId: idSchema.nullable(),
  executorId: idSchema.nullable(),
  /** Set by the coordinator with the assignment; never after the response deadline. */
  executionDueAt: instantSchema.nullable(),
  headId: idSchema.nullable(),
  /** The operator who entered a phoned-in message. */
  enteredBy: idSchema.nullable(),
  submittedBy: idSchema,
  answer: answerSchema.nullable(),
  /** Why the moderator rejected it. */
  rejectionReason: storableString().nullable(),
  /** The last comment that came with a return (to coordination or for rework). */
  lastReturnComment: storableString().nullable(),
  reReviewRound: z.int().min(0),
  /** «Делегировано автоправилом»: the autorule that last routed or assigned the message. */
  delegatedByAutorule: z.object({ ruleId: idSchema, at: instantSchema }).nullable(),
  /** An organisation without a parent re-reviews through its curator. */
  reReviewByCurator: z.boolean(),
  /** Every rating, oldest first; the last is the current one. */
  ratings: z.array(ratingSchema),
  /** Answers that were superseded: rated low and re-reviewed, or postponed and resumed. */
  previousAnswers: z.array(answerSchema),
  /** Until when the applicant may rate the current answer. */
  ratingDueAt: instantSchema.nullable(),
  /** Operator-entered messages: who carried the answer, how and when. */
  delivery: deliverySchema.nullable(),
  /** Operator-entered messages: by when an operator should confirm delivery. */
  deliveryDueAt: instantSchema.nullable(),
  deliveryOverdue: z.boolean(),
  /** The automatic e-mail with the answer: asked for, sent, or failed. */
  answerEmail: z
    .object({
      status: z.enum(['requested', 'sent', 'failed']),
      at: instantSchema,
      error: storableString().nullable(),
    })
    .nullable(),
  /** The response deadline («Срок ответа»), fixed at registration. */
  responseDueAt: instantSchema.nullable(),
  /** When the message becomes due soon (a configurable share of its time gone). */
  dueSoonAt: instantSchema.nullable(),
  /** The zone the deadline is counted and shown in: the holding organisation's region's. */
  timeZone: storableString().nullable(),
  /** A deadline extension waiting for the head's decision. */
  pendingExtension: z
    .object({
      until: instantSchema,
      reason: storableString(),
      requestedBy: idSchema,
      requestedAt: instantSchema,
    })
    .nullable(),
  /** How many extensions the head approved. */
  extensionsGranted: z.int().min(0),
  /** «Просрочено»: true once the deadline passed, and stays true after a late answer. */
  overdue: z.boolean(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Message = z.infer<typeof messageSchema>;
