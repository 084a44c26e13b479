import type { Directory } from '../../kernel/notifications/directory.js';
import { hasRole } from '../../kernel/schemas/principal.js';
import { InvariantViolation } from '../../kernel/testing/invariant-violation.js';
import type { Message, MessageStatus } from '../schemas/message.js';
import { isFinalStatus } from '../status.js';
import { timersOf } from '../timers.js';
import { type ApplyResult, applyEvent, type MessageSnapshot, statusOf } from '../workflow.js';

export { InvariantViolation };

const fail = (message: string): never => {
  throw new InvariantViolation(message);
};

const holdingChangers = new Set([
  'coordination.forward',
  'coordination.return',
  'rating.submit',
  'moderation.correct',
]);

/**
 * Checks the step invariants of the ПОС workflow for one applied (or refused) event.
 * Throws {@link InvariantViolation} on the first that fails.
 *
 * - final statuses are never left;
 * - `answer_sent` is reached only through `answer.approve` by a head of the holding
 *   organisation;
 * - operator-entered messages never pass moderation and never reach `answer_sent`;
 * - the holding organisation changes only by forward, return or re-review;
 * - every applied event sets `updatedAt` to its own instant;
 * - a refused event leaves the snapshot identical (the input is not modified).
 */
export function checkStep(
  before: MessageSnapshot,
  beforeJson: string,
  event: { type: string; by: { id: string; roles: { role: string; orgId?: string }[] } },
  result: ApplyResult,
  directory: Directory,
): void {
  if (JSON.stringify(before) !== beforeJson) fail(`${event.type} modified its input snapshot`);
  const from = statusOf(before);
  if (!result.ok) return;
  const to: MessageStatus = result.status;
  const message = before.context;
  if (isFinalStatus(from) && to !== from) fail(`left final status ${from} by ${event.type}`);
  if (to === 'answer_sent' && from !== 'answer_sent') {
    if (event.type !== 'answer.approve') fail(`reached answer_sent by ${event.type}`);
    if (!hasRole(event.by as never, 'head', message.holdingOrgId)) {
      fail(`answer_sent approved by ${event.by.id}, not a head of ${message.holdingOrgId}`);
    }
  }
  if (message.channel === 'operator') {
    if (to === 'moderation' || from === 'moderation') fail('an operator message was moderated');
    if (to === 'answer_sent') fail('an operator message reached answer_sent');
  }
  const next = result.snapshot.context;
  if (next.updatedAt !== result.record.at) {
    fail(`${event.type} left updatedAt at ${next.updatedAt}, not its instant ${result.record.at}`);
  }
  if (next.holdingOrgId !== message.holdingOrgId && !holdingChangers.has(event.type)) {
    fail(`${event.type} moved the message from ${message.holdingOrgId} to ${next.holdingOrgId}`);
  }
  if (!directory.organisation(next.holdingOrgId)) fail(`held by unknown ${next.holdingOrgId}`);
  if (event.type === 'moderation.correct') {
    if (from !== 'moderation' || to !== 'moderation') fail(`corrected in ${from}, left in ${to}`);
    if (next.receivedOrgId !== next.holdingOrgId) fail('a correction split received and holding');
  }
  checkDeadlines(message, result.snapshot, event.type);
  checkLoops(before, event, result.snapshot, directory);
}

/**
 * Rating, re-review and delivery invariants after an applied event:
 * - re-review never exceeds the configured rounds, and always lands at the parent of the
 *   organisation that answered (or stays for its curator when it has none);
 * - a score at or below the low mark with rounds left always re-reviews;
 * - rating happens only once the answer reached the applicant, once per answer;
 * - `answer_delivered` is reached only through an operator confirming with a channel;
 * - the rating window's expiry always completes an unrated message.
 */
export function checkLoops(
  before: MessageSnapshot,
  event: { type: string; by: { id: string; roles: { role: string; orgId?: string }[] } } & Record<
    string,
    unknown
  >,
  after: MessageSnapshot,
  directory: Directory,
): void {
  const m0 = before.context;
  const m1 = after.context;
  const from = statusOf(before);
  const to = statusOf(after);
  const { maxReReviewRounds, lowScore } = directory.settings;
  if (m1.reReviewRound > maxReReviewRounds)
    fail(`re-review round ${m1.reReviewRound} exceeds the maximum`);
  const rated = m1.ratings.length > m0.ratings.length;
  if (rated) {
    if (from !== 'answer_sent' && from !== 'answer_delivered') fail(`rated in ${from}`);
    if (m1.ratings.length !== m0.ratings.length + 1) fail('one event added several ratings');
    if (to === 'answer_sent' || to === 'answer_delivered')
      fail('the same answer can be rated again');
    const score = m1.ratings.at(-1)?.score ?? 0;
    const reReviewed = m1.reReviewRound === m0.reReviewRound + 1;
    if (score <= lowScore && m0.reReviewRound < maxReReviewRounds && !reReviewed) {
      fail(`a score of ${score} with rounds left did not re-review`);
    }
    if (reReviewed) {
      const parent = directory.parentOf(m0.holdingOrgId);
      const expected = parent?.id ?? m0.holdingOrgId;
      if (m1.holdingOrgId !== expected)
        fail(`re-review went to ${m1.holdingOrgId}, not ${expected}`);
      if (m1.reReviewByCurator !== (parent === undefined)) fail('re-review by curator mis-set');
      if (to !== 'coordination') fail(`re-review landed in ${to}`);
    }
  }
  if (to === 'answer_delivered' && from !== 'answer_delivered') {
    const byOperator = event.by.roles.some((r) => r.role === 'operator');
    if (event.type !== 'delivery.confirm' || !byOperator || !m1.delivery?.channel) {
      fail(`answer_delivered reached by ${event.type} from ${event.by.id}`);
    }
  }
  if (event.type === 'rating.window_closed' && to !== 'completed') {
    fail('the rating window closed without completing the message');
  }
  if (isFinalStatus(to) && timersOf(after).length > 0)
    fail(`a ${to} message still asks for timers`);
  const ratingTimer = timersOf(after).some((t) => t.event.type === 'rating.window_closed');
  const awaitsRating =
    (to === 'answer_sent' || to === 'answer_delivered') && m1.answer?.type !== 'postponed';
  if (ratingTimer !== awaitsRating) fail(`rating window timer ${ratingTimer} while ${to}`);
}

/**
 * Deadline invariants after an applied event:
 * - the warning always precedes the breach, and the deadline is never before registration;
 * - an extension never moves the deadline earlier; «просрочено» never turns false;
 * - the timers a snapshot asks for are exactly the ones it needs: the breach timer while the
 *   deadline runs (and the warning while on time), none once it is answered or final.
 */
export function checkDeadlines(before: Message, after: MessageSnapshot, eventType: string): void {
  const m = after.context;
  if (m.responseDueAt !== null) {
    if (m.dueSoonAt === null || !(m.dueSoonAt < m.responseDueAt)) {
      fail(`due soon (${m.dueSoonAt}) does not precede the deadline (${m.responseDueAt})`);
    }
    if (
      m.registeredAt !== null &&
      m.responseDueAt < m.registeredAt &&
      eventType !== 'registration.update'
    ) {
      fail('the deadline is before the registration');
    }
  }
  if (
    before.responseDueAt !== null &&
    m.responseDueAt !== null &&
    m.responseDueAt < before.responseDueAt
  ) {
    fail(`${eventType} moved the deadline earlier`);
  }
  if (before.overdue && !m.overdue) fail(`${eventType} cleared «просрочено»`);
  const timers = timersOf(after).filter((t) => t.event.type.startsWith('deadline.'));
  const status = statusOf(after);
  const answered = m.answer?.approvedAt != null;
  if (isFinalStatus(status) || answered || m.responseDueAt === null) {
    if (timers.length > 0) fail(`a message without a running deadline asks for ${timers[0]?.id}`);
    return;
  }
  const breach = timers.find((t) => t.event.type === 'deadline.overdue');
  const deadlineRegion = JSON.stringify((after.value as { deadline?: unknown }).deadline);
  if (deadlineRegion.includes('overdue')) {
    if (timers.length > 0) fail('an overdue message still asks for deadline timers');
    return;
  }
  if (!breach || breach.fireAt !== m.responseDueAt) fail('a running deadline has no breach timer');
  const warning = timers.find((t) => t.event.type === 'deadline.due_soon');
  if (deadlineRegion.includes('on_time') && (!warning || warning.fireAt !== m.dueSoonAt)) {
    fail('a deadline on time has no warning timer');
  }
}

/**
 * A JSON round-trip of the persisted snapshot never changes the result of the next event:
 * what a store reads back behaves exactly like what it wrote.
 */
export function checkRoundTrip(
  beforeJson: string,
  event: unknown,
  result: ApplyResult,
  directory: Directory,
): void {
  const again = applyEvent(JSON.parse(beforeJson) as MessageSnapshot, event, directory);
  if (JSON.stringify(again) !== JSON.stringify(result)) {
    fail('the event gave a different result after a JSON round-trip of the snapshot');
  }
}

/** Checks a freshly submitted message: operator messages skip moderation, others do not. */
export function checkStart(result: ApplyResult): void {
  if (!result.ok) return;
  const expected = result.snapshot.context.channel === 'operator' ? 'coordination' : 'moderation';
  if (result.status !== expected)
    fail(`a new ${result.snapshot.context.channel} message is in ${result.status}`);
}
