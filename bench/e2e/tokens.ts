/**
 * The bench's identity provider: an RS256 key, its discovery document and JWKS served on
 * loopback, and one signed access token per demo user, as an OpenID provider would issue
 * them. The app verifies every request's token with `createOidcAuthenticate`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Directory } from '@reshaem/core';
import { demoUsers } from '@reshaem/core/testing';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Authenticate } from '../../packages/adapters-http/src/index.js';
import {
  createOidcAuthenticate,
  type OidcAuthenticateOptions,
} from '../../packages/adapters-http/src/oidc.js';

export const AUDIENCE = 'https://api.reshaem.bench';

/** The users a message's life needs, by the handle the clients use. */
export const LIFE_USERS = [
  'applicant',
  'moderator',
  'coordinatorRoads',
  'executorRoads',
  'headRoads',
] as const;
export type LifeUser = (typeof LIFE_USERS)[number];

export interface Issuer {
  /** A bearer token for each user of a life, valid for `ttlSeconds`. */
  tokens: Record<LifeUser, string>;
  /** The app's `authenticate` against this issuer. */
  authenticate(directory: Directory, extra?: Partial<OidcAuthenticateOptions>): Authenticate;
  close(): Promise<void>;
}

export async function startIssuer(ttlSeconds = 3600): Promise<Issuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256', use: 'sig' };
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.on('request', (request, response) => {
    const body =
      request.url === '/.well-known/openid-configuration'
        ? { issuer, jwks_uri: `${issuer}/jwks` }
        : request.url === '/jwks'
          ? { keys: [jwk] }
          : undefined;
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body ?? {}));
  });
  const now = Math.floor(Date.now() / 1000);
  const entries = await Promise.all(
    LIFE_USERS.map(async (handle) => {
      const token = await new SignJWT({ scope: 'api' })
        .setProtectedHeader({ alg: 'RS256', kid: 'bench', typ: 'at+jwt' })
        .setIssuer(issuer)
        .setAudience(AUDIENCE)
        .setSubject(demoUsers[handle].id)
        .setIssuedAt(now)
        .setExpirationTime(now + ttlSeconds)
        .sign(privateKey);
      return [handle, token] as const;
    }),
  );
  return {
    tokens: Object.fromEntries(entries) as Record<LifeUser, string>,
    authenticate: (directory, extra = {}) =>
      createOidcAuthenticate({ issuer, audience: AUDIENCE, directory, ...extra }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
