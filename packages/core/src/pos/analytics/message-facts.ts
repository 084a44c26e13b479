import { localDateIn, toEpochMs } from '../../kernel/deadlines/instant.js';
import type { Directory } from '../../kernel/notifications/directory.js';
import type { Channel, Message, MessageStatus } from '../schemas/message.js';

/**
 * What the indicators know of one message: a pure function of the message as the store keeps
 * it, its status, the directory, and the one fact its context forgets — the response
 * deadline in force when its first answer was approved (`dueAtAnswer`, see
 * `dueAtFirstAnswerOf`). The SQL store keeps one such row per message (the summary row every
 * write updates); the memory store computes them from its messages and histories.
 */
export interface MessageFacts {
  messageId: string;
  /** The local date of receipt in the message's zone (the holding organisation's). */
  receivedOn: string;
  holdingOrgId: string;
  regionCode: string;
  categoryId: string;
  channel: Channel;
  fastTrack: boolean;
  status: MessageStatus;
  rejected: boolean;
  /** The instant the first answer was approved (sent, or ready for the operator). */
  answeredAt: string | null;
  /** The response deadline in force at `answeredAt` (extensions granted before it included). */
  dueAtAnswer: string | null;
  /** Answered no later than `dueAtAnswer` (or with no deadline at all); `null` if unanswered. */
  answeredOnTime: boolean | null;
  /** Milliseconds from receipt to `answeredAt`. */
  answerMs: number | null;
  /** Working days of the production calendar from the receipt's local date to the answer's. */
  answerWorkingDays: number | null;
  /** Waiting for an answer now: registered, in coordination, execution or approval. */
  awaiting: boolean;
  /** The current response deadline and due-soon instant. */
  responseDueAt: string | null;
  dueSoonAt: string | null;
  extensionsGranted: number;
  /** How many of the message's ratings gave 1, 2, 3, 4 and 5. */
  ratings: [number, number, number, number, number];
  /** Re-review rounds: the low ratings that sent the message to re-review. */
  reReviews: number;
  /** An operator-entered message whose (current) answer an operator delivered. */
  operatorDelivered: boolean;
  /** Milliseconds from the approval of the delivered answer to the delivery's confirmation. */
  deliveryLagMs: number | null;
  /** An autorule routed or assigned it. */
  autorouted: boolean;
}

const awaitingStatuses: ReadonlySet<MessageStatus> = new Set([
  'coordination',
  'executor_assigned',
  'in_work',
  'on_approval',
]);

/** The zone a message's dates are read in: its own (the holding organisation's), as kept. */
export const factsTimeZoneOf = (message: Message, directory: Directory): string =>
  message.timeZone ?? directory.timeZoneOf(message.holdingOrgId) ?? 'Europe/Moscow';

/** The instant the message's first answer was approved, from the answers it keeps. */
export function firstAnsweredAtOf(message: Message): string | null {
  for (const answer of message.previousAnswers) if (answer.approvedAt) return answer.approvedAt;
  return message.answer?.approvedAt ?? null;
}

/**
 * The facts of one message (see {@link MessageFacts}). `dueAtAnswer` is the deadline in force
 * at the first approval: from the history (`dueAtFirstAnswerOf`), or kept by the store from
 * the write that approved the first answer.
 *
 * @example
 * const facts = messageFactsOf(stored.snapshot.context, stored.status, directory,
 *   dueAtFirstAnswerOf(history, stored.snapshot.context, directory));
 */
export function messageFactsOf(
  message: Message,
  status: MessageStatus,
  directory: Directory,
  dueAtAnswer: string | null,
): MessageFacts {
  const zone = factsTimeZoneOf(message, directory);
  const receivedOn = localDateIn(message.createdAt, zone);
  const answeredAt = firstAnsweredAtOf(message);
  const due = answeredAt === null ? null : dueAtAnswer;
  const ratings: MessageFacts['ratings'] = [0, 0, 0, 0, 0];
  for (const rating of message.ratings) {
    const index = rating.score - 1;
    if (index >= 0 && index < 5) ratings[index as 0 | 1 | 2 | 3 | 4] += 1;
  }
  const delivered =
    message.channel === 'operator' &&
    message.delivery !== null &&
    message.answer?.approvedAt != null;
  return {
    messageId: message.id,
    receivedOn,
    holdingOrgId: message.holdingOrgId,
    regionCode: message.regionCode,
    categoryId: message.categoryId,
    channel: message.channel,
    fastTrack: message.fastTrack,
    status,
    rejected: status === 'rejected',
    answeredAt,
    dueAtAnswer: due,
    answeredOnTime:
      answeredAt === null ? null : due === null || toEpochMs(answeredAt) <= toEpochMs(due),
    answerMs: answeredAt === null ? null : toEpochMs(answeredAt) - toEpochMs(message.createdAt),
    answerWorkingDays:
      answeredAt === null
        ? null
        : directory.calendar.workingDaysBetween(receivedOn, localDateIn(answeredAt, zone)),
    awaiting: awaitingStatuses.has(status) && message.responseDueAt !== null,
    responseDueAt: message.responseDueAt,
    dueSoonAt: message.dueSoonAt,
    extensionsGranted: message.extensionsGranted,
    ratings,
    reReviews: message.reReviewRound,
    operatorDelivered: delivered,
    deliveryLagMs:
      delivered && message.delivery && message.answer?.approvedAt
        ? toEpochMs(message.delivery.confirmedAt) - toEpochMs(message.answer.approvedAt)
        : null,
    autorouted: message.delegatedByAutorule !== null,
  };
}
