import { caseTimeZone, type Directory, type Principal } from '@reshaem/core';

/** The zone a user's dates are read in: their first organisation's region's, else Moscow. */
export function userZone(directory: Directory, user: Principal): string {
  for (const grant of user.roles) {
    const region = grant.orgId ? directory.organisation(grant.orgId)?.regionCode : undefined;
    if (region) return caseTimeZone({ regionCode: region });
  }
  return 'Europe/Moscow';
}
