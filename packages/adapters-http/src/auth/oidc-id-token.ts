import { jwtVerify } from 'jose';
import { AuthenticationError } from './authentication-error.js';
import { checkedAlgorithms, DEFAULT_ALGORITHMS, refusalOf } from './oidc.js';
import type { Claims } from './oidc-claims.js';
import {
  createKeySource,
  discoverProvider,
  type ProviderMetadata,
  secureUrl,
} from './oidc-keys.js';

export interface IdTokenVerifierOptions {
  /** The issuer exactly as its ID tokens' `iss` and its discovery document name it. */
  issuer: string;
  /** The portal's client id at the provider: the ID token's `aud` must contain it. */
  clientId: string;
  /** Accepted signature algorithms. Default `DEFAULT_ALGORITHMS`; `none` and `HS*` refused. */
  algorithms?: readonly string[];
  /** Leeway for `exp`, `nbf` and `iat` against clock skew, in seconds. Default 30. */
  clockToleranceSeconds?: number;
  /** Refuse ID tokens issued (`iat`) longer ago than this, in seconds. Default 600. */
  maxTokenAgeSeconds?: number;
  /** Timeout of one discovery or key request. Default 5000 ms. */
  fetchTimeoutMs?: number;
  /** The clock tokens are checked against. Default the system clock. */
  now?: () => Date;
}

/** Checks the ID tokens a provider hands a portal at the end of a browser sign-in. */
export interface IdTokenVerifier {
  /** The provider's discovery document (endpoints checked to be HTTPS), fetched once. */
  provider(): Promise<ProviderMetadata>;
  /**
   * The claims of an ID token issued by the provider to this client for this sign-in.
   * Throws an `AuthenticationError` for a token that is not (signature, `iss`, `aud`,
   * `azp`, `exp`, `iat`, `nonce`); any other error means the provider could not be asked.
   */
  verify(idToken: string, nonce: string): Promise<Claims>;
}

const refuse = (description: string) => new AuthenticationError('invalid_token', description);

/**
 * An ID token verifier for the authorization code flow (OpenID Connect Core §3.1.3.7):
 * the signature by the issuer's keys (discovery and JWKS cached as for
 * `createOidcAuthenticate`), `iss` exactly the issuer, `aud` containing the client id
 * (and `azp` the client id when it is there or the token has several audiences), `exp`
 * and `iat` required, and `nonce` equal to the one this sign-in sent, so a token obtained
 * for another client or another sign-in is refused.
 *
 * @example
 * import { createIdTokenVerifier, principalFromClaims } from '@reshaem/adapters-http/oidc';
 *
 * const idTokens = createIdTokenVerifier({ issuer: 'https://sso.example.ru/realms/pos', clientId: 'reshaem-portal' });
 * const claims = await idTokens.verify(tokens.id_token, flow.nonce);
 * const principal = principalFromClaims(claims, { directory: store.directory });
 */
export function createIdTokenVerifier(options: IdTokenVerifierOptions): IdTokenVerifier {
  secureUrl(options.issuer, 'issuer');
  if (options.clientId === '') throw new RangeError('clientId must not be empty');
  const algorithms = checkedAlgorithms(options.algorithms ?? DEFAULT_ALGORITHMS);
  const clockTolerance = options.clockToleranceSeconds ?? 30;
  const timeoutMs = options.fetchTimeoutMs ?? 5000;
  let metadata: Promise<ProviderMetadata> | undefined;
  const provider = async () => {
    metadata ??= discoverProvider(options.issuer, timeoutMs);
    try {
      return await metadata;
    } catch (error) {
      metadata = undefined;
      throw error;
    }
  };
  const keys = createKeySource({
    issuer: options.issuer,
    timeoutMs,
    cacheMaxAgeMs: 10 * 60_000,
    cooldownMs: 30_000,
  });
  return {
    provider,
    async verify(idToken, nonce) {
      let claims: Claims;
      try {
        const verified = await jwtVerify(idToken, keys, {
          issuer: options.issuer,
          audience: options.clientId,
          algorithms,
          clockTolerance,
          requiredClaims: ['exp', 'iat', 'sub'],
          maxTokenAge: options.maxTokenAgeSeconds ?? 600,
          ...(options.now === undefined ? {} : { currentDate: options.now() }),
        });
        claims = verified.payload;
      } catch (error) {
        throw refusalOf(error);
      }
      const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if ((claims.azp !== undefined || audiences.length > 1) && claims.azp !== options.clientId) {
        throw refuse("The token's azp claim is not this client");
      }
      if (nonce === '' || claims.nonce !== nonce) {
        throw refuse("The token's nonce is not this sign-in's");
      }
      return claims;
    },
  };
}
