import type { Directory } from '../kernel/notifications/directory.js';
import { viewFor } from './field-visibility.js';
import { historyLineFor } from './history-visibility.js';
import type { Message, MessageStatus } from './schemas/message.js';
import type { ShownMessage } from './schemas/shown.js';
import type { MessageViewer } from './viewer.js';
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

/** The applicant of a message, as a {@link MessageViewer}. */
const applicantOf = (message: Message): MessageViewer => ({
  kinds: ['applicant'],
  userId: message.applicant.userId,
});

/**
 * The message as its applicant sees it: {@link viewFor} with the applicant's kind alone.
 * Cleared (set to `null`, `[]` or `false`): an answer that is not approved yet (a draft is
 * not an answer) and its files; who coordinates, executes, approves and prepared the
 * answer, and the executor's own deadline; the comment of the last return; a pending
 * extension request; which autorule delegated the message; which operator entered it; the
 * delivery record and the automatic e-mail.
 *
 * @example
 * const shown = seesOnlyAsApplicant(scope, message, status) ? applicantView(message) : message;
 */
export function applicantView(message: Message): ShownMessage {
  return viewFor(applicantOf(message), message);
}

/**
 * A history record as the applicant sees it ({@link historyLineFor} with the applicant's
 * kind), or `null` for a step that does not concern them.
 *
 * @example
 * const lines = records.flatMap((r) => applicantHistoryRecord(r, applicant.id, directory) ?? []);
 */
export function applicantHistoryRecord<R extends HistoryRecord>(
  record: R,
  applicantId: string,
  directory: Directory,
): R | null {
  return historyLineFor({ kinds: ['applicant'], userId: applicantId }, record, directory);
}
