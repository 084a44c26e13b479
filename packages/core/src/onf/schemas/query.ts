import { z } from 'zod';
import { regionCodeSchema } from '../../kernel/schemas/organisation.js';
import { idSchema, instantSchema, storableString } from '../../kernel/schemas/primitives.js';
import { federalDistrictCodes } from '../federal-districts.js';
import { caseLabelSchema, caseStatusSchema, categoryTypeSchema } from './parts.js';

/**
 * «Блокировка»: `free` — nobody works on it; `held` — somebody does; `mine` — I do;
 * `others` — somebody else does; `mine_or_free` — «Мои и свободные», the interface's default.
 */
export const lockFilterSchema = z.enum(['free', 'held', 'mine', 'others', 'mine_or_free']);
export type LockFilter = z.infer<typeof lockFilterSchema>;

export const caseSortFieldSchema = z.enum(['createdAt', 'updatedAt']);
export type CaseSortField = z.infer<typeof caseSortFieldSchema>;

const list = <T extends z.ZodType>(item: T) => z.array(item).max(200).optional();
const words = storableString().trim().min(1).max(200).optional();

/**
 * The ОНФ list filters (seed 003 §12, SPEC §9): all combine with AND; a list matches any of
 * its values; text filters match case-insensitively inside the field. The same query drives
 * the list and the Excel export.
 */
export const caseQuerySchema = z.object({
  /** «№ обращения», exactly. */
  number: storableString().trim().min(1).max(50).optional(),
  statuses: list(caseStatusSchema),
  lock: lockFilterSchema.optional(),
  /** «ФИО гражданина». */
  applicantName: words,
  /** «Телефон»: its digits anywhere in the card's phone (8… and +7… compare equal). */
  phone: storableString()
    .trim()
    .regex(/^[+0-9 ()-]{1,24}$/, 'digits of a phone number')
    .optional(),
  /** «Текст обращения». */
  text: words,
  /** «Обращались ранее». */
  contactedBefore: z.boolean().optional(),
  urgent: z.boolean().optional(),
  /** «Источник обращения»: the channel. */
  channels: list(storableString().min(1).max(200)),
  federalDistricts: list(z.enum(federalDistrictCodes)),
  regionCodes: list(regionCodeSchema),
  /** «Муниципальное образование». */
  municipality: words,
  /** «Адрес». */
  address: words,
  /** «Тип категории»: ОГВ or НКО/волонтёр. */
  categoryTypes: list(categoryTypeSchema),
  categoryIds: list(idSchema),
  subcategoryIds: list(idSchema),
  executorIds: list(idSchema),
  orgIds: list(idSchema),
  /** «Созд. от» / «Созд. до», inclusive. */
  createdFrom: instantSchema.optional(),
  createdTo: instantSchema.optional(),
  /** «Метки (наличие)»: the card has every one of these labels. */
  labelsPresent: list(caseLabelSchema),
  /** «Метки (отсутствие)»: the card has none of these labels. */
  labelsAbsent: list(caseLabelSchema),
  /** «Идентификатор РТК»: the id in the source system, exactly. */
  sourceId: storableString().trim().min(1).max(200).optional(),
  sort: caseSortFieldSchema.default('createdAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  limit: z.int().min(1).max(200).default(50),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: storableString().max(500).optional(),
});
export type CaseQuery = z.infer<typeof caseQuerySchema>;
export type CaseQueryInput = z.input<typeof caseQuerySchema>;
