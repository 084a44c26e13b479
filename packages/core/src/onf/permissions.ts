import type { Directory } from '../kernel/notifications/directory.js';
import { hasRole, type Principal, type Role } from '../kernel/schemas/principal.js';
import { isOnfGrant } from './onf-organisation.js';
import type { CaseRecord } from './schemas/case.js';
import type { CaseEventType } from './schemas/events.js';
import type { CaseStatus } from './schemas/parts.js';

/**
 * Who may send an event on a card, as data:
 * - `regional`: holds `role` platform-wide (no organisation) or in an ОНФ organisation of the
 *   card's region — ОНФ staff work by region («перечень обращений региона»); the same role in
 *   a ПОС organisation (a regional government's curator) gives nothing on cards;
 * - `assignee`: is the card's executor, an executor of the card's organisation;
 * - `lockHolder`: the assignee, holding the card's lock (the work buttons of the taken card);
 * - `system`: timers and integrations, never a person.
 *
 * `in` narrows a grant to some statuses.
 */
export type CaseGrant =
  | { scope: 'regional'; role: Role; in?: readonly CaseStatus[] }
  | { scope: 'assignee'; in?: readonly CaseStatus[] }
  | { scope: 'lockHolder'; in?: readonly CaseStatus[] }
  | { scope: 'system'; in?: readonly CaseStatus[] };

const regional = (role: Role): CaseGrant => ({ scope: 'regional', role });
const lockHolder: CaseGrant = { scope: 'lockHolder' };
const supervisor = regional('supervisor');
/** Everyone who works on a card writes in «Ход решения». */
const onTheCard: readonly CaseGrant[] = [
  { scope: 'assignee' },
  supervisor,
  regional('curator'),
  regional('moderator'),
  regional('support'),
];

/** The permission table of the ОНФ workflow: every event names who may send it. */
export const casePermissions: Readonly<
  Record<CaseEventType | 'case.create', readonly CaseGrant[]>
> = {
  /** Cards come from source systems (Ростелеком) or the call centre's operators. */
  'case.create': [{ scope: 'system' }, regional('operator')],
  'case.assign': [supervisor],
  'case.lock': [{ scope: 'assignee' }],
  /** The holder finishes work; a supervisor frees a lock its holder forgot. */
  'case.release': [lockHolder, supervisor],
  'case.comment': onTheCard,
  'case.contact_attempt': [lockHolder],
  'case.federal_level': [lockHolder],
  'case.resolve': [lockHolder],
  'case.postpone': [lockHolder],
  'case.close_request': [lockHolder],
  /** A supervisor may also send a new card with a wrong region or category. */
  'case.rereview_request': [lockHolder, { scope: 'regional', role: 'supervisor', in: ['new'] }],
  'case.rereview_fix': [regional('moderator')],
  'case.support_request': [lockHolder],
  'case.support_fix': [regional('support')],
  'case.accept': [regional('curator')],
  'case.return': [regional('curator')],
  'case.postponement_due': [{ scope: 'system' }],
};

/**
 * Does the principal hold `role` platform-wide or in an ОНФ organisation of `regionCode`
 * ({@link isOnfGrant})? A grant in a ПОС organisation of the region does not count.
 *
 * @example
 * holdsInRegion(curator, 'curator', '75', directory); // true for a curator of РИК 75
 * holdsInRegion(posCurator, 'curator', '41', directory); // false for the curator of kam-gov
 */
export function holdsInRegion(
  principal: Principal,
  role: Role,
  regionCode: string,
  directory: Directory,
): boolean {
  for (const g of principal.roles) {
    if (g.role !== role) continue;
    if (!isOnfGrant(g, directory)) continue;
    if (g.orgId === undefined) return true;
    if (directory.organisation(g.orgId)?.regionCode === regionCode) return true;
  }
  return false;
}

const isAssignee = (principal: Principal, card: CaseRecord) =>
  card.executorId === principal.id &&
  card.orgId !== null &&
  hasRole(principal, 'executor', card.orgId);

function grantAllows(
  grant: CaseGrant,
  principal: Principal,
  card: CaseRecord,
  status: CaseStatus | null,
  directory: Directory,
): boolean {
  if (grant.in && (status === null || !grant.in.includes(status))) return false;
  switch (grant.scope) {
    case 'regional':
      return holdsInRegion(principal, grant.role, card.regionCode, directory);
    case 'assignee':
      return isAssignee(principal, card);
    case 'lockHolder':
      return card.lock?.holderId === principal.id && isAssignee(principal, card);
    case 'system':
      return hasRole(principal, 'system');
    default: {
      const unreachable: never = grant;
      return unreachable;
    }
  }
}

/**
 * May `principal` send `eventType` on this card in this status (`null` for `case.create`,
 * checked against the card it would create)? Payload-independent.
 *
 * @example
 * isCasePermitted('case.assign', supervisor, card, 'new', directory); // true
 */
export function isCasePermitted(
  eventType: CaseEventType | 'case.create',
  principal: Principal,
  card: CaseRecord,
  status: CaseStatus | null,
  directory: Directory,
): boolean {
  return casePermissions[eventType].some((grant) =>
    grantAllows(grant, principal, card, status, directory),
  );
}
