import { z } from 'zod';
import { applicantSchema } from '../../kernel/schemas/applicant.js';
import { idSchema } from '../../kernel/schemas/primitives.js';
import { answerSchema, messageSchema, ratingSchema } from './message.js';

/**
 * An answer as a viewer is shown it: `preparedBy` is `null` when the viewer may not know
 * which official wrote it (as `approvedBy` is then).
 */
export const shownAnswerSchema = answerSchema.extend({ preparedBy: idSchema.nullable() });
export type ShownAnswer = z.infer<typeof shownAnswerSchema>;

/** A rating as a viewer is shown it: `ratedBy` is `null` unless the viewer may know who rated. */
export const shownRatingSchema = ratingSchema.extend({ ratedBy: idSchema.nullable() });
export type ShownRating = z.infer<typeof shownRatingSchema>;

/**
 * A message as one viewer may read it (SPEC §11): the shape of a {@link Message}, where a
 * field the viewer may not see holds its empty value — `null`, `[]` or `false` — as if the
 * thing it records had not happened. Only a few ids and the applicant, which a stored
 * message always has, become nullable. Every stored message is a valid shown message.
 */
export const shownMessageSchema = messageSchema.extend({
  applicant: applicantSchema.nullable(),
  submittedBy: idSchema.nullable(),
  answer: shownAnswerSchema.nullable(),
  ratings: z.array(shownRatingSchema),
  previousAnswers: z.array(shownAnswerSchema),
});
export type ShownMessage = z.infer<typeof shownMessageSchema>;
