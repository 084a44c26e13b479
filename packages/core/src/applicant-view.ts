import type { Directory } from './directory.js';
import type { Message, MessageStatus } from './schemas/message.js';
import { copyMessage } from './schemas/message-copy.js';
import { isVisible, type ViewScope } from './visibility.js';
import type { HistoryRecord } from './workflow.js';

/**
 * Does the viewer with this scope see the message only because they sent it? Staff who
 * also hold the applicant role, and anyone whose roles reach the message another way
 * (organisation, assignment, moderation, operator-entered, system), see it whole.
 *
 * @example
 * const scope = viewScopeOf(viewer, directory); // once per request
 * const shown = seesOnlyAsApplicant(scope, message, status) ? applicantView(message) : message;
 */
export function seesOnlyAsApplicant(
  scope: ViewScope,
  message: Message,
  status: MessageStatus,
): boolean {
  if (scope.applicantUserId === null || message.applicant.userId !== scope.applicantUserId) {
    return false;
  }
  return !isVisible({ ...scope, applicantUserId: null }, message, status);
}

/**
 * The message as its applicant sees it: the public course of the work, without what the
 * organisations keep among themselves. Cleared (set to `null`, or `false`):
 *
 * - an answer that is not approved yet — a draft is not an answer;
 * - who coordinates, executes and approves, and the executor's own deadline;
 * - the comment of the last return between organisations or to the executor;
 * - a pending extension request (the applicant hears of an extension once it is granted);
 * - which autorule delegated the message, and whether a curator coordinates the re-review;
 * - which operator entered it.
 *
 * Everything else — status, deadlines, the approved answers, ratings, delivery — stays.
 * The result has the same shape as a message, so a portal renders it with the same code.
 */
export function applicantView(message: Message): Message {
  const view = copyMessage(message);
  view.answer = message.answer?.approvedAt ? message.answer : null;
  view.coordinatorId = null;
  view.executorId = null;
  view.executionDueAt = null;
  view.headId = null;
  view.lastReturnComment = null;
  view.pendingExtension = null;
  view.delegatedByAutorule = null;
  view.reReviewByCurator = false;
  view.enteredBy = null;
  return view;
}

/**
 * A history record as the applicant sees it: when the status changed and which
 * organisation held the message. What officials wrote (comments, draft answers, executors)
 * and who they are stay out; the applicant's own events keep their payload.
 *
 * @example
 * const lines = records.map((r) => applicantHistoryRecord(r, applicant.id, directory));
 */
export function applicantHistoryRecord<R extends HistoryRecord>(
  record: R,
  applicantId: string,
  directory: Directory,
): R {
  if (record.by.id === applicantId) return record;
  const org = directory.organisation(record.holdingOrgId);
  return {
    ...record,
    by: org ? { id: org.id, name: org.name } : { id: record.holdingOrgId },
    payload: {},
  };
}
