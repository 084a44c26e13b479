import type { Directory, Principal } from '@reshaem/core';
import { errors, jwtVerify } from 'jose';
import type { Authenticate } from '../options.js';
import { AuthenticationError } from './authentication-error.js';
import { bearerTokenOf } from './bearer-token.js';
import {
  type ClaimReader,
  type Claims,
  defaultName,
  type RolesFromClaims,
  readClaim,
} from './oidc-claims.js';
import { createKeySource, secureUrl } from './oidc-keys.js';
import { principalOf, type UnknownUsers } from './oidc-principal.js';
import { verifiedTokens } from './verified-tokens.js';

/** How a token's claims become reshaem's principal. */
export interface ClaimsMapping {
  /** The user id, matched against the directory's users. Default the `sub` claim. */
  userId?: ClaimReader;
  /** The display name. Default `name`, else `family_name given_name middle_name`. */
  name?: ClaimReader;
  /**
   * The role grants the token claims, e.g. `rolesFromClaim('reshaem_roles')` or
   * `keycloakRoles({ clientId })`. Leave it out to take the roles from the directory.
   */
  roles?: RolesFromClaims;
}

export interface OidcAuthenticateOptions {
  /** The issuer exactly as its tokens' `iss` and its discovery document name it. */
  issuer: string;
  /** The API's identifier(s); a token's `aud` must contain one of them. */
  audience: string | readonly string[];
  /** The users and their roles; a function when the portal can change it while running. */
  directory: Directory | (() => Directory);
  claims?: ClaimsMapping;
  /** Users the directory does not know: refused (default) or applicants only. */
  unknownUsers?: UnknownUsers;
  /**
   * Accepted signature algorithms. Default `RS256`, `PS256`, `ES256`, `EdDSA`. `none` and
   * the HMAC ones (`HS*`) are refused here: an HMAC key would be the issuer's public key,
   * which anyone can read.
   */
  algorithms?: readonly string[];
  /** Leeway for `exp` and `nbf` against clock skew, in seconds. Default 30. */
  clockToleranceSeconds?: number;
  /** Refuse tokens issued (`iat`) longer ago than this, in seconds. Default: no limit. */
  maxTokenAgeSeconds?: number;
  /** Require this JWT `typ` header, e.g. `at+jwt` (RFC 9068). Default: any. */
  typ?: string;
  /** Where the keys are, skipping discovery. Default the discovery document's `jwks_uri`. */
  jwksUri?: string;
  /** Timeout of one discovery or key request. Default 5000 ms. */
  fetchTimeoutMs?: number;
  /** How long fetched keys are kept before they are fetched again. Default 10 minutes. */
  keyCacheMaxAgeMs?: number;
  /**
   * The least time between two key fetches that tokens with an unknown `kid` prompt, so
   * forged tokens cannot make the API hammer the issuer. Default 30 000 ms.
   */
  keyRefetchCooldownMs?: number;
  /** The clock tokens are checked against. Default the system clock. */
  now?: () => Date;
  /**
   * How many verified tokens are remembered, by their exact text, so that a token sent again
   * skips the signature check (the costliest part of a request's authentication) until it
   * expires, outgrows `maxTokenAgeSeconds`, or was verified longer ago than
   * `keyCacheMaxAgeMs` (the same window in which a withdrawn key is still trusted). The
   * claims are mapped to a principal again on every request, so directory changes count at
   * once. Default 10 000; `0` verifies every request.
   */
  verifiedTokenCacheSize?: number;
}

/** The signature algorithms accepted unless `algorithms` says otherwise: asymmetric only. */
export const DEFAULT_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

/** Codes of jose errors that are the token's fault; any other error is the server's (500). */
const refusals: Record<string, (error: errors.JOSEError) => string> = {
  ERR_JWT_EXPIRED: () => 'The token has expired',
  ERR_JWT_CLAIM_VALIDATION_FAILED: (error) =>
    `The token's ${(error as errors.JWTClaimValidationFailed).claim} claim is not accepted`,
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: () => "The token's signature does not verify",
  ERR_JOSE_ALG_NOT_ALLOWED: () => "The token's signing algorithm is not accepted",
  ERR_JOSE_NOT_SUPPORTED: () => "The token's signing algorithm is not accepted",
  ERR_JWKS_NO_MATCHING_KEY: () => "No key of the issuer matches the token's key id",
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: () => 'The token names no key id and the issuer has several',
  ERR_JWS_INVALID: () => 'The token is not a signed JWT',
  ERR_JWT_INVALID: () => 'The token is not a valid JWT',
};

export function checkedAlgorithms(algorithms: readonly string[]): string[] {
  if (algorithms.length === 0) throw new RangeError('algorithms must name at least one');
  for (const alg of algorithms) {
    if (alg === 'none' || /^HS/i.test(alg)) {
      throw new RangeError(`algorithm ${alg} cannot verify tokens of a public issuer`);
    }
  }
  return [...algorithms];
}

/**
 * An `authenticate` for OpenID Connect / OAuth 2 access tokens in JWT form (Keycloak, an
 * ЕСИА-backed SSO, any provider that signs access tokens and publishes a JWKS). Each
 * request's `Authorization: Bearer` token is verified with jose — signature by the
 * issuer's keys (discovered from `/.well-known/openid-configuration`, cached, re-fetched
 * on an unknown `kid`), `iss`, `aud`, `exp` (required) and `nbf` with `clockTolerance`,
 * the algorithm against an allow-list — and its claims are mapped to a principal that the
 * directory confirms. No header: `null` (bare 401 challenge). A refused token: an
 * `AuthenticationError`, which the app answers with 401 and
 * `WWW-Authenticate: Bearer error="invalid_token", error_description="…"`.
 *
 * @example
 * import { createOidcAuthenticate, keycloakRoles } from '@reshaem/adapters-http/oidc';
 *
 * const authenticate = createOidcAuthenticate({
 *   issuer: 'https://sso.example.ru/realms/reshaem',
 *   audience: 'reshaem-api',
 *   directory: store.directory,
 *   claims: { userId: 'preferred_username', roles: keycloakRoles({ clientId: 'reshaem-api' }) },
 * });
 * const app = createHttpApp({ store, authenticate });
 */
export function createOidcAuthenticate(options: OidcAuthenticateOptions): Authenticate {
  secureUrl(options.issuer, 'issuer');
  const algorithms = checkedAlgorithms(options.algorithms ?? DEFAULT_ALGORITHMS);
  const audience = typeof options.audience === 'string' ? options.audience : [...options.audience];
  if (audience.length === 0) throw new RangeError('audience must name at least one');
  const clockTolerance = options.clockToleranceSeconds ?? 30;
  if (!Number.isFinite(clockTolerance) || clockTolerance < 0) {
    throw new RangeError('clockToleranceSeconds must be zero or more');
  }
  const keyCacheMaxAgeMs = options.keyCacheMaxAgeMs ?? 10 * 60_000;
  const keys = createKeySource({
    issuer: options.issuer,
    jwksUri: options.jwksUri,
    timeoutMs: options.fetchTimeoutMs ?? 5000,
    cacheMaxAgeMs: keyCacheMaxAgeMs,
    cooldownMs: options.keyRefetchCooldownMs ?? 30_000,
  });
  const cacheSize = options.verifiedTokenCacheSize ?? 10_000;
  if (!Number.isInteger(cacheSize) || cacheSize < 0) {
    throw new RangeError('verifiedTokenCacheSize must be a whole number, 0 or more');
  }
  const remembered = verifiedTokens(cacheSize);
  const nowMs = () => (options.now === undefined ? Date.now() : options.now().getTime());
  /** Until when a token verified at `at` may be taken on trust (jose's own checks, in ms). */
  const goodUntil = (claims: Claims, at: number) => {
    const tolerance = clockTolerance * 1000;
    let until = Math.min(at + keyCacheMaxAgeMs, (claims.exp as number) * 1000 + tolerance);
    if (options.maxTokenAgeSeconds !== undefined && typeof claims.iat === 'number') {
      until = Math.min(until, (claims.iat + options.maxTokenAgeSeconds) * 1000 + tolerance);
    }
    return until;
  };
  const goodFrom = (claims: Claims) =>
    typeof claims.nbf === 'number' ? claims.nbf * 1000 - clockTolerance * 1000 : -Infinity;
  const directoryOf =
    typeof options.directory === 'function'
      ? options.directory
      : () => options.directory as Directory;
  const mapping = options.claims ?? {};
  const unknownUsers = options.unknownUsers ?? 'refuse';

  return async (request) => {
    const token = bearerTokenOf(request);
    if (token === null) return null;
    const at = nowMs();
    let claims = remembered.get(token, at);
    if (claims === undefined) {
      claims = await verify(token);
      remembered.set(token, claims, goodFrom(claims), goodUntil(claims, at));
    }
    return principalFromClaims(claims, {
      directory: directoryOf(),
      claims: mapping,
      unknownUsers,
    });
  };

  async function verify(token: string): Promise<Claims> {
    try {
      const verified = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience,
        algorithms,
        clockTolerance,
        requiredClaims: ['exp'],
        ...(options.maxTokenAgeSeconds === undefined
          ? {}
          : { maxTokenAge: options.maxTokenAgeSeconds }),
        ...(options.typ === undefined ? {} : { typ: options.typ }),
        ...(options.now === undefined ? {} : { currentDate: options.now() }),
      });
      return verified.payload;
    } catch (error) {
      throw refusalOf(error);
    }
  }
}

/**
 * A jose error that is the token's fault as an `AuthenticationError` (`invalid_token`);
 * any other error (the issuer unreachable, a bug) as it is, for a 500.
 */
export function refusalOf(error: unknown): unknown {
  const describe = error instanceof errors.JOSEError ? refusals[error.code] : undefined;
  if (describe === undefined) return error;
  return new AuthenticationError('invalid_token', describe(error as errors.JOSEError), {
    cause: error,
  });
}

/** What `principalFromClaims` maps with: the same settings as `createOidcAuthenticate`'s. */
export interface PrincipalMapping {
  directory: Directory;
  claims?: ClaimsMapping | undefined;
  unknownUsers?: UnknownUsers | undefined;
}

/**
 * The principal verified claims stand for, by the mapping `createOidcAuthenticate` uses
 * (user id, name and roles read from the claims, the directory having the last word).
 * Throws an `AuthenticationError` when the claims name no user, or one the directory refuses.
 * Portals use it to sign a browser in with an ID token (`createIdTokenVerifier`).
 *
 * @example
 * const principal = principalFromClaims(claims, { directory, claims: { userId: 'preferred_username' } });
 */
export function principalFromClaims(claims: Claims, mapping: PrincipalMapping): Principal {
  const read = mapping.claims ?? {};
  const id = readClaim(claims, read.userId ?? 'sub');
  if (id === undefined) throw new AuthenticationError('invalid_token', 'The token names no user');
  return principalOf(
    { id, name: readClaim(claims, read.name ?? defaultName), grants: read.roles?.(claims) },
    mapping.directory,
    mapping.unknownUsers ?? 'refuse',
  );
}
