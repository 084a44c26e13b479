import { type Directory, isOnfOrganisation, type Principal } from '@reshaem/core';

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
