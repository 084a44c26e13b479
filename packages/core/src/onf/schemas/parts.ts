import { z } from 'zod';
import {
  idSchema,
  instantSchema,
  localDateSchema,
  storableString,
} from '../../kernel/schemas/primitives.js';

/**
 * The ОНФ status codes (SPEC §9), plus `support` («В техподдержке»): the seed sends a card
 * to a support specialist who «вернет обращение в работу», so it leaves the executor's hands
 * like a re-review does.
 */
export const caseStatusSchema = z.enum([
  'new',
  'moderation',
  'in_work',
  'curator_check',
  'support',
  'postponed',
  'done',
  'closed',
]);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** «Тип категории»: a state body (ОГВ) or a non-profit / volunteer organisation. */
export const categoryTypeSchema = z.enum(['ogv', 'nko']);
export type CategoryType = z.infer<typeof categoryTypeSchema>;

/** The seven reasons of «Запрос на закрытие обращения» (seed 003 §9). */
export const closeReasonSchema = z.enum([
  'declined_help',
  'wrong_phone',
  'unreachable',
  'duplicate',
  'did_not_apply',
  'objective_reasons',
  'motivated_refusal',
]);
export type CloseReason = z.infer<typeof closeReasonSchema>;

/** What a close reason may require besides the reason itself. */
export const closeRequirementSchema = z.enum(['comment', 'duplicate_number', 'contact_attempts']);
export type CloseRequirement = z.infer<typeof closeRequirementSchema>;

/** Why the executor sends a card to the moderators («На повторное рассмотрение»). */
export const rereviewReasonSchema = z.enum([
  'wrong_region',
  'wrong_category',
  'wrong_region_and_category',
]);
export type RereviewReason = z.infer<typeof rereviewReasonSchema>;

/** How a call to the applicant went. Every outcome but `reached` is a failed attempt. */
export const contactOutcomeSchema = z.enum([
  'reached',
  'no_answer',
  'busy',
  'unavailable',
  'wrong_number',
]);
export type ContactOutcome = z.infer<typeof contactOutcomeSchema>;

/** A label code («Особые метки сообщения»): lower-case latin, digits, `_ . -`. */
export const caseLabelSchema = storableString().regex(
  /^[a-z0-9][a-z0-9_.-]{0,63}$/,
  'a label code such as "federal_level"',
);

/** The label «Федеральный уровень» sets. */
export const FEDERAL_LABEL = 'federal_level';

export const casePhoneSchema = storableString()
  .trim()
  .regex(/^\+?[0-9 ()-]{5,24}$/, 'a phone number such as +7(917)561-89-18');

/** The citizen: the seed says a card always has the name, the phone and the region. */
export const caseApplicantSchema = z.object({
  name: storableString().trim().min(1).max(300),
  phone: casePhoneSchema,
  email: z.email().nullable().default(null),
});
export type CaseApplicant = z.infer<typeof caseApplicantSchema>;

/** Documents, photos and videos that confirm a resolution (compared case-insensitively). */
export const CASE_FILE_EXTENSIONS = [
  '.pdf',
  '.doc',
  '.docx',
  '.odt',
  '.rtf',
  '.txt',
  '.xls',
  '.xlsx',
  '.jpg',
  '.jpeg',
  '.png',
  '.heic',
  '.mp4',
  '.mov',
] as const;

const allowedExtension = (name: string) => {
  const dot = name.lastIndexOf('.');
  return (
    dot >= 0 && (CASE_FILE_EXTENSIONS as readonly string[]).includes(name.slice(dot).toLowerCase())
  );
};

const caseFileShape = z.object({
  name: storableString().min(1).max(255),
  /** Where the adapter keeps the bytes; the core never reads them. */
  ref: storableString().max(2000).optional(),
  size: z.int().min(0).optional(),
  /** The upload in the file store (`POST /files`), attached to the card. */
  fileId: idSchema.optional(),
  /** The type detected from the upload's bytes. */
  contentType: storableString().max(200).optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  uploadedAt: instantSchema.optional(),
});

const extensionMessage = `a file must be one of ${CASE_FILE_EXTENSIONS.join(' ')}`;

/**
 * A resolution's file as the card keeps it: an upload carries its `fileId` and a copy of
 * its descriptor (type detected from the bytes); a file named only (cards resolved before
 * uploads, or a name without bytes) must have one of {@link CASE_FILE_EXTENSIONS}.
 */
export const caseFileSchema = caseFileShape.refine(
  (f) => f.fileId !== undefined || allowedExtension(f.name),
  { message: extensionMessage, path: ['name'] },
);
export type CaseFile = z.infer<typeof caseFileSchema>;

/**
 * A file as `case.resolve` names it: an upload by id (`{ fileId }`, checked against the
 * file store by the core's rule; whatever else a client writes beside the id is replaced
 * by the store's descriptor), or a named file without bytes.
 */
export const caseFileInputSchema = caseFileShape
  .partial({ name: true })
  .refine((f) => f.fileId !== undefined || f.name !== undefined, {
    message: 'Укажите загрузку (fileId) или файл (name)',
    path: ['fileId'],
  })
  .refine((f) => f.fileId !== undefined || f.name === undefined || allowedExtension(f.name), {
    message: extensionMessage,
    path: ['name'],
  });
export type CaseFileInput = z.infer<typeof caseFileInputSchema>;

/** The fields support may correct (region and category go through the moderators). */
export const correctableFieldSchema = z.enum([
  'applicant_name',
  'phone',
  'email',
  'address',
  'municipality',
  'source_address',
]);
export type CorrectableField = z.infer<typeof correctableFieldSchema>;

/** What support writes into the card; `email: null` erases it. */
export const caseFieldChangesSchema = z
  .object({
    applicant_name: storableString().trim().min(1).max(300),
    phone: casePhoneSchema,
    email: z.email().nullable(),
    address: storableString().trim().min(1).max(1000),
    municipality: storableString().trim().min(1).max(300),
    source_address: storableString().trim().min(1).max(1000),
  })
  .partial()
  .strict();
export type CaseFieldChanges = z.infer<typeof caseFieldChangesSchema>;

/** One call to the applicant, on the region's local `day`. */
export const contactAttemptSchema = z.object({
  at: instantSchema,
  day: localDateSchema,
  outcome: contactOutcomeSchema,
  by: idSchema,
  comment: storableString().nullable(),
});
export type ContactAttempt = z.infer<typeof contactAttemptSchema>;

/** One line of «Ход решения». `source` names the event that wrote it. */
export const caseCommentSchema = z.object({
  at: instantSchema,
  authorId: idSchema,
  authorName: storableString().nullable(),
  text: storableString(),
  source: storableString(),
});
export type CaseComment = z.infer<typeof caseCommentSchema>;
