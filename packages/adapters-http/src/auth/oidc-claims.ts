import { type RoleGrant, roleGrantSchema, roleSchema } from '@reshaem/core';
import { z } from 'zod';
import { AuthenticationError } from './authentication-error.js';

/** The verified payload of an access token. */
export type Claims = Readonly<Record<string, unknown>>;

/**
 * Reads the role grants a token claims. Return `[]` when it claims none; throw an
 * `AuthenticationError` when the claim is there but malformed.
 */
export type RolesFromClaims = (claims: Claims) => RoleGrant[];

const grantsSchema = z.array(roleGrantSchema).max(100);

/**
 * Grants listed in one claim as reshaem writes them:
 * `"reshaem_roles": [{ "role": "coordinator", "orgId": "kam-roads" }, { "role": "executor",
 * "orgId": "kam-roads" }]`. A JSON string holding that array is read too (some identity
 * providers can only emit strings). A missing claim is no grants; a malformed one refuses
 * the token.
 *
 * @example
 * createOidcAuthenticate({ issuer, audience, directory, claims: { roles: rolesFromClaim() } });
 */
export function rolesFromClaim(name = 'reshaem_roles'): RolesFromClaims {
  return (claims) => {
    let value = claims[name];
    if (value === undefined) return [];
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        value = undefined;
      }
    }
    const parsed = grantsSchema.safeParse(value);
    if (!parsed.success) {
      throw new AuthenticationError('invalid_token', `The token's ${name} claim is malformed`);
    }
    return parsed.data.map(({ role, orgId }) => (orgId === undefined ? { role } : { role, orgId }));
  };
}

export interface KeycloakRolesOptions {
  /**
   * Read the client roles `resource_access.<clientId>.roles`; without it, the realm roles
   * `realm_access.roles`.
   */
  clientId?: string;
  /**
   * The claim holding the user's organisation id (a Keycloak user-attribute mapper),
   * given to every role that names none. Default `org_id`.
   */
  orgClaim?: string;
}

const roleNames = new Set<string>(roleSchema.options.filter((role) => role !== 'system'));

/**
 * Grants from Keycloak's role claims. A role named like a reshaem role (`coordinator`) is
 * held in the organisation of the `orgClaim`; one named `role@orgId`
 * (`executor@kam-roads`) in that organisation, for users in several. `applicant` never has
 * an organisation. Keycloak's own roles (`offline_access`, `default-roles-…`) are ignored.
 *
 * @example
 * claims: { roles: keycloakRoles({ clientId: 'reshaem-api', orgClaim: 'org_id' }) }
 */
export function keycloakRoles(options: KeycloakRolesOptions = {}): RolesFromClaims {
  const orgClaim = options.orgClaim ?? 'org_id';
  return (claims) => {
    const holder =
      options.clientId === undefined
        ? claims.realm_access
        : recordAt(claims.resource_access, options.clientId);
    const names = recordAt(holder, 'roles');
    if (!Array.isArray(names)) return [];
    const org = claims[orgClaim];
    const defaultOrg = typeof org === 'string' && org !== '' ? org : undefined;
    const grants: RoleGrant[] = [];
    for (const name of names) {
      if (typeof name !== 'string') continue;
      const at = name.indexOf('@');
      const role = at < 0 ? name : name.slice(0, at);
      if (!roleNames.has(role)) continue;
      const orgId = role === 'applicant' ? undefined : at < 0 ? defaultOrg : name.slice(at + 1);
      grants.push(
        orgId === undefined || orgId === ''
          ? { role: role as RoleGrant['role'] }
          : { role: role as RoleGrant['role'], orgId },
      );
    }
    return grants;
  };
}

const recordAt = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;

/** A claim's name, or a function of the claims: how to read one value of the principal. */
export type ClaimReader = string | ((claims: Claims) => string | undefined);

/**
 * The value a reader finds: a non-blank string as it is (ids are never trimmed, so two
 * subjects cannot collapse into one), or an integer claim as its decimal text (numeric
 * ids such as an ЕСИА `oid`).
 */
export function readClaim(claims: Claims, reader: ClaimReader): string | undefined {
  const value = typeof reader === 'string' ? recordAt(claims, reader) : reader(claims);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The person's name: the `name` claim, else `family_name given_name middle_name` (the
 * order of Russian documents, and what ЕСИА-backed providers send).
 */
export const defaultName = (claims: Claims): string | undefined => {
  const full = readClaim(claims, 'name')?.trim();
  if (full !== undefined) return full;
  const parts = ['family_name', 'given_name', 'middle_name']
    .map((claim) => readClaim(claims, claim)?.trim())
    .filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
};
