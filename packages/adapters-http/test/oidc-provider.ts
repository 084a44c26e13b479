import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';

/** The API's identifier: the audience of the access tokens the provider issues for it. */
export const API_AUDIENCE = 'https://api.reshaem.test';
/** Another API of the same provider; its tokens must not open ours. */
export const OTHER_AUDIENCE = 'https://other.reshaem.test';

/** A signing key pair: the private JWK for the provider, the public one for checks. */
export interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function signingKey(
  kid: string,
  alg: 'RS256' | 'ES256' = 'RS256',
): Promise<SigningKey> {
  const pair = await generateKeyPair(alg, { extractable: true });
  const privateJwk = { ...(await exportJWK(pair.privateKey)), kid, alg, use: 'sig' };
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateJwk, publicJwk };
}

export interface ProviderOptions {
  /** Keys the provider publishes; the first one signs. */
  keys: SigningKey[];
  /** Claims added to the access tokens of a client (its `sub` is its client id). */
  claimsOf?: (clientId: string) => Record<string, unknown>;
  /** Reuse a port (a provider restarted with new keys keeps its issuer). Default any free one. */
  port?: number;
  /** Access token lifetime in seconds. Default 300. */
  ttlSeconds?: number;
}

export interface RunningProvider {
  issuer: string;
  port: number;
  /** A client-credentials access token for `clientId` (registered on first use). */
  token(clientId: string, resource?: string): Promise<string>;
  close(): Promise<void>;
}

const SECRET = 'test-client-secret-that-is-long-enough';

/**
 * A real OpenID provider (`oidc-provider`) on 127.0.0.1, issuing JWT access tokens through
 * the client-credentials grant with resource indicators (RFC 8707), so no browser is needed.
 * Every client id listed in `clientIds` can get tokens; its `sub` is its id.
 */
export async function startProvider(
  clientIds: readonly string[],
  options: ProviderOptions,
): Promise<RunningProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: clientIds.map((id) => ({
      client_id: id,
      client_secret: SECRET,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
    })),
    jwks: { keys: options.keys.map((key) => key.privateJwk) },
    cookies: { keys: ['test-cookie-key-of-the-provider'] },
    ttl: { ClientCredentials: options.ttlSeconds ?? 300 },
    features: {
      clientCredentials: { enabled: true },
      // No browser here: the login and consent pages are not needed.
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => ({
          scope: 'api',
          audience: resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: options.ttlSeconds ?? 300,
          jwt: { sign: { alg: options.keys[0]?.alg ?? 'RS256' } },
        }),
      },
    },
    extraTokenClaims: (_ctx, token) =>
      options.claimsOf?.((token as { clientId?: string }).clientId ?? '') ?? {},
  });
  const callback = provider.callback();
  // No kept-alive sockets: a provider restarted on the same port must not meet clients
  // holding connections to the old one.
  server.on('request', (request, response) => {
    response.setHeader('connection', 'close');
    callback(request, response);
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  return {
    issuer,
    port,
    async token(clientId, resource = API_AUDIENCE) {
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${SECRET}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'api', resource }),
      });
      const body = (await response.json()) as { access_token?: string; error?: string };
      if (!response.ok || body.access_token === undefined) {
        throw new Error(`token for ${clientId}: ${response.status} ${JSON.stringify(body)}`);
      }
      return body.access_token;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
