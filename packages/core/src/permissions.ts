import type { Directory } from './directory.js';
import type { MessageEventType } from './schemas/events.js';
import type { Message, MessageStatus } from './schemas/message.js';
import { hasRole, type Principal, type Role } from './schemas/principal.js';

/**
 * Who may send an event, as data:
 * - `holding`: holds `role` in the organisation that holds the message now;
 * - `assignee`: is the message's executor (assigned, or the coordinator who took it);
 * - `moderation`: a moderator of the organisation the message was sent to, of an
 *   organisation above it, or platform-wide (no organisation);
 * - `own`: the applicant who sent it;
 * - `system`: timers and autorules, never a person.
 *
 * `in` narrows a grant to some statuses.
 */
export type Grant =
  | { scope: 'holding'; role: Role; in?: readonly MessageStatus[] }
  | { scope: 'assignee'; in?: readonly MessageStatus[] }
  | { scope: 'moderation'; in?: readonly MessageStatus[] }
  | { scope: 'own'; in?: readonly MessageStatus[] }
  | { scope: 'system'; in?: readonly MessageStatus[] };

const coordinator: Grant = { scope: 'holding', role: 'coordinator' };
const head: Grant = { scope: 'holding', role: 'head' };
const assignee: Grant = { scope: 'assignee' };
const system: Grant = { scope: 'system' };

/** The permission table of the ПОС workflow: every event names who may send it. */
export const messagePermissions: Readonly<Record<MessageEventType, readonly Grant[]>> = {
  'moderation.accept': [{ scope: 'moderation' }],
  'moderation.reject': [{ scope: 'moderation' }],
  'executor.assign': [coordinator],
  'work.take': [
    { scope: 'holding', role: 'coordinator', in: ['coordination'] },
    { scope: 'assignee', in: ['executor_assigned'] },
  ],
  'coordination.forward': [coordinator],
  'coordination.return': [coordinator, assignee],
  'executor.reassign': [coordinator, assignee],
  'answer.submit': [assignee],
  'answer.approve': [head],
  'answer.return': [head],
  'deadline.extension_request': [coordinator, assignee],
  'deadline.extension_approve': [head],
  'deadline.extension_deny': [head],
  'deadline.due_soon': [system],
  'deadline.overdue': [system],
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
