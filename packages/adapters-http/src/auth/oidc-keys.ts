import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

export interface KeySourceOptions {
  issuer: string;
  /** Skip discovery and fetch keys from here. */
  jwksUri?: string | undefined;
  /** How long one discovery or JWKS request may take. */
  timeoutMs: number;
  /** How long fetched keys are trusted before they are fetched again. */
  cacheMaxAgeMs: number;
  /** The least time between two key fetches prompted by an unknown `kid`. */
  cooldownMs: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An issuer or key URL must be HTTPS: keys fetched over plain HTTP could be swapped by
 * anyone on the path. Plain HTTP is allowed on loopback only, for tests and local providers.
 */
export function secureUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`${what} is not a URL: ${text}`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return url;
  }
  throw new TypeError(`${what} must be an https:// URL (http:// only on loopback): ${text}`);
}

/** OpenID Connect Discovery 1.0 §4: the metadata lives under the issuer's own path. */
export const discoveryUrl = (issuer: string): URL =>
  new URL(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);

/** The parts of an issuer's discovery document (Discovery §3) reshaem reads. */
export interface ProviderMetadata {
  issuer: string;
  jwks_uri: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
}

/**
 * The issuer's discovery document, whose `issuer` must be exactly the configured one
 * (Discovery §4.3), so a document served for another issuer is never trusted. Every
 * endpoint it names must be HTTPS (plain HTTP on loopback only).
 */
export async function discoverProvider(
  issuer: string,
  timeoutMs: number,
): Promise<ProviderMetadata> {
  const url = discoveryUrl(issuer);
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  });
  if (!response.ok) throw new Error(`OIDC discovery: ${url} answered ${response.status}`);
  const metadata = (await response.json()) as Record<string, unknown>;
  if (metadata.issuer !== issuer) {
    throw new Error(
      `OIDC discovery: ${url} names issuer ${String(metadata.issuer)}, expected ${issuer}`,
    );
  }
  if (typeof metadata.jwks_uri !== 'string') {
    throw new Error(`OIDC discovery: ${url} has no jwks_uri`);
  }
  const found: ProviderMetadata = {
    issuer,
    jwks_uri: secureUrl(metadata.jwks_uri, 'jwks_uri').href,
  };
  for (const name of ['authorization_endpoint', 'token_endpoint'] as const) {
    const value = metadata[name];
    if (typeof value === 'string') found[name] = secureUrl(value, name).href;
  }
  return found;
}

/** Where the issuer publishes its keys: `jwks_uri` of its discovery document. */
export async function discoverJwksUri(issuer: string, timeoutMs: number): Promise<URL> {
  return new URL((await discoverProvider(issuer, timeoutMs)).jwks_uri);
}

/**
 * The issuer's signing keys, found once through discovery and then held by jose's remote
 * key set: fetched on first use, cached for `cacheMaxAgeMs`, and fetched again (at most
 * once per `cooldownMs`) when a token names a `kid` the cache lacks — that is how rotated keys are
 * picked up. A failed discovery is retried by the next request rather than remembered.
 */
export function createKeySource(options: KeySourceOptions): JWTVerifyGetKey {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const load = async (): Promise<JWTVerifyGetKey> => {
    const uri =
      options.jwksUri === undefined
        ? await discoverJwksUri(options.issuer, options.timeoutMs)
        : secureUrl(options.jwksUri, 'jwksUri');
    return createRemoteJWKSet(uri, {
      timeoutDuration: options.timeoutMs,
      cacheMaxAge: options.cacheMaxAgeMs,
      cooldownDuration: options.cooldownMs,
    });
  };
  return async (header, token) => {
    keys ??= load();
    let getKey: JWTVerifyGetKey;
    try {
      getKey = await keys;
    } catch (error) {
      keys = undefined;
      throw error;
    }
    return getKey(header, token);
  };
}
