import type { Directory } from '../../kernel/notifications/directory.js';
import type { Organisation } from '../../kernel/schemas/organisation.js';
import type { Principal, Role } from '../../kernel/schemas/principal.js';
import type { CaseViewScope } from '../visibility.js';

/**
 * The roles that see the ОНФ card indicators (SPEC §9): those who oversee the cards' work —
 * the supervisor, who assigns the region's executors, and the curator, who checks their
 * results. Executors, moderators, support and operators work single cards and see none.
 */
export const caseIndicatorRoles: readonly Role[] = ['supervisor', 'curator'];

/**
 * Does the organisation receive ПОС messages? It coordinates a region, enters messages as an
 * operator centre, or is competent for some subcategory. A directory that holds both
 * workflows gives its ОНФ organisations (РИК ОНФ, НКО) none of these; one that does not model
 * competence (no list) leaves the question to the other two.
 *
 * @example
 * receivesPosMessages(directory.organisation('kam-gov')!); // true: coordinates Камчатский край
 */
export function receivesPosMessages(org: Organisation): boolean {
  return (
    org.coordinatesRegion ||
    org.operatorMarker !== undefined ||
    (org.subcategoryIds?.length ?? 0) > 0
  );
}

/**
 * Who sees the ОНФ card indicators, and whose cards they count: a supervisor, in the region of
 * the organisation they hold the role in; a curator likewise, but only in an organisation
 * that receives no ПОС messages (curator is a role of both workflows: the curator of a
 * regional government oversees its messages, not the ОНФ's cards); either role held
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
    if (org === undefined) continue;
    if (grant.role === 'curator' && receivesPosMessages(org)) continue;
    regions.add(org.regionCode);
  }
  if (!all && regions.size === 0) return null;
  return { all, regionCodes: [...regions].sort(), executorId: null };
}
