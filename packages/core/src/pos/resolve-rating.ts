import { endOfLocalDay } from '../kernel/deadlines/deadline.js';
import { localDateIn } from '../kernel/deadlines/instant.js';
import { addCalendarDays } from '../kernel/deadlines/local-date.js';
import { invalidField, type WorkflowError } from '../kernel/errors.js';
import type { Directory, RuleSettings } from '../kernel/notifications/directory.js';
import { registrationDeadline } from './deadline.js';
import type { MessageMachineEvent } from './machine/machine.js';
import type { MessageEvent } from './schemas/events.js';
import type { Message } from './schemas/message.js';

type Resolution<T> = { ok: true; value: T } | { ok: false; error: WorkflowError };

const zoneOf = (message: Message, directory: Directory) =>
  message.timeZone ?? directory.timeZoneOf(message.holdingOrgId) ?? 'Europe/Moscow';

/** The end of the rating window: 23:59 local time, the configured number of days on. */
export function ratingWindowEnd(message: Message, at: string, directory: Directory): string {
  const zone = zoneOf(message, directory);
  const day = addCalendarDays(localDateIn(at, zone), directory.settings.ratingWindowDays);
  return endOfLocalDay(day, zone);
}

/** By when an operator should carry an answer to the applicant (working days, 23:59 local). */
export function deliveryDeadline(message: Message, at: string, directory: Directory): string {
  const zone = zoneOf(message, directory);
  const day = directory.calendar.addWorkingDays(
    localDateIn(at, zone),
    directory.settings.deliveryWorkingDays,
  );
  return endOfLocalDay(day, zone);
}

/** Is the message waiting on a postponed answer whose date has come? */
export const isPostponedNow = (message: Message): boolean =>
  message.answer?.type === 'postponed' && message.answer.approvedAt !== null;

/**
 * Whether a rating sends its message to re-review: a score at or below the low mark
 * (`settings.lowScore`) while rounds are left (`settings.maxReReviewRounds`). Any other
 * rating is the message's last.
 *
 * @example
 * sendsToReReview(2, 0, { lowScore: 2, maxReReviewRounds: 1 }); // true
 * sendsToReReview(3, 0, { lowScore: 2, maxReReviewRounds: 1 }); // false
 */
export function sendsToReReview(
  score: number,
  reReviewRound: number,
  settings: Pick<RuleSettings, 'lowScore' | 'maxReReviewRounds'>,
): boolean {
  return score <= settings.lowScore && reReviewRound < settings.maxReReviewRounds;
}

/**
 * A rating: only for a final answer that reached the applicant, within the window. A score
 * at or below the low mark, with rounds left, sends the message to re-review at the parent of
 * the organisation that answered — or, at the top of the tree, back to the same organisation
 * for its curator — with a fresh response deadline.
 */
export function resolveRating(
  event: Extract<MessageEvent, { type: 'rating.submit' }>,
  message: Message,
  directory: Directory,
): Resolution<MessageMachineEvent> {
  const { at, by } = event;
  // A postponed answer is not rated: a precondition (preconditions.ts), checked before this.
  if (message.ratingDueAt !== null && at > message.ratingDueAt) {
    return { ok: false, error: invalidField(['at'], 'срок оценки ответа истёк') };
  }
  const comment = event.comment?.length ? event.comment : null;
  if (!sendsToReReview(event.score, message.reReviewRound, directory.settings)) {
    return {
      ok: true,
      value: { type: 'rating.submit', at, by, score: event.score, comment, reReview: null },
    };
  }
  const parent = directory.parentOf(message.holdingOrgId);
  const toOrgId = parent?.id ?? message.holdingOrgId;
  const deadline = registrationDeadline({ ...message, holdingOrgId: toOrgId }, at, directory);
  return {
    ok: true,
    value: {
      type: 'rating.submit',
      at,
      by,
      score: event.score,
      comment,
      reReview: { toOrgId, byCurator: parent === undefined, deadline: deadline ?? null },
    },
  };
}
