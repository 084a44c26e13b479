import type { Directory, Principal, RoleGrant } from '@reshaem/core';
import { AuthenticationError } from './authentication-error.js';

/**
 * What to do with a signed-in person the directory does not know. `refuse` (the default):
 * 401. `applicant`: they act as an applicant only — citizens signing in through ЕСИА are
 * never listed in a portal's directory, and an applicant sees nothing but their own messages.
 */
export type UnknownUsers = 'refuse' | 'applicant';

/** Who the token says the caller is, before the directory has had its say. */
export interface ClaimedIdentity {
  id: string;
  name?: string | undefined;
  /** The grants the token claims; `undefined` when roles are taken from the directory. */
  grants?: RoleGrant[] | undefined;
}

const MAX_ID = 200;
const MAX_NAME = 300;

const refuse = (description: string) => new AuthenticationError('invalid_token', description);

const sameGrant = (a: RoleGrant, b: RoleGrant) => a.role === b.role && a.orgId === b.orgId;

/**
 * Checks a token's identity against the directory and returns the principal the app acts
 * for. The directory has the last word on officials: a role the token claims counts only
 * where the directory grants the same role in the same organisation, so a misconfigured
 * identity provider can narrow a user's roles but never widen them. `applicant` needs no
 * directory entry. A token that claims `system` is refused.
 */
export function principalOf(
  identity: ClaimedIdentity,
  directory: Directory,
  unknownUsers: UnknownUsers,
): Principal {
  if (identity.id.length > MAX_ID) throw refuse("The token's user id is too long");
  const name = identity.name?.slice(0, MAX_NAME);
  const user = directory.user(identity.id);
  const grants = identity.grants;
  if (grants?.some((grant) => grant.role === 'system')) {
    throw refuse('The token claims the system role');
  }
  if (user === undefined) {
    const officialClaimed = grants?.some((grant) => grant.role !== 'applicant') ?? false;
    if (unknownUsers === 'applicant' && !officialClaimed) {
      return withName({ id: identity.id, roles: [{ role: 'applicant' }] }, name);
    }
    throw refuse("The token's user is not known to this portal");
  }
  const roles =
    grants === undefined
      ? user.roles
      : grants.filter(
          (grant, at) =>
            grants.findIndex((other) => sameGrant(other, grant)) === at &&
            (grant.role === 'applicant' || user.roles.some((held) => sameGrant(held, grant))),
        );
  if (roles.length === 0) throw refuse('None of the roles in the token is held in the directory');
  return withName({ id: user.id, roles: roles.map((grant) => ({ ...grant })) }, user.name ?? name);
}

const withName = (principal: Principal, name: string | undefined): Principal =>
  name === undefined ? principal : { ...principal, name };
