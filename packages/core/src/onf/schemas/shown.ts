import type { z } from 'zod';
import { caseRecordSchema } from './case.js';
import { caseApplicantSchema, casePhoneSchema } from './parts.js';

/**
 * An ОНФ card as one viewer may read it: the shape of a {@link CaseRecord}, where a part the
 * viewer may not see holds its empty value (`null`, `[]`) and the applicant's phone, which a
 * card always has, may be `null`. Every stored card is a valid shown card.
 */
export const shownCaseSchema = caseRecordSchema.extend({
  applicant: caseApplicantSchema.extend({ phone: casePhoneSchema.nullable() }),
});
export type ShownCase = z.infer<typeof shownCaseSchema>;
