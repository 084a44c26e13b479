import type { Directory } from '../kernel/notifications/directory.js';
import type { Principal, Role } from '../kernel/schemas/principal.js';
import { isOnfGrant } from './onf-organisation.js';
import type { CaseRecord } from './schemas/case.js';

/**
 * Which cards a principal may see, as data both an in-memory filter and a SQL `WHERE` can
 * use: ОНФ staff see their region's cards («перечень обращений региона»; roles held in a ПОС
 * organisation give none, see {@link isOnfGrant}), platform-wide
 * staff and the system see all, an executor also sees every card assigned to them.
 */
export interface CaseViewScope {
  all: boolean;
  regionCodes: string[];
  executorId: string | null;
}

const caseRoles: ReadonlySet<Role> = new Set([
  'executor',
  'supervisor',
  'curator',
  'moderator',
  'support',
  'operator',
]);

/**
 * The {@link CaseViewScope} of a principal, from their roles.
 *
 * @example
 * caseViewScopeOf(curator, directory); // { all: false, regionCodes: ['75'], executorId: null }
 */
export function caseViewScopeOf(principal: Principal, directory: Directory): CaseViewScope {
  const scope: CaseViewScope = { all: false, regionCodes: [], executorId: null };
  const regions = new Set<string>();
  for (const grant of principal.roles) {
    if (grant.role === 'system') scope.all = true;
    if (!caseRoles.has(grant.role) || !isOnfGrant(grant, directory)) continue;
    if (grant.role === 'executor') scope.executorId = principal.id;
    if (grant.orgId === undefined) scope.all = true;
    else {
      const region = directory.organisation(grant.orgId)?.regionCode;
      if (region !== undefined) regions.add(region);
    }
  }
  scope.regionCodes = [...regions].sort();
  return scope;
}

/**
 * Is the card inside the scope? The in-memory counterpart of a store's SQL filter.
 *
 * @example
 * isCaseVisible(caseViewScopeOf(curator, directory), card.context);
 */
export function isCaseVisible(
  scope: CaseViewScope,
  card: Pick<CaseRecord, 'regionCode' | 'executorId'>,
): boolean {
  return (
    scope.all ||
    scope.regionCodes.includes(card.regionCode) ||
    (scope.executorId !== null && card.executorId === scope.executorId)
  );
}
