import type { Directory } from '../kernel/notifications/directory.js';
import type { Principal } from '../kernel/schemas/principal.js';
import type { Message, MessageStatus } from './schemas/message.js';

/**
 * What a principal may see, as data that both the in-memory filter and a SQL `WHERE`
 * can use. A message is visible when any part matches.
 */
export interface ViewScope {
  /** Sees everything (the system). */
  all: boolean;
  /** Staff (coordinator, head, curator, admin) see what organisations in their subtrees hold. */
  holdingOrgIds: string[];
  /** Moderators see what was sent to organisations in their subtrees. */
  receivedOrgIds: string[];
  /** A platform-wide moderator sees every message. */
  moderatesAll: boolean;
  /** Executors see what is assigned to them. */
  executorId: string | null;
  /** Applicants see their own messages. */
  applicantUserId: string | null;
  /** Operators see every operator-entered message. */
  operatorEntered: boolean;
}

const staffRoles = new Set(['coordinator', 'head', 'curator', 'admin']);

/** The {@link ViewScope} of a principal, from their roles and the organisation tree. */
export function viewScopeOf(principal: Principal, directory: Directory): ViewScope {
  const holding = new Set<string>();
  const received = new Set<string>();
  const scope: ViewScope = {
    all: false,
    holdingOrgIds: [],
    receivedOrgIds: [],
    moderatesAll: false,
    executorId: null,
    applicantUserId: null,
    operatorEntered: false,
  };
  for (const grant of principal.roles) {
    switch (grant.role) {
      case 'system':
        scope.all = true;
        break;
      case 'applicant':
        scope.applicantUserId = principal.id;
        break;
      case 'operator':
        scope.operatorEntered = true;
        break;
      case 'executor':
        scope.executorId = principal.id;
        break;
      case 'moderator':
        if (grant.orgId === undefined) scope.moderatesAll = true;
        else for (const id of directory.subtreeOf(grant.orgId)) received.add(id);
        break;
      default:
        if (staffRoles.has(grant.role) && grant.orgId !== undefined) {
          for (const id of directory.subtreeOf(grant.orgId)) holding.add(id);
        }
    }
  }
  scope.holdingOrgIds = [...holding];
  scope.receivedOrgIds = [...received];
  return scope;
}

/** Is the message inside the scope? The in-memory counterpart of a store's SQL filter. */
export function isVisible(scope: ViewScope, message: Message, _status: MessageStatus): boolean {
  if (scope.all || scope.moderatesAll) return true;
  if (scope.holdingOrgIds.includes(message.holdingOrgId)) return true;
  if (scope.receivedOrgIds.includes(message.receivedOrgId)) return true;
  if (scope.executorId !== null && message.executorId === scope.executorId) return true;
  if (scope.applicantUserId !== null && message.applicant.userId === scope.applicantUserId) {
    return true;
  }
  return scope.operatorEntered && message.channel === 'operator';
}
