import type { Directory } from '../../kernel/notifications/directory.js';
import type { Principal, Role } from '../../kernel/schemas/principal.js';
import { isOnfGrant, isOnfOrganisation } from '../onf-organisation.js';
import type { CaseViewScope } from '../visibility.js';

/**
 * The roles that see the ОНФ card indicators (SPEC §9): those who oversee the cards' work —
 * the supervisor, who assigns the region's executors, and the curator, who checks their
 * results. Executors, moderators, support and operators work single cards and see none.
 */
export const caseIndicatorRoles: readonly Role[] = ['supervisor', 'curator'];

/**
 * Who sees the ОНФ card indicators, and whose cards they count: a supervisor, in the region of
 * the ОНФ organisation they hold the role in; a curator likewise ({@link isOnfGrant}: curator
 * is a role of both workflows, and the curator of a regional government oversees its
 * messages, not the ОНФ's cards); either role held
 * platform-wide (the ОНФ's headquarters), every region; the system, everything. The scope
 * never includes an executor's own cards: figures are for oversight, not for one's own work.
 * `null` for anyone else, whom the stores refuse with `forbidden`.
 *
 * @example
 * caseIndicatorScopeOf(curator75, directory); // { all: false, regionCodes: ['75'], executorId: null }
 * caseIndicatorScopeOf(posCuratorOfKamGov, directory); // null
 */
export function caseIndicatorScopeOf(
  viewer: Principal,
  directory: Directory,
): CaseViewScope | null {
  const regions = new Set<string>();
  let all = false;
  for (const grant of viewer.roles) {
    if (grant.role === 'system') all = true;
    if (!caseIndicatorRoles.includes(grant.role)) continue;
    if (grant.orgId === undefined) {
      all = true;
      continue;
    }
    const org = directory.organisation(grant.orgId);
    if (org === undefined || !isOnfOrganisation(org)) continue;
    regions.add(org.regionCode);
  }
  if (!all && regions.size === 0) return null;
  return { all, regionCodes: [...regions].sort(), executorId: null };
}
