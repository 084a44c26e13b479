import type { Directory } from '../kernel/notifications/directory.js';
import { hasRole, type Principal, type Role } from '../kernel/schemas/principal.js';
import type { MessageEventType } from './schemas/events.js';
import type { Message, MessageStatus } from './schemas/message.js';

/**
 * Who may send an event, as data:
 * - `holding`: holds `role` in the organisation that holds the message now;
 * - `assignee`: is the message's executor (assigned, or the coordinator who took it);
 * - `moderation`: a moderator of the organisation the message was sent to, of an
 *   organisation above it, or platform-wide (no organisation);
 * - `own`: the applicant who sent it;
 * - `system`: timers and autorules, never a person;
 * - `operator_entered`: any operator, on a message an operator entered;
 * - `re_review_curator`: the curator of the holding organisation, when a message is
 *   re-reviewed at the top of the tree (no parent to send it to).
 *
 * `in` narrows a grant to some statuses.
 */
export type Grant =
  | { scope: 'holding'; role: Role; in?: readonly MessageStatus[] }
  | { scope: 'assignee'; in?: readonly MessageStatus[] }
  | { scope: 'moderation'; in?: readonly MessageStatus[] }
  | { scope: 'own'; in?: readonly MessageStatus[] }
  | { scope: 'system'; in?: readonly MessageStatus[] }
  | { scope: 'operator_entered'; in?: readonly MessageStatus[] }
  | { scope: 're_review_curator'; in?: readonly MessageStatus[] };

const coordinator: Grant = { scope: 'holding', role: 'coordinator' };
const head: Grant = { scope: 'holding', role: 'head' };
const assignee: Grant = { scope: 'assignee' };
const system: Grant = { scope: 'system' };
const operatorEntered: Grant = { scope: 'operator_entered' };
const curatorOnReReview: Grant = { scope: 're_review_curator' };
const own: Grant = { scope: 'own' };

/** The permission table of the ПОС workflow: every event names who may send it. */
export const messagePermissions: Readonly<Record<MessageEventType, readonly Grant[]>> = {
  'moderation.accept': [{ scope: 'moderation' }],
  'moderation.reject': [{ scope: 'moderation' }],
  'moderation.correct': [{ scope: 'moderation' }],
  // The system acts for autorules: through the same events and checks as people.
  'executor.assign': [coordinator, curatorOnReReview, system],
  'work.take': [
    { scope: 'holding', role: 'coordinator', in: ['coordination', 'postponed'] },
    { scope: 're_review_curator', in: ['coordination'] },
    { scope: 'assignee', in: ['executor_assigned', 'postponed'] },
  ],
  'coordination.forward': [coordinator, curatorOnReReview, system],
  'coordination.return': [coordinator, assignee],
  'executor.reassign': [coordinator, assignee, curatorOnReReview],
  'answer.submit': [assignee],
  'answer.approve': [head],
  'answer.return': [head],
  'deadline.extension_request': [coordinator, assignee],
  'deadline.extension_approve': [head],
  'deadline.extension_deny': [head],
  'deadline.due_soon': [system],
  'deadline.overdue': [system],
  'rating.submit': [own, operatorEntered],
  'delivery.confirm': [operatorEntered],
  'delivery.email_result': [system],
  'rating.window_closed': [system],
  'delivery.overdue': [system],
  'postponement.due': [system],
  'registration.update': [coordinator, head],
};

function grantAllows(
  grant: Grant,
  principal: Principal,
  message: Message,
  status: MessageStatus,
  directory: Directory,
): boolean {
  if (grant.in && !grant.in.includes(status)) return false;
  switch (grant.scope) {
    case 'holding':
      return hasRole(principal, grant.role, message.holdingOrgId);
    case 'assignee':
      return (
        message.executorId === principal.id &&
        (hasRole(principal, 'executor', message.holdingOrgId) ||
          hasRole(principal, 'coordinator', message.holdingOrgId))
      );
    case 'moderation':
      for (const g of principal.roles) {
        if (g.role !== 'moderator') continue;
        if (g.orgId === undefined) return true;
        if (directory.ancestorsOf(message.receivedOrgId).some((o) => o.id === g.orgId)) return true;
      }
      return false;
    case 'own':
      return message.applicant.userId === principal.id && hasRole(principal, 'applicant');
    case 'system':
      return hasRole(principal, 'system');
    case 'operator_entered':
      return message.channel === 'operator' && hasRole(principal, 'operator');
    case 're_review_curator':
      return message.reReviewByCurator && hasRole(principal, 'curator', message.holdingOrgId);
    default: {
      const unreachable: never = grant;
      return unreachable;
    }
  }
}

/** May `principal` send `eventType` on this message in this status? Payload-independent. */
export function isPermitted(
  eventType: MessageEventType,
  principal: Principal,
  message: Message,
  status: MessageStatus,
  directory: Directory,
): boolean {
  const grants = messagePermissions[eventType];
  for (const grant of grants) {
    if (grantAllows(grant, principal, message, status, directory)) return true;
  }
  return false;
}
