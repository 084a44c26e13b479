import { z } from 'zod';
import { idSchema, storableString } from './primitives.js';

/** A person, an individual entrepreneur or a legal entity. */
export const applicantKindSchema = z.enum(['person', 'entrepreneur', 'legal_entity']);
export type ApplicantKind = z.infer<typeof applicantKindSchema>;

export const applicantSchema = z.object({
  kind: applicantKindSchema.default('person'),
  /** The applicant's account, when they have one (operator-entered applicants may not). */
  userId: idSchema.nullable().default(null),
  name: storableString().trim().min(1).max(300),
  email: z.email().nullable().default(null),
  phone: storableString()
    .regex(/^\+?[0-9 ()-]{5,20}$/, 'a phone number')
    .nullable()
    .default(null),
  /** Where the applicant lives — distinct from where the problem is. */
  residenceAddress: storableString().max(1000).nullable().default(null),
});
export type Applicant = z.infer<typeof applicantSchema>;
export type ApplicantInput = z.input<typeof applicantSchema>;
