import type { Directory } from '../kernel/notifications/directory.js';
import type { Organisation } from '../kernel/schemas/organisation.js';
import type { RoleGrant } from '../kernel/schemas/principal.js';

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
 * Does the organisation work ОНФ cards (a РИК ОНФ, the headquarters, a volunteers' НКО)
 * rather than ПОС messages? Its `workflow` says so when set; an organisation without one is
 * an ОНФ organisation unless it {@link receivesPosMessages}, so a directory of an ОНФ-only
 * deployment, which sets neither, keeps every organisation an ОНФ one. This is the one
 * definition the card permissions, field visibility, notices, list scope and indicators use.
 *
 * @example
 * isOnfOrganisation(directory.organisation('rik-41')); // true
 * isOnfOrganisation(directory.organisation('kam-gov')); // false: coordinates a region
 */
export function isOnfOrganisation(org: Organisation | undefined): boolean {
  if (org === undefined) return false;
  if (org.workflow !== undefined) return org.workflow === 'onf';
  return !receivesPosMessages(org);
}

/**
 * Does the grant count on ОНФ cards? One held platform-wide (no organisation: the ОНФ's
 * headquarters staff, the call centre) does; one held in an organisation does only in an
 * {@link isOnfOrganisation} — a role of the same name in a ПОС organisation (the curator of a
 * regional government) is a ПОС role and gives nothing on cards.
 *
 * @example
 * isOnfGrant({ role: 'curator', orgId: 'kam-gov' }, directory); // false
 * isOnfGrant({ role: 'curator', orgId: 'rik-41' }, directory); // true
 */
export function isOnfGrant(grant: RoleGrant, directory: Directory): boolean {
  return grant.orgId === undefined || isOnfOrganisation(directory.organisation(grant.orgId));
}
