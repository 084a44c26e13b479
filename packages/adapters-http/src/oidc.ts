/**
 * `@reshaem/adapters-http/oidc`: bearer-token authentication against an OpenID Connect
 * provider. A subpath of its own so that only portals that use it need `jose`.
 */
export {
  AuthenticationError,
  type BearerErrorCode,
  isAuthenticationError,
} from './auth/authentication-error.js';
export {
  type ClaimsMapping,
  createOidcAuthenticate,
  DEFAULT_ALGORITHMS,
  type OidcAuthenticateOptions,
  type PrincipalMapping,
  principalFromClaims,
} from './auth/oidc.js';
export {
  type ClaimReader,
  type Claims,
  defaultName,
  type KeycloakRolesOptions,
  keycloakRoles,
  type RolesFromClaims,
  rolesFromClaim,
} from './auth/oidc-claims.js';
export {
  createIdTokenVerifier,
  type IdTokenVerifier,
  type IdTokenVerifierOptions,
} from './auth/oidc-id-token.js';
export type { ProviderMetadata } from './auth/oidc-keys.js';
export type { UnknownUsers } from './auth/oidc-principal.js';
