import {
  folderSchema,
  idSchema,
  instantSchema,
  messageEventSchema,
  messageSchema,
  messageStatusSchema,
  queueSchema,
  type Stage,
  shownMessageSchema,
} from '@reshaem/core';
import { z } from 'zod';

export const messageEventTypeSchema = z.enum(
  messageEventSchema.options.map((o) => o.shape.type.value) as [string, ...string[]],
);

const stages = [
  'moderation',
  'coordination',
  'execution',
  'approval',
  'rating',
  'delivery',
  'closed',
] as const satisfies readonly Stage[];
export const stageSchema = z.enum(stages);

export const statusViewSchema = z.object({
  code: messageStatusSchema,
  label: z.string(),
  stage: stageSchema,
  stageLabel: z.string(),
  final: z.boolean(),
  /** The backoffice folder (SPEC §7); `null` for a viewer who does not see folders. */
  folder: folderSchema.nullable(),
  folderLabel: z.string().nullable(),
});
export type StatusView = z.infer<typeof statusViewSchema>;

export const deadlineViewSchema = z.object({
  dueAt: instantSchema,
  /** «до 23:59 25.01.2025» in the holding organisation's zone. */
  label: z.string(),
  /** «9 дней 14 часов 39 минут / до 23:59 25.01.2025», or «просрочено на …». */
  countdown: z.string(),
  overdue: z.boolean(),
});
export type DeadlineView = z.infer<typeof deadlineViewSchema>;

export const deadlinesViewSchema = z.object({
  timeZone: z.string(),
  response: deadlineViewSchema
    .extend({ dueSoonAt: instantSchema.nullable(), dueSoon: z.boolean() })
    .nullable(),
  execution: deadlineViewSchema.nullable(),
  overdue: z.boolean(),
  pendingExtension: messageSchema.shape.pendingExtension,
  extensionsGranted: z.int().min(0),
});
export type DeadlinesView = z.infer<typeof deadlinesViewSchema>;

/** An uploaded file of a message, where it belongs and where to download it. */
export const fileLinkSchema = z.object({
  id: idSchema,
  name: z.string(),
  size: z.int().min(0),
  /** Detected from the bytes at upload. */
  contentType: z.string(),
  sha256: z.string(),
  /** The message field that holds it. */
  field: z.enum(['attachments', 'answer', 'previousAnswers']),
  /** `GET` it for the bytes (the same credentials). */
  downloadUrl: z.string(),
});
export type FileLink = z.infer<typeof fileLinkSchema>;

export const messageListItemSchema = z.object({
  id: idSchema,
  /** Also the ETag: send it back in If-Match. */
  version: z.int().min(1),
  status: statusViewSchema,
  /**
   * The message as the caller may see it (SPEC §11, docs/security.md): a field hidden from
   * them holds its empty value (`null`, `[]`, `false`).
   */
  message: shownMessageSchema,
  deadlines: deadlinesViewSchema,
  /** The uploaded files the caller sees, with download URLs. */
  files: z.array(fileLinkSchema),
});
export type MessageListItem = z.infer<typeof messageListItemSchema>;

export const messageViewSchema = messageListItemSchema.extend({
  /** The events the caller may send now: what a portal draws as buttons. */
  availableEvents: z.array(messageEventTypeSchema),
});
export type MessageView = z.infer<typeof messageViewSchema>;

export const messagePageSchema = z.object({
  items: z.array(messageListItemSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** How many messages match in all: present when the request asked `withTotal=true`. */
  total: z.int().min(0).optional(),
});

export const historyItemSchema = z.object({
  version: z.int().min(1),
  type: z.string(),
  at: instantSchema,
  by: z.object({ id: idSchema, name: z.string().optional() }),
  fromStatus: messageStatusSchema.nullable(),
  fromStatusLabel: z.string().nullable(),
  toStatus: messageStatusSchema,
  toStatusLabel: z.string(),
  holdingOrgId: idSchema,
  holdingOrgName: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

export const historySchema = z.object({ items: z.array(historyItemSchema) });

export const foldersSchema = z.object({
  folders: z.array(
    z.object({
      /** The value to list it with: `?folder=<code>` for a folder, `?queue=<code>` for a queue. */
      code: z.union([folderSchema, queueSchema]),
      kind: z.enum(['folder', 'queue']),
      /** Whose folder it is, to group them when the caller has several roles. */
      role: z.enum(['coordination', 'executor', 'head', 'deadline']),
      label: z.string(),
      count: z.int().min(0),
    }),
  ),
});
