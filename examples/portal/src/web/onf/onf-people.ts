import type { Directory, Organisation, Principal } from '@reshaem/core';

/**
 * Does this organisation work ОНФ cards only? The portal's directory holds both
 * workflows' organisations; one that receives ПОС messages is competent for some
 * subcategory (or, with no list, for every one), coordinates a region or is an operator
 * centre. The rest (РИК ОНФ, НКО)
 * work cards.
 */
export const isOnfOrganisation = (org: Organisation | undefined): boolean =>
  org !== undefined &&
  org.subcategoryIds !== undefined &&
  org.subcategoryIds.length === 0 &&
  !org.coordinatesRegion &&
  org.operatorMarker === undefined;

const onfGrants = (user: Principal, directory: Directory) =>
  user.roles.filter(
    (g) => g.orgId !== undefined && isOnfOrganisation(directory.organisation(g.orgId)),
  );

/** Does the user work in an ОНФ organisation? Then the navigation shows «ОНФ. Помощь». */
export const worksOnf = (user: Principal, directory: Directory): boolean =>
  onfGrants(user, directory).length > 0;

/** Does the user work only in ОНФ organisations? Then the ОНФ list is their home page. */
export const worksOnlyOnf = (user: Principal, directory: Directory): boolean =>
  user.roles.length > 0 && onfGrants(user, directory).length === user.roles.length;
