import type { Directory, Principal } from '@reshaem/core';

/** The organisations a user administers, in directory order. */
export const adminOrgsOf = (user: Principal, directory: Directory): string[] =>
  directory.organisations
    .filter((o) => user.roles.some((r) => r.role === 'admin' && r.orgId === o.id))
    .map((o) => o.id);

/**
 * The API's own rule for the settings of an organisation, answered before a page is drawn:
 * 404 for an unknown organisation, 403 unless the user is its admin, else `null`.
 */
export function adminRefusal(
  user: Principal,
  orgId: string,
  directory: Directory,
): 403 | 404 | null {
  if (!directory.organisation(orgId)) return 404;
  return user.roles.some((r) => r.role === 'admin' && r.orgId === orgId) ? null : 403;
}
