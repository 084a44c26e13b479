import type { Authenticate } from '@reshaem/adapters-http';
import {
  type ClaimsMapping,
  createOidcAuthenticate,
  keycloakRoles,
  type RolesFromClaims,
  rolesFromClaim,
  type UnknownUsers,
} from '@reshaem/adapters-http/oidc';
import type { Directory } from '@reshaem/core';

/** Where the API's bearer tokens come from when the portal trusts an OpenID provider. */
export interface OidcSettings {
  issuer: string;
  audience: string[];
  /** The claim holding the directory's user id. */
  userClaim: string;
  /** Where roles come from: the directory, a reshaem_roles-style claim, or Keycloak's. */
  roles:
    | { from: 'directory' }
    | { from: 'claim'; claim: string }
    | { from: 'keycloak'; clientId?: string; orgClaim: string };
  unknownUsers: UnknownUsers;
  clockToleranceSeconds: number;
  /** The pages' sign-in through the provider (`RESHAEM_OIDC_CLIENT_ID`); absent: API only. */
  browser?: OidcBrowserSettings;
}

/** The portal as a client of the provider: the authorization code flow of its pages. */
export interface OidcBrowserSettings {
  clientId: string;
  /** Sent with HTTP Basic to the token endpoint; absent: a public client (PKCE only). */
  clientSecret?: string;
  /** `<public URL>/sign-in/callback`, registered at the provider as a redirect URI. */
  redirectUri: string;
  /** Scopes asked for; `openid` always. */
  scope: string;
  /** How the sign-in page names the provider: «Войти через …». */
  providerName: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

function rolesSetting(env: Env): OidcSettings['roles'] {
  const source = env.RESHAEM_OIDC_ROLES ?? 'directory';
  if (source === 'directory') return { from: 'directory' };
  if (source === 'claim')
    return { from: 'claim', claim: env.RESHAEM_OIDC_ROLES_CLAIM || 'reshaem_roles' };
  if (source === 'keycloak') {
    const orgClaim = env.RESHAEM_OIDC_ORG_CLAIM || 'org_id';
    const clientId = env.RESHAEM_OIDC_KEYCLOAK_CLIENT;
    return clientId ? { from: 'keycloak', clientId, orgClaim } : { from: 'keycloak', orgClaim };
  }
  throw new Error(`RESHAEM_OIDC_ROLES is directory, claim or keycloak, got «${source}»`);
}

/** The portal's address as browsers reach it, without a trailing slash. */
function publicUrl(env: Env, port: number): string {
  const text = env.RESHAEM_PUBLIC_URL?.trim() || `http://127.0.0.1:${port}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`RESHAEM_PUBLIC_URL is not a URL: «${text}»`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`RESHAEM_PUBLIC_URL is an http(s) URL, got «${text}»`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new Error(`RESHAEM_PUBLIC_URL has no query or fragment, got «${text}»`);
  }
  return url.href.replace(/\/+$/, '');
}

function browserSettings(env: Env, port: number): { browser?: OidcBrowserSettings } {
  const clientId = env.RESHAEM_OIDC_CLIENT_ID?.trim();
  if (!clientId) return {};
  const secret = env.RESHAEM_OIDC_CLIENT_SECRET;
  const scopes = new Set(['openid', ...(env.RESHAEM_OIDC_SCOPE ?? 'profile').split(/\s+/)]);
  scopes.delete('');
  return {
    browser: {
      clientId,
      ...(secret ? { clientSecret: secret } : {}),
      redirectUri: `${publicUrl(env, port)}/sign-in/callback`,
      scope: [...scopes].join(' '),
      providerName: env.RESHAEM_OIDC_PROVIDER_NAME?.trim() || 'единый вход',
    },
  };
}

/**
 * The OIDC settings from the environment, or `{}` when `RESHAEM_OIDC_ISSUER` is unset (the
 * API then takes the demo accounts' tokens). See docs/security.md § Authentication.
 *
 * | environment | meaning | default |
 * |---|---|---|
 * | `RESHAEM_OIDC_ISSUER` | the issuer URL; turns OIDC on | off |
 * | `RESHAEM_OIDC_AUDIENCE` | the API's audience(s), comma-separated | required |
 * | `RESHAEM_OIDC_USER_CLAIM` | the claim with the directory user id | `sub` |
 * | `RESHAEM_OIDC_ROLES` | `directory`, `claim` or `keycloak` | `directory` |
 * | `RESHAEM_OIDC_ROLES_CLAIM` | the claim `claim` reads | `reshaem_roles` |
 * | `RESHAEM_OIDC_KEYCLOAK_CLIENT` | read that client's roles, not the realm's | realm roles |
 * | `RESHAEM_OIDC_ORG_CLAIM` | the organisation claim for `keycloak` | `org_id` |
 * | `RESHAEM_OIDC_UNKNOWN_USERS` | `refuse` or `applicant` | `refuse` |
 * | `RESHAEM_OIDC_CLOCK_TOLERANCE` | seconds of leeway on `exp`/`nbf` | 30 |
 * | `RESHAEM_OIDC_CLIENT_ID` | the pages' client id; turns on «Войти через …» | off |
 * | `RESHAEM_OIDC_CLIENT_SECRET` | its secret (HTTP Basic at the token endpoint) | none: PKCE only |
 * | `RESHAEM_PUBLIC_URL` | the portal's address; the redirect URI is `<it>/sign-in/callback` | `http://127.0.0.1:<port>` |
 * | `RESHAEM_OIDC_SCOPE` | scopes besides `openid` | `profile` |
 * | `RESHAEM_OIDC_PROVIDER_NAME` | the button's «Войти через …» | `единый вход` |
 *
 * @example
 * readOidcSettings({ RESHAEM_OIDC_ISSUER: 'https://sso.example.ru/realms/pos', RESHAEM_OIDC_AUDIENCE: 'reshaem-api' });
 */
export function readOidcSettings(env: Env, port = 3000): { oidc?: OidcSettings } {
  const issuer = env.RESHAEM_OIDC_ISSUER?.trim();
  if (!issuer) return {};
  const audience = list(env.RESHAEM_OIDC_AUDIENCE);
  if (audience.length === 0) {
    throw new Error(
      'RESHAEM_OIDC_AUDIENCE is required with RESHAEM_OIDC_ISSUER: the identifier of this API in the provider',
    );
  }
  const unknownUsers = env.RESHAEM_OIDC_UNKNOWN_USERS ?? 'refuse';
  if (unknownUsers !== 'refuse' && unknownUsers !== 'applicant') {
    throw new Error(`RESHAEM_OIDC_UNKNOWN_USERS is refuse or applicant, got «${unknownUsers}»`);
  }
  const tolerance = Number(env.RESHAEM_OIDC_CLOCK_TOLERANCE ?? 30);
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > 600) {
    throw new Error('RESHAEM_OIDC_CLOCK_TOLERANCE is a number of seconds from 0 to 600');
  }
  return {
    oidc: {
      issuer,
      audience,
      userClaim: env.RESHAEM_OIDC_USER_CLAIM || 'sub',
      roles: rolesSetting(env),
      unknownUsers,
      clockToleranceSeconds: tolerance,
      ...browserSettings(env, port),
    },
  };
}

function rolesMapping(roles: OidcSettings['roles']): RolesFromClaims | undefined {
  switch (roles.from) {
    case 'directory':
      return undefined;
    case 'claim':
      return rolesFromClaim(roles.claim);
    case 'keycloak':
      return keycloakRoles(
        roles.clientId === undefined
          ? { orgClaim: roles.orgClaim }
          : { clientId: roles.clientId, orgClaim: roles.orgClaim },
      );
  }
}

/**
 * The API's `authenticate` for an OpenID provider: access tokens verified against its keys
 * (on the system clock, whatever clock stamps events) and mapped to the directory's users.
 *
 * @example
 * const authenticate = oidcAuthenticate(settings, () => store.directory);
 */
export function oidcAuthenticate(settings: OidcSettings, directory: () => Directory): Authenticate {
  return createOidcAuthenticate({
    issuer: settings.issuer,
    audience: settings.audience,
    directory,
    claims: claimsMapping(settings),
    unknownUsers: settings.unknownUsers,
    clockToleranceSeconds: settings.clockToleranceSeconds,
  });
}

/** How claims become a principal, for the API's tokens and the pages' ID tokens alike. */
export function claimsMapping(settings: OidcSettings): ClaimsMapping {
  const roles = rolesMapping(settings.roles);
  return roles === undefined
    ? { userId: settings.userClaim }
    : { userId: settings.userClaim, roles };
}
